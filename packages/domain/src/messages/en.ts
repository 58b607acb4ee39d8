/** English texts. These are the messages the API has always sent: tests across the repo assert them. */
import type { AdminAction, Catalogue, NotFoundEntity } from './codes';

const lang = (l: 'sv' | 'en') => (l === 'sv' ? 'Swedish' : 'English');

const ADMIN_ACTIONS: Record<AdminAction, string> = {
  manageAreas: 'manage areas',
  manageClusters: 'manage clusters',
  manageUsers: 'manage user accounts',
  any: 'do this',
};
const entityName = (entity: NotFoundEntity) =>
  entity === 'auditEntry' ? 'audit entry' : entity === 'joinRequest' ? 'join request' : entity;
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
  'coverImage.oneSource': () => 'Cover image: upload an image or give its address (one, not both)',
  'image.hash': () => 'Image must be an uploaded image (a 64-character content hash)',
  'image.empty': (p) => `${p.label}: the file is empty`,
  'image.type': (p) =>
    `${p.label}: the file is not a PNG, JPEG or WebP image (its content was checked, not its name)`,
  'image.svg': (p) =>
    `${p.label}: SVG files are not accepted, as they can carry scripts; save it as PNG or WebP and upload that`,
  'image.tooLarge': (p) => `${p.label}: the file is larger than ${p.maxMb} MB`,
  'image.tooManyPixels': (p) =>
    `${p.label}: ${p.width} × ${p.height} pixels is more than ${p.maxMegapixels} megapixels`,
  'image.tooWide': (p) =>
    `${p.label}: ${p.width} × ${p.height} pixels; neither side may be more than ${p.max} pixels`,
  'image.tooSmall': (p) =>
    `${p.label}: ${p.width} × ${p.height} pixels is too small; each side needs at least ${p.min} pixels`,
  'image.unreadable': (p) => `${p.label}: the image is damaged or incomplete and cannot be read`,
  'image.unknown': (p) => `${p.label}: no such uploaded image; upload it again`,
  'tag.characters': () => 'Tag may hold letters, digits, spaces and dashes',
  'tags.tooMany': (p) => `At most ${p.max} tags`,
  'areas.tooMany': (p) => `A ${p.owner} belongs to at most the six areas`,
  'areas.repeat': () => 'Areas must not repeat',
  'memberships.tooMany': (p) => `A member can be in at most ${p.max} clusters`,
  'memberships.repeat': () => 'A cluster must not appear twice in memberships',
  'phone.characters': () =>
    'Phone number may hold only digits, spaces, hyphens, brackets and a leading +',
  'phone.start': () =>
    'Phone number must start with 0 (with the area code) or with + and a country code',
  'phone.length': () => 'Phone number has too few or too many digits',
  'postcode.format': () => 'Postcode must be five digits, e.g. 211 20',
  'address.shape': () => 'Address must have a street, a postcode and a city',
  'address.cityRequired': () => 'City is needed when a street or postcode is given',
  'contactPersons.shape': () => 'Contact person must have a name and an e-mail address',
  'contactPersons.tooMany': (p) => `At most ${p.max} contact persons`,
  'reportedMembers.shape': () =>
    'Reported member count must have a count, how it is given and a year',
  'reportedMembers.countNeeded': () =>
    'Reported member count is needed when how it is given or its year is filled in',
  'sources.shape': () => 'A source must have a title in Swedish, and may have a year and a link',
  'sources.tooMany': (p) => `At most ${p.max} sources`,
  'municipality.code': () =>
    'Municipality must be one of the 33 Skåne municipality codes (1214–1293)',
  'municipality.filter': (p) =>
    `Municipality must be a Skåne municipality code, "${p.outside}" or "${p.unknown}"`,
  'municipality.outsideWithCode': () =>
    'A member in a Skåne municipality cannot also be outside Skåne',
  'user.editorNeedsCluster': () => 'An editor must belong to a cluster',
  'user.adminHasNoCluster': () => 'An admin is not tied to a cluster',
  'import.nothing': () => 'Nothing to import',
  'import.cellTooLong': () => 'Cell is too long',
  'import.tooManyRows': (p) => `At most ${p.max} rows`,
  'import.linesLength': () => 'Give one line number for each row',
  'taken.slug': (p) => `is already used by another ${p.entity}`,
  'taken.email': () => 'is already used by another account',
  'reference.missing': (p) => `${p.entity} ${p.id} does not exist`,
  'user.selfDisable': () => 'You cannot disable your own account',
  'user.selfDemote': () => 'You cannot demote yourself',
  'user.selfDelete': () => 'You cannot delete your own account',
  'personalData.confirmErase': () =>
    'Confirm that everything stored about the address is to be erased; this cannot be undone',
  'taken.organisationNumber': (p) => `is already registered for ${p.name}`,
  'taken.organisationNumberFull': (p) => `Organisation number is already registered for ${p.name}`,
  'similar.name': (p) => `Name is very similar to ${p.name}`,
  'import.unknownArea': (p) => `unknown area "${p.value}"`,
  'import.unknownCluster': (p) => `unknown cluster "${p.value}"`,
  'import.unknownMunicipality': (p) => `"${p.value}" is not one of Skåne's 33 municipalities`,
  'import.repeatsRow': (p) => `repeats row ${p.row}`,
  'import.foreignCluster': () => 'editors may only import into their own cluster',
  'import.replacementChar': () =>
    'contains the character � (a letter was lost when the file was saved); fix the cell and import again',
  'import.controlChar': () => 'contains a control character',
  'import.yesNo': (p) => `"${p.value}" is not yes or no (1, true, yes, x or 0, false, no)`,
  'import.changedSincePreview': (p) =>
    `"${p.name}" was changed by someone else after the preview; check the file again`,
  'import.matchChanged': () =>
    'this row matches a different member than in the preview; check the file again',
  'import.conflict': (p) =>
    `${p.count === 1 ? 'A member' : `${p.count} members`} changed after the preview (line${p.count === 1 ? '' : 's'} ${p.rows}); nothing was imported — check the file again`,
  'csv.undecodable': (p) =>
    `The file is not readable as ${p.encoding}; save it as CSV UTF-8 or choose another encoding`,
  'csv.replacementChar': (p) =>
    `Line ${p.line} contains the character � (letters were lost when the file was saved); save it again as CSV UTF-8`,
  'csv.controlChar': (p) => `Line ${p.line} contains a control character; is this a text file?`,
  'csv.encodingUnknown': (p) =>
    `Unknown encoding "${p.encoding}": choose utf-8, windows-1252 or iso-8859-1`,
  'csv.unsupportedEncoding': (p) =>
    `The file looks like ${p.encoding}, which cannot be imported; save it as CSV UTF-8 or choose an encoding`,
  'auth.signIn': () => 'Sign in first',
  'permission.adminOnly': (p) => `Only administrators may ${ADMIN_ACTIONS[p.action]}`,
  'permission.editorOwnCluster': () => 'Editors may only change members of their own cluster',
  'permission.editorOwnClusterNamed': (p) =>
    `Editors may only change members of their own cluster, and "${p.name}" is not one of them`,
  'permission.editorAddOwnCluster': () => 'Editors may only add members to their own cluster',
  'permission.editorArticles': () => "Editors may only write their own cluster's articles",
  'permission.editorOwnClusterLogo': () => "Editors may only change their own cluster's logo",
  'permission.editorClusterLogoOnly': (p) =>
    `Editors may change only their cluster's logo, not: ${p.fields}`,
  'permission.editorHistory': () => 'Editors may only read the history of one of their members',
  'permission.editorImportCluster': () => 'Editors need a cluster to import into',
  'permission.sharedMemberAdminOnly': (p) =>
    `"${p.name}" also belongs to another cluster, so only an administrator can ${p.action} it; you can remove it from your cluster instead ("Remove from our cluster")`,
  'permission.sharedMemberField': (p) =>
    `"${p.name}" also belongs to another cluster, so only an administrator can change its ${p.label.toLowerCase()}`,
  'permission.foreignMembership': (p) =>
    `Editors may not add, remove or change another cluster's membership (${p.cluster}); ask an administrator`,
  'permission.leaveOnlyCluster': (p) =>
    `"${p.name}" belongs only to your cluster, so it cannot be removed from it; archive or delete the member instead, or ask an administrator to move it to another cluster`,
  'permission.leaveClusterEditor': () =>
    "Only an editor removes a member from their own cluster this way; administrators change memberships in the member's form",
  'memberships.lastCluster': () =>
    'a member must belong to at least one cluster: add the new cluster before removing the last one, or archive or delete the member instead',
  'bulk.lastCluster': (p) =>
    `"${p.name}" belongs to no other cluster, and a member must belong to at least one: add it to another cluster first, or archive it instead`,
  'duplicate.outsideScope': () =>
    'A similar member already exists in another cluster — contact an administrator',
  'duplicate.numberOutsideScope': () =>
    'This organisation number is already registered for a member in another cluster — contact an administrator',
  plainText: (p) => `${p.label} must be plain text, without < > or control characters`,
  'auth.profileRoute': () =>
    'Accounts are changed in the admin: your own name under "My profile", everything else by an administrator',
  'auth.tooManyAttempts': (p) =>
    `Too many sign-in attempts; try again in ${p.seconds < 90 ? `${p.seconds} seconds` : `${Math.ceil(p.seconds / 60)} minutes`}`,
  'origin.refused': (p) =>
    `Changes are accepted only from ${p.origin}; open the admin at ${p.origin}/admin`,
  'origin.crossSite': () => 'Cross-site request refused',
  'origin.signIn': (p) =>
    `Sign-in is accepted only from ${p.origin}, not from ${p.from || 'another site'}; open ${p.origin}/admin`,
  'notFound.record': (p) => `No ${entityName(p.entity)} with ${p.by} ${p.key}`,
  'conflict.changed': (p) => changed(entityName(p.entity)),
  'conflict.changedNamed': (p) => changed(`${p.entity} "${p.name}"`),
  'storage.full': () =>
    'The database is full (no disk space left); nothing was saved. Try again later',
  'storage.readOnly': () =>
    'The database is read-only at the moment; nothing was saved. Try again later',
  'storage.busy': () => 'The database is busy; nothing was saved. Try again in a moment',
  'request.csvType': () => 'Send the CSV file as text/csv',
  'request.csvUnreadable': (p) => `CSV: ${p.detail}`,
  'request.tooLarge': (p) => `The request is too large (at most ${p.limit})`,
  'request.tooDeep': (p) => `The JSON is nested too deeply (at most ${p.max} levels)`,
  'request.notUtf8': () => 'The request is not valid UTF-8 text',
  'request.batchTooLarge': (p) => `At most ${p.max} calls in one request`,
  'request.answerTooLarge': (p) =>
    `The answer would be larger than ${p.limit}; ask for fewer calls or smaller pages`,
  'download.tooMany': (p) =>
    `Too many downloads from your address; try again in ${p.seconds} seconds`,
  'restore.wrongEntity': (p) =>
    `is an entry about ${withArticle(p.entity)}, not ${withArticle(p.expected)}`,
  'restore.noState': (p) => `this entry has no "${p.side}" state (it was a ${p.action})`,
  'restore.versionRequired': (p) => `is required to restore onto an existing ${p.entity}`,
  'restore.stateMismatch': (p) =>
    `the recorded state no longer fits the record (${p.path}: ${p.detail})`,
  'restore.unsupported': () => 'this kind of record cannot be restored',
  'restore.undoCreate': () =>
    'a creation cannot be undone here (delete the record instead, or restore the whole record)',
  'restore.recordDeleted': (p) =>
    `the ${p.entity} has been deleted since: restore it from the entry of its deletion`,
  'cursor.foreign': () => 'is not a cursor from this list (start again from the first page)',
  'cluster.hasEditors': () => 'this cluster still has editors; move or remove them first',
  'member.stillExists': () => 'this member still exists; restore onto it instead',
  'suggestion.consent': () => 'Tick the box to let us store your suggestion and contact details',
  'suggestion.noChange': () =>
    'Nothing was changed: change at least one field before sending the suggestion',
  'suggestion.noFields': () => 'Choose at least one field to apply',
  'suggestion.unknownField': (p) => `The suggestion does not propose the field "${p.field}"`,
  'suggestion.notOpen': (p) =>
    `This suggestion has already been handled or is not confirmed yet (it is ${p.status})`,
  'input.unknownKeys': (p) => `Unrecognized key${p.count > 1 ? 's' : ''}: ${p.keys}`,
  'input.invalid': () => 'Invalid input',
  'input.invalidType': (p) => `Invalid input: expected ${p.expected}`,
  'input.tooBig': (p) => `Too big: expected at most ${p.maximum}`,
  'input.tooSmall': (p) => `Too small: expected at least ${p.minimum}`,
  'input.invalidFormat': (p) => `Invalid ${p.format}`,
  'publicForm.honeypot': () =>
    'This field must be left empty (it is there to stop automatic submissions)',
  'publicForm.tooFast': (p) =>
    `The form was sent too quickly after the page opened; wait ${p.seconds} seconds and send it again`,
  'publicForm.expired': () => 'The form is more than a day old; reload the page and send it again',
  'publicForm.tokenInvalid': () =>
    'The form could not be checked; reload the page and send it again',
  'publicForm.tooMany': (p) =>
    `Too many submissions from your address; try again in ${p.seconds} seconds`,
  'publicForm.noAddress': () => 'The client address is unknown; the form cannot be accepted',
  'publicForm.crossSite': () => 'The form was sent from another site and was refused',
  'confirmation.invalid': () =>
    'This confirmation link is not valid; check that it was copied whole',
  'confirmation.used': () => 'This confirmation link has already been used',
  'confirmation.expired': () => 'This confirmation link has expired; send the form again',
  'consent.required': () => 'Consent to store the information is needed to send the request',
  'joinRequest.status': (p) => `The request cannot take this step while it is "${p.status}"`,
  'joinRequest.assignee': () =>
    'A request can be assigned only to an administrator or an editor of its cluster',
};
