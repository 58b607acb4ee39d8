/** Swedish texts, for the same codes as en.ts (a test checks that the two tables match). */
import type { AuditAction, AuditEntity } from '../vocabulary';
import type { AdminAction, Catalogue, NotFoundEntity } from './codes';

const TYPE_NAMES: Record<string, string> = {
  string: 'text',
  number: 'ett tal',
  boolean: 'ja eller nej',
  object: 'ett objekt',
  array: 'en lista',
};

const ENTITY_NAMES = { area: 'området', cluster: 'klustret', municipality: 'kommunen' } as const;

const lang = (l: 'sv' | 'en') => (l === 'sv' ? 'svenska' : 'engelska');

const ADMIN_ACTIONS: Record<AdminAction, string> = {
  manageAreas: 'hantera områden',
  manageClusters: 'hantera kluster',
  manageUsers: 'hantera användarkonton',
  any: 'göra det här',
};
/** A record named with an indefinite article (`en medlem`), and with none found (`ingen medlem`). */
/** What only an administrator may do to a shared member (`permission.sharedMemberAdminOnly`). */
const SHARED_ACTIONS_SV = {
  delete: 'radera',
  archive: 'arkivera',
  unpublish: 'avpublicera',
} as const;

const RECORDS: Record<NotFoundEntity, { a: string; none: string; the: string; it: string }> = {
  area: { a: 'ett område', none: 'inget område', the: 'Området', it: 'det' },
  cluster: { a: 'ett kluster', none: 'inget kluster', the: 'Klustret', it: 'det' },
  member: { a: 'en medlem', none: 'ingen medlem', the: 'Medlemmen', it: 'den' },
  article: { a: 'en artikel', none: 'ingen artikel', the: 'Artikeln', it: 'den' },
  user: { a: 'ett konto', none: 'inget konto', the: 'Kontot', it: 'det' },
  'personal-data': {
    a: 'en personuppgiftsåtgärd',
    none: 'ingen personuppgiftsåtgärd',
    the: 'Personuppgiftsåtgärden',
    it: 'den',
  },
  joinRequest: {
    a: 'en medlemsansökan',
    none: 'ingen medlemsansökan',
    the: 'Medlemsansökan',
    it: 'den',
  },
  suggestion: {
    a: 'ett ändringsförslag',
    none: 'inget ändringsförslag',
    the: 'Ändringsförslaget',
    it: 'det',
  },
  auditEntry: {
    a: 'en historikpost',
    none: 'ingen historikpost',
    the: 'Historikposten',
    it: 'den',
  },
  mail: {
    a: 'ett mejl',
    none: 'inget mejl',
    the: 'Mejlet',
    it: 'det',
  },
};
const ACTIONS: Record<AuditAction, string> = {
  create: 'ett skapande',
  update: 'en ändring',
  publish: 'en publicering',
  unpublish: 'en avpublicering',
  archive: 'en arkivering',
  delete: 'en borttagning',
  restore: 'en återställning',
  import: 'en import',
  export: 'en export',
  erase: 'en radering',
  purge: 'en gallring',
};
const changed = (entity: AuditEntity, name?: string) =>
  `${RECORDS[entity].the}${name === undefined ? '' : ` ”${name}”`} har ändrats av någon annan sedan du öppnade ${RECORDS[entity].it}; ladda om eller slå ihop med den aktuella versionen`;

