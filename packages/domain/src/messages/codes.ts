/**
 * Stable message codes and the parameters each one takes. A code names a rule,
 * not a wording: the texts live in en.ts and sv.ts, and a client may show its
 * own text for a code. `label` is a field label key (labels.ts); `lang` is the
 * language a bilingual field's half is in.
 */
import type { AuditAction, AuditEntity } from '../vocabulary';
import type { FieldLabel } from './labels';

type Lang = 'sv' | 'en';
type Label = { label: FieldLabel };

export interface MessageParamsByCode {
  // Generic rules about one field, named by its label.
  required: Label;
  requiredIn: Label & { lang: Lang };
  textIn: Label & { lang: Lang };
  bilingualShape: Label;
  tooShort: Label & { min: number };
  tooLong: Label & { max: number };
  tooLongIn: Label & { lang: Lang; max: number };
  overlong: Label;
  notEmpty: Label;
  notText: Label;
  notNumber: Label;
  notWhole: Label;
  notPositive: Label;
  atLeast: Label & { min: number };
  orMore: Label & { min: number };
  atMost: Label & { max: number };
  yearFrom: Label & { min: number };
  yearTo: Label & { max: number };
  oneOf: Label & { options: string };
  tooManyValues: Label & { max: number };
  notDateTime: Label;
  // Specific rules.
  'date.invalid': Record<string, never>;
  'email.invalid': Record<string, never>;
  'webAddress.empty': Record<string, never>;
  'webAddress.spaces': Record<string, never>;
  'webAddress.scheme': Record<string, never>;
  'webAddress.invalid': Record<string, never>;
  'webAddress.domain': Record<string, never>;
  'webAddress.credentials': Record<string, never>;
  'orgNumber.format': Record<string, never>;
  'orgNumber.twelveDigits': Record<string, never>;
  'orgNumber.length': { got: number };
  'orgNumber.personal': Record<string, never>;
  'orgNumber.checkDigit': { expected: number; got: string };
  'slug.format': Record<string, never>;
  'coverImage.start': Record<string, never>;
  'coverImage.characters': Record<string, never>;
  'coverImage.oneSource': Record<string, never>;
  // Uploaded images: `label` names the image field, sizes are in MB or pixels.
  'image.hash': Record<string, never>;
  'image.empty': Label;
  'image.type': Label;
  'image.svg': Label;
  'image.tooLarge': Label & { maxMb: number };
  'image.tooManyPixels': Label & { width: number; height: number; maxMegapixels: number };
  'image.tooWide': Label & { width: number; height: number; max: number };
  'image.tooSmall': Label & { width: number; height: number; min: number };
  'image.unreadable': Label;
  'image.unknown': Label;
  'tag.characters': Record<string, never>;
  'tags.tooMany': { max: number };
  'areas.tooMany': { owner: 'member' | 'cluster' };
  'areas.repeat': Record<string, never>;
  'memberships.tooMany': { max: number };
  'memberships.repeat': Record<string, never>;
  // Cluster contact details (cluster-contact.ts).
  'phone.characters': Record<string, never>;
  'phone.start': Record<string, never>;
  'phone.length': Record<string, never>;
  'postcode.format': Record<string, never>;
  'address.shape': Record<string, never>;
  'address.cityRequired': Record<string, never>;
  'contactPersons.shape': Record<string, never>;
  'contactPersons.tooMany': { max: number };
  // A cluster's sources and reported member count (cluster-sources.ts).
  'reportedMembers.shape': Record<string, never>;
  'reportedMembers.countNeeded': Record<string, never>;
  'sources.shape': Record<string, never>;
  'sources.tooMany': { max: number };
  'municipality.code': Record<string, never>;
  'municipality.filter': { outside: string; unknown: string };
  'municipality.outsideWithCode': Record<string, never>;
  'user.editorNeedsCluster': Record<string, never>;
  'user.adminHasNoCluster': Record<string, never>;
  'import.nothing': Record<string, never>;
  'import.cellTooLong': Record<string, never>;
  'import.tooManyRows': { max: number };
  'import.linesLength': Record<string, never>;
  // Rules the services check against stored data (field errors and warnings).
  'taken.slug': { entity: 'member' | 'cluster' | 'article' | 'area' };
  'taken.email': Record<string, never>;
  'reference.missing': { entity: 'area' | 'cluster' | 'municipality'; id: number | string };
  'user.selfDisable': Record<string, never>;
  'user.selfDemote': Record<string, never>;
  'user.selfDelete': Record<string, never>;
  /** An erasure request without `confirm: true`. */
  'personalData.confirmErase': Record<string, never>;
  'taken.organisationNumber': { name: string };
  'taken.organisationNumberFull': { name: string };
  'similar.name': { name: string };
  'import.unknownArea': { value: string };
  'import.unknownCluster': { value: string };
  'import.unknownMunicipality': { value: string };
  'import.repeatsRow': { row: number };
  'import.foreignCluster': Record<string, never>;
  'import.replacementChar': Record<string, never>;
  'import.controlChar': Record<string, never>;
  'import.yesNo': { value: string };
  /** The row matched a member the preview did not see (or saw under another version). */
  'import.changedSincePreview': { name: string };
  'import.matchChanged': Record<string, never>;
  /** `rows` lists the file's line numbers, e.g. "3, 7, 12". */
  'import.conflict': { rows: string; count: number };
  /** The file's bytes are not valid text in `encoding` (utf-8, windows-1252, iso-8859-1). */
  'csv.undecodable': { encoding: string };
  /** The decoded text holds U+FFFD (a character lost before the file reached us) at `line`. */
  'csv.replacementChar': { line: number };
  'csv.controlChar': { line: number };
  'csv.encodingUnknown': { encoding: string };
  /** chardet's name for what the file looks like (e.g. UTF-32LE, Shift_JIS). */
  'csv.unsupportedEncoding': { encoding: string };
  // The services' refusals that are not about one field's value (errors.ts in @cos/api).
  'auth.signIn': Record<string, never>;
  'permission.adminOnly': { action: AdminAction };
  'permission.editorOwnCluster': Record<string, never>;
  'permission.editorOwnClusterNamed': { name: string };
  'permission.editorAddOwnCluster': Record<string, never>;
  'permission.editorArticles': Record<string, never>;
  'permission.editorOwnClusterLogo': Record<string, never>;
  'permission.editorClusterLogoOnly': { fields: string };
  'permission.editorHistory': Record<string, never>;
  'permission.editorImportCluster': Record<string, never>;
  // Scope on shared members: what an editor may not do to a member another cluster has too.
  'permission.sharedMemberAdminOnly': { name: string; action: 'delete' | 'archive' | 'unpublish' };
  'permission.sharedMemberField': { name: string; label: FieldLabel };
  'permission.foreignMembership': { cluster: string };
  'permission.leaveOnlyCluster': { name: string };
  'permission.leaveClusterEditor': Record<string, never>;
  'memberships.lastCluster': Record<string, never>;
  'bulk.lastCluster': { name: string };
  'duplicate.outsideScope': Record<string, never>;
  'duplicate.numberOutsideScope': Record<string, never>;
  plainText: Label;
  'auth.profileRoute': Record<string, never>;
  /** Sign-in refused for now (per address or per account); `seconds` until the next try. */
  'auth.tooManyAttempts': { seconds: number };
  'origin.refused': { origin: string };
  'origin.crossSite': Record<string, never>;
  /** `from` is the refused page's origin; '' when the browser sent none. */
  'origin.signIn': { origin: string; from: string };
  'notFound.record': { entity: NotFoundEntity; by: 'id' | 'slug'; key: string | number };
  'conflict.changed': { entity: AuditEntity };
  'conflict.changedNamed': { entity: AuditEntity; name: string };
  'storage.full': Record<string, never>;
  'storage.readOnly': Record<string, never>;
  'storage.busy': Record<string, never>;
  'request.csvType': Record<string, never>;
  /** `detail` is the CSV parser's own (English) description. */
  'request.csvUnreadable': { detail: string };
  // Bounds on what one request may ask for (apps/server json-limits.ts, trpc-limits.ts, downloads).
  /** `limit` is a size as people read it, e.g. "1 MB". */
  'request.tooLarge': { limit: string };
  'request.tooDeep': { max: number };
  'request.notUtf8': Record<string, never>;
  'request.batchTooLarge': { max: number };
  'request.answerTooLarge': { limit: string };
  'download.tooMany': { seconds: number };
  // Field errors the services raise about stored records (restore, pagination, deletes).
  'restore.wrongEntity': { entity: AuditEntity; expected: AuditEntity };
  'restore.noState': { side: 'before' | 'after'; action: AuditAction };
  'restore.versionRequired': { entity: AuditEntity };
  /** `path` and `detail` are the first schema issue's path and (English) message. */
  'restore.stateMismatch': { path: string; detail: string };
  'restore.unsupported': Record<string, never>;
  'restore.undoCreate': Record<string, never>;
  'restore.recordDeleted': { entity: AuditEntity };
  'cursor.foreign': Record<string, never>;
  'cluster.hasEditors': Record<string, never>;
  'member.stillExists': Record<string, never>;
  // Suggested updates (update-suggestion.ts and the api's update-suggestions service).
  'suggestion.consent': Record<string, never>;
  'suggestion.noChange': Record<string, never>;
  'suggestion.noFields': Record<string, never>;
  'suggestion.unknownField': { field: string };
  'suggestion.notOpen': { status: string };
  // zod's own issues where a schema sets no message (a strict object's extra key, …).
  'input.unknownKeys': { keys: string; count: number };
  'input.invalid': Record<string, never>;
  'input.invalidType': { expected: string };
  'input.tooBig': { maximum: number };
  'input.tooSmall': { minimum: number };
  'input.invalidFormat': { format: string };
  // Public forms (@cos/api services/public-forms) and join requests (join-request.ts).
  'publicForm.honeypot': Record<string, never>;
  'publicForm.tooFast': { seconds: number };
  'publicForm.expired': Record<string, never>;
  'publicForm.tokenInvalid': Record<string, never>;
  /** Too many submissions from the address; `seconds` until the next try. */
  'publicForm.tooMany': { seconds: number };
  'publicForm.noAddress': Record<string, never>;
  'publicForm.crossSite': Record<string, never>;
  'confirmation.invalid': Record<string, never>;
  'confirmation.used': Record<string, never>;
  'confirmation.expired': Record<string, never>;
  'consent.required': Record<string, never>;
  /** A step that needs another status (e.g. accepting a declined request); `status` is the current one. */
  'joinRequest.status': { status: string };
  'joinRequest.assignee': Record<string, never>;
}

/** What only an administrator may do (`permission.adminOnly`). */
export type AdminAction = 'manageAreas' | 'manageClusters' | 'manageUsers' | 'any';
/** What a `notFound.record` did not find. */
export type NotFoundEntity = AuditEntity | 'auditEntry' | 'suggestion' | 'mail';

export type MessageCode = keyof MessageParamsByCode;
export type MessageParams<C extends MessageCode = MessageCode> = MessageParamsByCode[C];

/** Parameters as they travel (on the wire, in an issue): plain strings and numbers. */
export type WireParams = Record<string, string | number>;

/** A code with its parameters: what a message is, before it is put into words. */
export type Message = { [C in MessageCode]: { code: C; params: MessageParams<C> } }[MessageCode];

/** One language's texts: each code's parameters (label resolved to that language) into words. */
export type Catalogue = {
  [C in MessageCode]: (p: Resolved<MessageParams<C>>) => string;
};
export type Resolved<P> = { [K in keyof P]: K extends 'label' ? string : P[K] };
