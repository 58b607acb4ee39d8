/**
 * The shared schemas and the server speak English ("Name must be at least 2
 * characters"). The Swedish interface shows the same rule in Swedish: each
 * message the domain package writes is matched here and rewritten; anything
 * not recognised is shown as it came, so a new rule is never hidden.
 */
import type { Locale } from './index';

const LABELS: Record<string, string> = {
  Name: 'Namn',
  'Short name': 'Kortnamn',
  Description: 'Beskrivning',
  Summary: 'Sammanfattning',
  Title: 'Rubrik',
  Body: 'Brödtext',
  'Cover image alt text': 'Bildens alternativtext',
  'Cover image address': 'Bildens adress',
  Author: 'Skribent',
  City: 'Ort',
  'Source note': 'Källanteckningen',
  Slug: 'Slug',
  Tag: 'Taggen',
  Password: 'Lösenordet',
  'E-mail address': 'E-postadressen',
  'Web address': 'Webbadressen',
  'Founded year': 'Grundat år',
  Order: 'Ordningen',
  'Organisation number': 'Organisationsnumret',
  Municipality: 'Kommun',
  Kind: 'Typ',
  Size: 'Storlek',
  Status: 'Status',
  Role: 'Roll',
  Confidence: 'Säkerhet',
  Date: 'Datum',
  'Published at': 'Publiceringsdatum',
  'User id': 'Användar-id',
  Id: 'Id',
  Version: 'Version',
};

const label = (english: string) => LABELS[english] ?? english;
const LABEL = `(${Object.keys(LABELS)
  .sort((a, b) => b.length - a.length)
  .map((l) => l.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
  .join('|')})`;

type Rule = [RegExp, (...groups: string[]) => string];