export const MESSAGES_SV: Catalogue = {
  required: (p) => `${p.label} måste fyllas i`,
  requiredIn: (p) => `${p.label} på ${lang(p.lang)} måste fyllas i`,
  textIn: (p) => `${p.label} på ${lang(p.lang)} måste vara text`,
  bilingualShape: (p) => `${p.label} måste fyllas i, som text på svenska och engelska`,
  tooShort: (p) => `${p.label} måste ha minst ${p.min} tecken`,
  tooLong: (p) => `${p.label} får ha högst ${p.max} tecken`,
  tooLongIn: (p) => `${p.label} på ${lang(p.lang)} får ha högst ${p.max} tecken`,
  overlong: (p) => `${p.label} är för lång`,
  notEmpty: (p) => `${p.label} får inte vara tom`,
  notText: (p) => `${p.label} måste vara text`,
  notNumber: (p) => `${p.label} måste vara ett tal`,
  notWhole: (p) => `${p.label} måste vara ett heltal`,
  notPositive: (p) => `${p.label} måste vara större än 0`,
  atLeast: (p) => `${p.label} måste vara minst ${p.min}`,
  orMore: (p) => `${p.label} måste vara ${p.min} eller mer`,
  atMost: (p) => `${p.label} får vara högst ${p.max}`,
  yearFrom: (p) => `${p.label} måste vara ${p.min} eller senare`,
  yearTo: (p) => `${p.label} får inte vara efter ${p.max}`,
  oneOf: (p) => `${p.label} måste vara en av: ${p.options}`,
  tooManyValues: (p) => `${p.label}: högst ${p.max} värden`,
  notDateTime: (p) => `${p.label} måste vara ett datum med tid`,
  'date.invalid': () => 'Datumet måste finnas och skrivas ÅÅÅÅ-MM-DD',
  'email.invalid': () => 'E-postadressen är inte giltig (till exempel namn@exempel.se)',
  'webAddress.empty': () => 'Webbadressen får inte vara tom',
  'webAddress.spaces': () => 'Webbadressen får inte innehålla mellanslag',
  'webAddress.scheme': () => 'Webbadressen måste börja med http:// eller https://',
  'webAddress.invalid': () => 'Webbadressen är inte giltig',
  'webAddress.domain': () => 'Webbadressen måste ha en domän, till exempel exempel.se',
  'webAddress.credentials': () => 'Webbadressen får inte innehålla användarnamn eller lösenord',
  'orgNumber.format': () =>
    'Organisationsnumret ska skrivas NNNNNN-NNNN (siffror och ett bindestreck)',
  'orgNumber.twelveDigits': () => 'Ett tolvsiffrigt organisationsnummer måste börja med 16',
  'orgNumber.length': (p) => `Organisationsnumret ska ha 10 siffror (NNNNNN-NNNN), inte ${p.got}`,
  'orgNumber.personal': () =>
    'Organisationsnumrets tredje siffra måste vara 2 eller mer (det här liknar ett personnummer)',
  'orgNumber.checkDigit': (p) =>
    `Organisationsnumrets kontrollsiffra är fel (ska vara ${p.expected}, är ${p.got})`,
  'slug.format': () => 'Slug får bara innehålla a–z, 0–9 och enstaka bindestreck mellan dem',
  'coverImage.start': () => 'Bildens adress måste börja med / eller https://',
  'coverImage.characters': () =>
    'Bildens adress får inte innehålla mellanslag, citattecken eller vinkelparenteser',
  'coverImage.oneSource': () =>
    'Omslagsbilden: ladda upp en bild eller ange dess adress (en av dem, inte båda)',
  'image.hash': () => 'Bilden måste vara en uppladdad bild (en innehållshash på 64 tecken)',
  'image.empty': (p) => `${p.label}: filen är tom`,
  'image.type': (p) =>
    `${p.label}: filen är inte en PNG-, JPEG- eller WebP-bild (innehållet kontrollerades, inte filnamnet)`,
  'image.svg': (p) =>
    `${p.label}: SVG-filer tas inte emot eftersom de kan innehålla skript; spara bilden som PNG eller WebP och ladda upp den`,
  'image.tooLarge': (p) => `${p.label}: filen är större än ${p.maxMb} MB`,
  'image.tooManyPixels': (p) =>
    `${p.label}: ${p.width} × ${p.height} pixlar är mer än ${p.maxMegapixels} megapixlar`,
  'image.tooWide': (p) =>
    `${p.label}: ${p.width} × ${p.height} pixlar; ingen sida får vara längre än ${p.max} pixlar`,
  'image.tooSmall': (p) =>
    `${p.label}: ${p.width} × ${p.height} pixlar är för litet; varje sida behöver minst ${p.min} pixlar`,
  'image.unreadable': (p) => `${p.label}: bilden är skadad eller ofullständig och kan inte läsas`,
  'image.unknown': (p) => `${p.label}: den uppladdade bilden finns inte; ladda upp den igen`,
  'tag.characters': () => 'Taggar får innehålla bokstäver, siffror, mellanslag och bindestreck',
  'tags.tooMany': (p) => `Högst ${p.max} taggar`,
  'areas.tooMany': (p) =>
    p.owner === 'member'
      ? 'En medlem kan höra till högst de sex områdena'
      : 'Ett kluster kan höra till högst de sex områdena',
  'areas.repeat': () => 'Ett område får inte förekomma två gånger',
  'memberships.tooMany': (p) => `En medlem kan vara med i högst ${p.max} kluster`,
  'memberships.repeat': () => 'Ett kluster får inte förekomma två gånger',
  'phone.characters': () =>
    'Telefonnumret får bara innehålla siffror, mellanslag, bindestreck, parenteser och ett inledande +',
  'phone.start': () =>
    'Telefonnumret måste börja med 0 (med riktnummer) eller med + och landsnummer',
  'phone.length': () => 'Telefonnumret har för få eller för många siffror',
  'postcode.format': () => 'Postnumret ska vara fem siffror, till exempel 211 20',
  'address.shape': () => 'Adressen ska ha gatuadress, postnummer och ort',
  'address.cityRequired': () => 'Ort måste fyllas i när gatuadress eller postnummer är ifyllt',
  'contactPersons.shape': () => 'En kontaktperson ska ha namn och e-postadress',
  'contactPersons.tooMany': (p) => `Högst ${p.max} kontaktpersoner`,
  'reportedMembers.shape': () =>
    'Det rapporterade medlemsantalet ska ha ett antal, hur det anges och ett år',
  'reportedMembers.countNeeded': () =>
    'Det rapporterade medlemsantalet måste fyllas i när hur det anges eller året är ifyllt',
  'sources.shape': () => 'En källa ska ha en titel på svenska, och kan ha ett år och en länk',
  'sources.tooMany': (p) => `Högst ${p.max} källor`,
  'municipality.code': () => 'Kommunen måste vara en av Skånes 33 kommuner',
  'municipality.filter': (p) =>
    `Kommunen måste vara en kommunkod i Skåne, ”${p.outside}” eller ”${p.unknown}”`,
  'municipality.outsideWithCode': () =>
    'En medlem i en skånsk kommun kan inte samtidigt vara utanför Skåne',
  'user.editorNeedsCluster': () => 'En redaktör måste höra till ett kluster',
  'user.adminHasNoCluster': () => 'En administratör hör inte till något kluster',
  'import.nothing': () => 'Det finns inget att importera',
  'import.cellTooLong': () => 'Cellen är för lång',
  'import.tooManyRows': (p) => `Högst ${p.max} rader`,
  'import.linesLength': () => 'Ange ett radnummer för varje rad',
  'taken.slug': () => 'används redan av en annan post',
  'taken.email': () => 'används redan av ett annat konto',
  'reference.missing': (p) => `${ENTITY_NAMES[p.entity]} ${p.id} finns inte`,
  'user.selfDisable': () => 'Du kan inte stänga av ditt eget konto',
  'user.selfDemote': () => 'Du kan inte ta bort din egen administratörsroll',
  'user.selfDelete': () => 'Du kan inte ta bort ditt eget konto',
  'personalData.confirmErase': () =>
    'Bekräfta att allt som finns lagrat om adressen ska raderas; det går inte att ångra',
  'taken.organisationNumber': (p) => `finns redan hos ${p.name}`,
  'taken.organisationNumberFull': (p) => `Organisationsnumret finns redan hos ${p.name}`,
  'similar.name': (p) => `Namnet liknar ${p.name} mycket`,
  'import.unknownArea': (p) => `okänt område ”${p.value}”`,
  'import.unknownCluster': (p) => `okänt kluster ”${p.value}”`,
  'import.unknownMunicipality': (p) => `”${p.value}” är inte en av Skånes 33 kommuner`,
  'import.repeatsRow': (p) => `upprepar rad ${p.row}`,
  'import.foreignCluster': () => 'redaktörer kan bara importera till sitt eget kluster',
  'import.replacementChar': () =>
    'innehåller tecknet � (en bokstav gick förlorad när filen sparades); rätta cellen och importera igen',
  'import.controlChar': () => 'innehåller ett styrtecken',
  'import.yesNo': (p) => `”${p.value}” är inte ja eller nej (1, sant, ja, x eller 0, falskt, nej)`,
  'import.changedSincePreview': (p) =>
    `”${p.name}” ändrades av någon annan efter förhandsgranskningen; granska filen igen`,
  'import.matchChanged': () =>
    'raden matchar en annan medlem än i förhandsgranskningen; granska filen igen',
  'import.conflict': (p) =>
    `${p.count === 1 ? 'En medlem' : `${p.count} medlemmar`} ändrades efter förhandsgranskningen (rad ${p.rows}); inget importerades — granska filen igen`,
  'csv.undecodable': (p) =>
    `Filen går inte att läsa som ${p.encoding}; spara den som CSV UTF-8 eller välj en annan teckenkodning`,
  'csv.replacementChar': (p) =>
    `Rad ${p.line} innehåller tecknet � (bokstäver gick förlorade när filen sparades); spara den igen som CSV UTF-8`,
  'csv.controlChar': (p) => `Rad ${p.line} innehåller ett styrtecken; är det en textfil?`,
  'csv.encodingUnknown': (p) =>
    `Okänd teckenkodning ”${p.encoding}”: välj utf-8, windows-1252 eller iso-8859-1`,
  'csv.unsupportedEncoding': (p) =>
    `Filen ser ut att vara i ${p.encoding}, som inte kan importeras; spara den som CSV UTF-8 eller välj en teckenkodning`,
  'auth.signIn': () => 'Logga in först',
  'permission.adminOnly': (p) => `Bara administratörer kan ${ADMIN_ACTIONS[p.action]}`,
  'permission.editorOwnCluster': () => 'Redaktörer kan bara ändra medlemmar i sitt eget kluster',
  'permission.editorOwnClusterNamed': (p) =>
    `Redaktörer kan bara ändra medlemmar i sitt eget kluster, och ”${p.name}” är inte en av dem`,
  'permission.editorAddOwnCluster': () =>
    'Redaktörer kan bara lägga till medlemmar i sitt eget kluster',
  'permission.editorArticles': () => 'Redaktörer kan bara skriva artiklar för sitt eget kluster',
  'permission.editorOwnClusterLogo': () => 'Redaktörer kan bara byta logotyp för sitt eget kluster',
  'permission.editorClusterLogoOnly': (p) =>
    `Redaktörer kan bara byta klustrets logotyp, inte: ${p.fields}`,
  'permission.editorHistory': () =>
    'Redaktörer kan bara läsa historiken för en av sina egna medlemmar',
  'permission.editorImportCluster': () => 'Redaktörer behöver ett kluster att importera till',
  'permission.sharedMemberAdminOnly': (p) =>
    `”${p.name}” tillhör även ett annat kluster, så bara en administratör kan ${SHARED_ACTIONS_SV[p.action]} det; du kan i stället ta bort det från ert kluster (”Ta bort från vårt kluster”)`,
  'permission.sharedMemberField': (p) =>
    `”${p.name}” tillhör även ett annat kluster, så bara en administratör kan ändra ${p.label.toLowerCase()}`,
  'permission.foreignMembership': (p) =>
    `Redaktörer kan inte lägga till, ta bort eller ändra ett annat klusters medlemskap (${p.cluster}); be en administratör`,
  'permission.leaveOnlyCluster': (p) =>
    `”${p.name}” tillhör bara ert kluster och kan inte tas bort från det; arkivera eller radera medlemmen i stället, eller be en administratör flytta den till ett annat kluster`,
  'permission.leaveClusterEditor': () =>
    'Bara en redaktör tar bort en medlem från sitt eget kluster på det här sättet; administratörer ändrar medlemskap i medlemmens formulär',
  'memberships.lastCluster': () =>
    'en medlem måste tillhöra minst ett kluster: lägg till det nya klustret innan du tar bort det sista, eller arkivera eller radera medlemmen i stället',
  'bulk.lastCluster': (p) =>
    `”${p.name}” tillhör inget annat kluster, och en medlem måste tillhöra minst ett: lägg först till den i ett annat kluster, eller arkivera den i stället`,
  'duplicate.outsideScope': () =>
    'Ett liknande medlemsföretag finns redan i ett annat kluster — kontakta en administratör',
  'duplicate.numberOutsideScope': () =>
    'Organisationsnumret finns redan hos ett medlemsföretag i ett annat kluster — kontakta en administratör',
  plainText: (p) => `${p.label} måste vara vanlig text, utan < > eller styrtecken`,
  'auth.profileRoute': () =>
    'Konton ändras i administrationen: ditt eget namn under ”Min profil”, allt annat av en administratör',
  'auth.tooManyAttempts': (p) =>
    `För många inloggningsförsök; försök igen om ${p.seconds < 90 ? `${p.seconds} sekunder` : `${Math.ceil(p.seconds / 60)} minuter`}`,
  'origin.refused': (p) =>
    `Ändringar tas bara emot från ${p.origin}; öppna administrationen på ${p.origin}/admin`,
  'origin.crossSite': () => 'Begäran från en annan webbplats avvisades',
  'origin.signIn': (p) =>
    `Inloggning tas bara emot från ${p.origin}, inte från ${p.from || 'en annan webbplats'}; öppna ${p.origin}/admin`,
  'notFound.record': (p) => `Det finns ${RECORDS[p.entity].none} med ${p.by} ${p.key}`,
  'conflict.changed': (p) => changed(p.entity),
  'conflict.changedNamed': (p) => changed(p.entity, p.name),
  'storage.full': () =>
    'Databasen är full (diskutrymmet är slut); ingenting sparades. Försök igen senare',
  'storage.readOnly': () =>
    'Databasen går bara att läsa just nu; ingenting sparades. Försök igen senare',
  'storage.busy': () => 'Databasen är upptagen; ingenting sparades. Försök igen om en stund',
  'request.csvType': () => 'Skicka CSV-filen som text/csv',
  'request.csvUnreadable': (p) => `CSV-filen kunde inte läsas: ${p.detail}`,
  'request.tooLarge': (p) => `Begäran är för stor (högst ${p.limit})`,
  'request.tooDeep': (p) => `JSON-innehållet är nästlat för djupt (högst ${p.max} nivåer)`,
  'request.notUtf8': () => 'Begäran är inte giltig UTF-8-text',
  'request.batchTooLarge': (p) => `Högst ${p.max} anrop i en och samma begäran`,
  'request.answerTooLarge': (p) =>
    `Svaret skulle bli större än ${p.limit}; be om färre anrop eller mindre sidor`,
  'download.tooMany': (p) =>
    `För många nedladdningar från din adress; försök igen om ${p.seconds} sekunder`,
  'restore.wrongEntity': (p) =>
    `är en post om ${RECORDS[p.entity].a}, inte om ${RECORDS[p.expected].a}`,
  'restore.noState': (p) =>
    `posten har inget läge ${p.side === 'before' ? 'före' : 'efter'} (den var ${ACTIONS[p.action]})`,
  'restore.versionRequired': (p) =>
    `måste anges för att återställa till ${RECORDS[p.entity].a} som finns`,
  'restore.stateMismatch': (p) =>
    `det sparade läget passar inte längre posten (${p.path}: ${p.detail})`,
  'restore.unsupported': () => 'den här sortens post kan inte återställas',
  'restore.undoCreate': () =>
    'att posten skapades kan inte ångras här (ta bort posten i stället, eller återställ hela posten)',
  'restore.recordDeleted': (p) =>
    `${RECORDS[p.entity].the} har tagits bort sedan dess: återställ ${RECORDS[p.entity].it} från raden där ${RECORDS[p.entity].it} togs bort`,
  'cursor.foreign': () => 'är inte en markör från den här listan (börja om från första sidan)',
  'cluster.hasEditors': () => 'klustret har fortfarande redaktörer; flytta eller ta bort dem först',
  'member.stillExists': () => 'medlemmen finns fortfarande; återställ till den i stället',
  'suggestion.consent': () =>
    'Kryssa i rutan för att låta oss spara ditt förslag och dina kontaktuppgifter',
  'suggestion.noChange': () => 'Inget har ändrats: ändra minst ett fält innan du skickar förslaget',
  'suggestion.noFields': () => 'Välj minst ett fält att föra in',
  'suggestion.unknownField': (p) => `Förslaget föreslår inget för fältet ”${p.field}”`,
  'suggestion.notOpen': (p) =>
    `Förslaget är redan hanterat eller ännu inte bekräftat (status: ${p.status})`,
  'input.unknownKeys': (p) => `${p.count > 1 ? 'Okända fält' : 'Okänt fält'}: ${p.keys}`,
  'input.invalid': () => 'Ogiltig uppgift',
  'input.invalidType': (p) => `Ogiltig uppgift: väntade ${TYPE_NAMES[p.expected] ?? p.expected}`,
  'input.tooBig': (p) => `För stort: högst ${p.maximum}`,
  'input.tooSmall': (p) => `För litet: minst ${p.minimum}`,
  'input.invalidFormat': () => 'Ogiltigt format',
  'publicForm.honeypot': () =>
    'Det här fältet ska lämnas tomt (det finns för att stoppa automatiska inskick)',
  'publicForm.tooFast': (p) =>
    `Formuläret skickades för snabbt efter att sidan öppnades; vänta ${p.seconds} sekunder och skicka igen`,
  'publicForm.expired': () =>
    'Formuläret är mer än ett dygn gammalt; ladda om sidan och skicka igen',
  'publicForm.tokenInvalid': () =>
    'Formuläret kunde inte kontrolleras; ladda om sidan och skicka igen',
  'publicForm.tooMany': (p) =>
    `För många inskick från din adress; försök igen om ${p.seconds} sekunder`,
  'publicForm.noAddress': () => 'Avsändarens adress är okänd; formuläret kan inte tas emot',
  'publicForm.crossSite': () => 'Formuläret skickades från en annan webbplats och togs inte emot',
  'confirmation.invalid': () =>
    'Bekräftelselänken är inte giltig; kontrollera att hela länken kom med',
  'confirmation.used': () => 'Bekräftelselänken har redan använts',
  'confirmation.expired': () => 'Bekräftelselänken har gått ut; skicka formuläret igen',
  'consent.required': () =>
    'Du behöver samtycka till att uppgifterna sparas för att skicka ansökan',
  'joinRequest.status': (p) => `Ansökan kan inte ta det här steget när den är ”${p.status}”`,
  'joinRequest.assignee': () =>
    'En ansökan kan bara tilldelas en administratör eller en redaktör för dess kluster',
};
