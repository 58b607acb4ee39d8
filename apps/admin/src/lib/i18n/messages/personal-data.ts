/** The personal-data screen: export or erase everything about one address. Swedish first, English second. */
export const PERSONAL_DATA_MESSAGES = {
  'nav.personalData': ['Personuppgifter', 'Personal data'],
  'personalData.title': ['Personuppgifter', 'Personal data'],
  'personalData.intro': [
    'Ta fram allt som plattformen har sparat om en e-postadress, som en fil att skicka till personen, eller radera alltihop på en gång. Stora och små bokstäver spelar ingen roll. Varje sökning och radering står i historiken, utan adressen.',
    'Find everything the platform has stored about an e-mail address, as a file to send to the person, or erase all of it at once. Upper and lower case do not matter. Every look-up and erasure is in the history, without the address.',
  ],
  'personalData.email': ['E-postadress', 'E-mail address'],
  'personalData.find': ['Visa vad som finns sparat', 'Show what is stored'],
  'personalData.finding': ['Söker …', 'Searching …'],
  'personalData.found': ['Sparat om {email}', 'Stored about {email}'],
  'personalData.nothing': [
    'Ingenting finns sparat om adressen.',
    'Nothing is stored about the address.',
  ],
  'personalData.items.one': ['1 post', '1 item'],
  'personalData.items': ['{n} poster', '{n} items'],
  'personalData.download': ['Ladda ner som JSON', 'Download as JSON'],
  'personalData.details': ['Visa allt', 'Show everything'],
  'personalData.eraseTitle': ['Radera allt om adressen', 'Erase everything about the address'],
  'personalData.eraseHint': [
    'Raderingen går inte att ångra. Ett konto med adressen tas också bort. Ladda ner filen först om personen har bett om en kopia.',
    'The erasure cannot be undone. An account with the address is deleted too. Download the file first if the person asked for a copy.',
  ],
  'personalData.eraseConfirm': [
    'Jag förstår att allt om {email} raderas för gott',
    'I understand that everything about {email} is erased for good',
  ],
  'personalData.erase': ['Radera allt', 'Erase everything'],
  'personalData.erasing': ['Raderar …', 'Erasing …'],
  'personalData.erased': ['Raderat: {n} rader om {email}.', 'Erased: {n} rows about {email}.'],
  'personalData.holder.accounts': [
    'Konto, inloggningar och inloggningsspärrar',
    'Account, sign-ins and sign-in limits',
  ],
  'personalData.holder.joinRequests': ['Ansökningar om medlemskap', 'Applications to join'],
  'personalData.holder.updateSuggestions': ['Förslag på ändringar', 'Suggested updates'],
  'personalData.holder.clusterContacts': ['Kontaktperson för kluster', 'Cluster contact person'],
  'personalData.holder.mail': ['E-post i utkorgen', 'Mail in the outbox'],
  'personalData.holder.auditTrail': ['Historik', 'History'],
} as const;
