/** English texts. These are the messages the API has always sent: tests across the repo assert them. */
import type { AdminAction, Catalogue, NotFoundEntity } from './codes';

const lang = (l: 'sv' | 'en') => (l === 'sv' ? 'Swedish' : 'English');

const ADMIN_ACTIONS: Record<AdminAction, string> = {
  manageAreas: 'manage areas',
  manageClusters: 'manage clusters',
  manageUsers: 'manage user accounts',
  any: 'do this',
};
const entityName = (entity: NotFoundEntity) => (entity === 'auditEntry' ? 'audit entry' : entity);
const withArticle = (word: string) => `${/^[aeiou]/.test(word) ? 'an' : 'a'} ${word}`;
const changed = (what: string) =>
  `This ${what} was changed by someone else since you loaded it; reload or merge the current version`;

export const MESSAGES_EN: Catalogue = {
  required: (p) => `${p.label} is required`,
  requiredIn: (p) => `${p.label} in ${lang(p.lang)} is required`,
  textIn: (p) => `${p.label} in ${lang(p.lang)} must be text`,
  bilingualShape: (p) => `${p.label} is required, as { sv, en } text`,
  tooShort: (p) => `${p.label} must be at least ${p.min} characters`,
  tooLong: (p) => `${p.label} must be at most ${p.max} characters`,
  tooLongIn: (p) => `${p.label} in ${lang(p.lang)} must be at most ${p.max} characters`,
  overlong: (p) => `${p.label} is too long`,
  notEmpty: (p) => `${p.label} must not be empty`,
  notText: (p) => `${p.label} must be text`,
  notNumber: (p) => `${p.label} must be a number`,
  notWhole: (p) => `${p.label} must be a whole number`,
  notPositive: (p) => `${p.label} must be positive`,
  atLeast: (p) => `${p.label} must be at least ${p.min}`,
  orMore: (p) => `${p.label} must be ${p.min} or more`,
  atMost: (p) => `${p.label} must be at most ${p.max}`,
  yearFrom: (p) => `${p.label} must be ${p.min} or later`,
  yearTo: (p) => `${p.label} must not be after ${p.max}`,
  oneOf: (p) => `${p.label} must be one of: ${p.options}`,
  tooManyValues: (p) => `${p.label}: at most ${p.max} values`,
  notDateTime: (p) => `${p.label} must be an ISO date-time`,
  'date.invalid': () => 'Date must be a real date written YYYY-MM-DD',
  'email.invalid': () => 'E-mail address is not valid (expected name@example.se)',
  'webAddress.empty': () => 'Web address must not be empty',
  'webAddress.spaces': () => 'Web address must not contain spaces',
  'webAddress.scheme': () => 'Web address must start with http:// or https://',
  'webAddress.invalid': () => 'Web address is not a valid web address',
  'webAddress.domain': () => 'Web address must have a domain such as example.se',
  'webAddress.credentials': () => 'Web address must not contain a user name or password',
  'orgNumber.format': () => 'Organisation number must be written NNNNNN-NNNN (digits and one dash)',
  'orgNumber.twelveDigits': () =>
    'Organisation number a twelve-digit organisation number must start with 16',
  'orgNumber.length': (p) => `Organisation number must have 10 digits (NNNNNN-NNNN), got ${p.got}`,
  'orgNumber.personal': () =>
    'Organisation number third digit must be 2 or more (this looks like a personal identity number)',
  'orgNumber.checkDigit': (p) =>
    `Organisation number check digit is wrong (expected ${p.expected}, got ${p.got})`,
  'slug.format': () => 'Slug may hold only a–z, 0–9 and single dashes between them',
  'coverImage.start': () => 'Cover image address must start with / or https://',
  'coverImage.characters': () =>
    'Cover image address must not contain spaces, quotes or angle brackets',
  'tag.characters': () => 'Tag may hold letters, digits, spaces and dashes',
  'tags.tooMany': (p) => `At most ${p.max} tags`,
  'areas.tooMany': (p) => `A ${p.owner} belongs to at most the six areas`,
  'areas.repeat': () => 'Areas must not repeat',
  'memberships.tooMany': (p) => `A member can be in at most ${p.max} clusters`,
  'memberships.repeat': () => 'A cluster must not appear twice in memberships',
  'municipality.code': () =>
    'Municipality must be one of the 33 Skåne municipality codes (1214–1293)',
  'municipality.filter': (p) => `Municipality must be a Skåne municipality code or "${p.outside}"`,
  'user.editorNeedsCluster': () => 'An editor must belong to a cluster',
  'user.adminHasNoCluster': () => 'An admin is not tied to a cluster',
  'import.nothing': () => 'Nothing to import',
  'import.cellTooLong': () => 'Cell is too long',
  'import.tooManyRows': (p) => `At most ${p.max} rows`,
  'taken.slug': (p) => `is already used by another ${p.entity}`,
  'taken.email': () => 'is already used by another account',
  'reference.missing': (p) => `${p.entity} ${p.id} does not exist`,
  'user.selfDisable': () => 'You cannot disable your own account',
  'user.selfDemote': () => 'You cannot demote yourself',
  'user.selfDelete': () => 'You cannot delete your own account',
  'taken.organisationNumber': (p) => `is already registered for ${p.name}`,
  'taken.organisationNumberFull': (p) => `Organisation number is already registered for ${p.name}`,
  'similar.name': (p) => `Name is very similar to ${p.name}`,
  'import.unknownArea': (p) => `unknown area "${p.value}"`,
  'import.unknownCluster': (p) => `unknown cluster "${p.value}"`,
  'import.unknownMunicipality': (p) => `"${p.value}" is not one of Skåne's 33 municipalities`,
  'import.repeatsRow': (p) => `repeats row ${p.row}`,
  'import.foreignCluster': () => 'editors may only import into their own cluster',
  'auth.signIn': () => 'Sign in first',
  'permission.adminOnly': (p) => `Only administrators may ${ADMIN_ACTIONS[p.action]}`,
  'permission.editorOwnCluster': () => 'Editors may only change members of their own cluster',
  'permission.editorOwnClusterNamed': (p) =>
    `Editors may only change members of their own cluster, and "${p.name}" is not one of them`,
  'permission.editorAddOwnCluster': () => 'Editors may only add members to their own cluster',
  'permission.editorArticles': () => "Editors may only write their own cluster's articles",
  'permission.editorHistory': () => 'Editors may only read the history of one of their members',
  'permission.editorImportCluster': () => 'Editors need a cluster to import into',
  'origin.refused': (p) =>
    `Changes are accepted only from ${p.origin}; open the admin at ${p.origin}/admin`,
  'origin.crossSite': () => 'Cross-site request refused',
  'origin.signIn': (p) =>
    `Sign-in is accepted only from ${p.origin}, not from ${p.from || 'another site'}; open ${p.origin}/admin`,
  'notFound.record': (p) => `No ${entityName(p.entity)} with ${p.by} ${p.key}`,
  'conflict.changed': (p) => changed(p.entity),
  'conflict.changedNamed': (p) => changed(`${p.entity} "${p.name}"`),
  'storage.full': () =>
    'The database is full (no disk space left); nothing was saved. Try again later',
  'storage.readOnly': () =>
    'The database is read-only at the moment; nothing was saved. Try again later',
  'storage.busy': () => 'The database is busy; nothing was saved. Try again in a moment',
  'request.csvType': () => 'Send the CSV file as text/csv',
  'request.csvUnreadable': (p) => `CSV: ${p.detail}`,
  'restore.wrongEntity': (p) =>
    `is an entry about ${withArticle(p.entity)}, not ${withArticle(p.expected)}`,
  'restore.noState': (p) => `this entry has no "${p.side}" state (it was a ${p.action})`,
  'restore.versionRequired': (p) => `is required to restore onto an existing ${p.entity}`,
  'restore.stateMismatch': (p) =>
    `the recorded state no longer fits the record (${p.path}: ${p.detail})`,
  'restore.unsupported': () => 'this kind of record cannot be restored',
  'cursor.foreign': () => 'is not a cursor from this list (start again from the first page)',
  'cluster.hasEditors': () => 'this cluster still has editors; move or remove them first',
  'member.stillExists': () => 'this member still exists; restore onto it instead',
  'input.unknownKeys': (p) => `Unrecognized key${p.count > 1 ? 's' : ''}: ${p.keys}`,
  'input.invalid': () => 'Invalid input',
  'input.invalidType': (p) => `Invalid input: expected ${p.expected}`,
  'input.tooBig': (p) => `Too big: expected at most ${p.maximum}`,
  'input.tooSmall': (p) => `Too small: expected at least ${p.minimum}`,
  'input.invalidFormat': (p) => `Invalid ${p.format}`,
};