const RULES: Rule[] = [
  [
    new RegExp(`^${LABEL} in (Swedish|English) is required$`),
    (l, lang) => `${label(l)} på ${lang === 'Swedish' ? 'svenska' : 'engelska'} måste fyllas i`,
  ],
  [
    new RegExp(`^${LABEL} in (Swedish|English) must be at most (\\d+) characters$`),
    (l, lang, n) =>
      `${label(l)} på ${lang === 'Swedish' ? 'svenska' : 'engelska'} får ha högst ${n} tecken`,
  ],
  [new RegExp(`^${LABEL} is required$`), (l) => `${label(l)} måste fyllas i`],
  [
    new RegExp(`^${LABEL} must be at least (\\d+) characters$`),
    (l, n) => `${label(l)} måste ha minst ${n} tecken`,
  ],
  [
    new RegExp(`^${LABEL} must be at most (\\d+) characters$`),
    (l, n) => `${label(l)} får ha högst ${n} tecken`,
  ],
  [new RegExp(`^${LABEL} must not be empty$`), (l) => `${label(l)} får inte vara tom`],
  [new RegExp(`^${LABEL} must be a number$`), (l) => `${label(l)} måste vara ett tal`],
  [new RegExp(`^${LABEL} must be a whole number$`), (l) => `${label(l)} måste vara ett heltal`],
  [
    new RegExp(`^${LABEL} must be (\\d+) or later$`),
    (l, n) => `${label(l)} måste vara ${n} eller senare`,
  ],
  [
    new RegExp(`^${LABEL} must not be after (\\d+)$`),
    (l, n) => `${label(l)} får inte vara efter ${n}`,
  ],
  [new RegExp(`^${LABEL} must be at most (\\d+)$`), (l, n) => `${label(l)} får vara högst ${n}`],
  [
    new RegExp(`^${LABEL} must be (\\d+) or more$`),
    (l, n) => `${label(l)} måste vara ${n} eller mer`,
  ],
  [
    new RegExp(`^${LABEL} must be one of: (.*)$`),
    (l, list) => `${label(l)} måste vara en av: ${list}`,
  ],
  [
    /^Organisation number must be written NNNNNN-NNNN \(digits and one dash\)$/,
    () => 'Organisationsnumret ska skrivas NNNNNN-NNNN (siffror och ett bindestreck)',
  ],
  [
    /^Organisation number a twelve-digit organisation number must start with 16$/,
    () => 'Ett tolvsiffrigt organisationsnummer måste börja med 16',
  ],
  [
    /^Organisation number must have 10 digits \(NNNNNN-NNNN\), got (\d+)$/,
    (n) => `Organisationsnumret ska ha 10 siffror (NNNNNN-NNNN), inte ${n}`,
  ],
  [
    /^Organisation number third digit must be 2 or more \(this looks like a personal identity number\)$/,
    () =>
      'Organisationsnumrets tredje siffra måste vara 2 eller mer (det här liknar ett personnummer)',
  ],
  [
    /^Organisation number check digit is wrong \(expected (\d), got (\d)\)$/,
    (e, g) => `Organisationsnumrets kontrollsiffra är fel (ska vara ${e}, är ${g})`,
  ],
  [
    /^Organisation number is already registered for (.*)$/,
    (n) => `Organisationsnumret finns redan hos ${n}`,
  ],
  [/^is already registered for (.*)$/, (n) => `finns redan hos ${n}`],
  [
    /^is already used by another (member|cluster|article|area)$/,
    () => 'används redan av en annan post',
  ],
  [/^is already used by another account$/, () => 'används redan av ett annat konto'],
  [/^Web address must not be empty$/, () => 'Webbadressen får inte vara tom'],
  [/^Web address must not contain spaces$/, () => 'Webbadressen får inte innehålla mellanslag'],
  [
    /^Web address must start with http:\/\/ or https:\/\/$/,
    () => 'Webbadressen måste börja med http:// eller https://',
  ],
  [/^Web address is not a valid web address$/, () => 'Webbadressen är inte giltig'],
  [
    /^Web address must have a domain such as example\.se$/,
    () => 'Webbadressen måste ha en domän, till exempel exempel.se',
  ],
  [
    /^Web address must not contain a user name or password$/,
    () => 'Webbadressen får inte innehålla användarnamn eller lösenord',
  ],
  [
    /^E-mail address is not valid \(expected name@example\.se\)$/,
    () => 'E-postadressen är inte giltig (till exempel namn@exempel.se)',
  ],
  [
    /^Slug may hold only a–z, 0–9 and single dashes between them$/,
    () => 'Slug får bara innehålla a–z, 0–9 och enstaka bindestreck mellan dem',
  ],
  [
    /^Cover image address must start with \/ or https:\/\/$/,
    () => 'Bildens adress måste börja med / eller https://',
  ],
  [
    /^Tag may hold letters, digits, spaces and dashes$/,
    () => 'Taggar får innehålla bokstäver, siffror, mellanslag och bindestreck',
  ],
  [/^At most (\d+) tags$/, (n) => `Högst ${n} taggar`],
  [
    /^Date must be a real date written YYYY-MM-DD$/,
    () => 'Datumet måste finnas och skrivas ÅÅÅÅ-MM-DD',
  ],
  [
    /^Published at must be an ISO date-time$/,
    () => 'Publiceringsdatumet måste vara ett datum med tid',
  ],
  [
    /^A member belongs to at most the six areas$/,
    () => 'En medlem kan höra till högst de sex områdena',
  ],
  [
    /^A cluster belongs to at most the six areas$/,
    () => 'Ett kluster kan höra till högst de sex områdena',
  ],
  [/^Areas must not repeat$/, () => 'Ett område får inte förekomma två gånger'],
  [/^A member can be in at most 20 clusters$/, () => 'En medlem kan vara med i högst 20 kluster'],
  [
    /^A cluster must not appear twice in memberships$/,
    () => 'Ett kluster får inte förekomma två gånger',
  ],
  [
    /^Municipality must be one of the 33 Skåne municipality codes \(1214–1293\)$/,
    () => 'Kommunen måste vara en av Skånes 33 kommuner',
  ],
  [
    /^"(.*)" is not one of Skåne's 33 municipalities$/,
    (m) => `”${m}” är inte en av Skånes 33 kommuner`,
  ],
  [/^unknown area "(.*)"$/, (a) => `okänt område ”${a}”`],
  [/^unknown cluster "(.*)"$/, (c) => `okänt kluster ”${c}”`],
  [/^repeats row (\d+)$/, (n) => `upprepar rad ${n}`],
  [
    /^editors may only import into their own cluster$/,
    () => 'redaktörer kan bara importera till sitt eget kluster',
  ],
  [/^Nothing to import$/, () => 'Det finns inget att importera'],
  [/^Cell is too long$/, () => 'Cellen är för lång'],
  [
    /^Editors may only add members to their own cluster$/,
    () => 'Redaktörer kan bara lägga till medlemmar i sitt eget kluster',
  ],
  [
    /^Editors may only change members of their own cluster$/,
    () => 'Redaktörer kan bara ändra medlemmar i sitt eget kluster',
  ],
  [/^An editor must belong to a cluster$/, () => 'En redaktör måste höra till ett kluster'],
  [/^An admin is not tied to a cluster$/, () => 'En administratör hör inte till något kluster'],
  [/^Name is very similar to (.*)$/, (n) => `Namnet liknar ${n} mycket`],
];

export function localiseIssue(message: string, locale: Locale): string {
  if (locale === 'en') return message;
  for (const [pattern, rewrite] of RULES) {
    const match = pattern.exec(message);
    if (match) return rewrite(...match.slice(1));
  }
  return message;
}
