/**
 * Mail: the notification choice on "My profile" and the admins' Outbox.
 * Swedish first, English second.
 */
export const MAIL_MESSAGES = {
  'notify.legend': ['Aviseringar', 'Notifications'],
  'notify.intro': [
    'Hur vill du få veta när något händer i ditt kluster, till exempel en ny medlemsansökan?',
    'How do you want to hear when something happens in your cluster, such as a new membership application?',
  ],
  'notify.each': ['Ett mejl per händelse', 'One e-mail per event'],
  'notify.daily': [
    'En daglig sammanfattning (kl. 07 svensk tid)',
    'A daily summary (at 07:00 Swedish time)',
  ],
  'notify.language': ['Språk i mejlen', 'Language of the e-mails'],
  'notify.sv': ['Svenska', 'Swedish'],
  'notify.en': ['Engelska', 'English'],
  'notify.save': ['Spara aviseringar', 'Save notifications'],
  'notify.saved': ['Dina aviseringar är sparade.', 'Your notifications were saved.'],
  'outbox.link': ['Utkorg', 'Outbox'],
  'outbox.title': ['Utkorg', 'Outbox'],
  'outbox.intro': [
    'Alla mejl som plattformen har skickat eller sparat, nyast först. Utan SMTP_URL skickas inget: mejlen stannar här.',
    'Every e-mail the platform has sent or kept, newest first. Without SMTP_URL nothing is sent: the e-mails stay here.',
  ],
  'outbox.empty': ['Inga mejl ännu.', 'No e-mail yet.'],
  'outbox.when': ['Skapat', 'Created'],
  'outbox.to': ['Till', 'To'],
  'outbox.subject': ['Ämne', 'Subject'],
  'outbox.kind': ['Slag', 'Kind'],
  'outbox.status': ['Status', 'Status'],
  'outbox.status.outbox': ['I utkorgen', 'In the outbox'],
  'outbox.status.queued': ['Skickas', 'Sending'],
  'outbox.status.sent': ['Skickat', 'Sent'],
  'outbox.status.failed': ['Misslyckades', 'Failed'],
  'outbox.attempts': ['Försök: {count}', 'Attempts: {count}'],
  'outbox.error': ['Senaste fel', 'Last error'],
  'outbox.sentAt': ['Skickat', 'Sent'],
  'outbox.language': ['Språk', 'Language'],
  'outbox.text': ['Textdelen', 'Plain text part'],
  'outbox.html': [
    'HTML-delen (visas utan skript och utan att något hämtas)',
    'HTML part (shown without scripts, loading nothing)',
  ],
  'outbox.htmlFrame': ['HTML-delen av mejlet', 'The e-mail’s HTML part'],
  'outbox.back': ['Tillbaka till utkorgen', 'Back to the outbox'],
  'outbox.page': ['Sida {page} av {pages}', 'Page {page} of {pages}'],
  'outbox.previous': ['Föregående sida', 'Previous page'],
  'outbox.next': ['Nästa sida', 'Next page'],
  'outbox.pager': ['Sidor', 'Pages'],
} as const satisfies Record<string, readonly [string, string]>;
