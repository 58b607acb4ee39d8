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
  'tag.characters': Record<string, never>;
  'tags.tooMany': { max: number };
  'areas.tooMany': { owner: 'member' | 'cluster' };
  'areas.repeat': Record<string, never>;
  'memberships.tooMany': { max: number };
  'memberships.repeat': Record<string, never>;
  'municipality.code': Record<string, never>;
  'municipality.filter': { outside: string };
  'user.editorNeedsCluster': Record<string, never>;
  'user.adminHasNoCluster': Record<string, never>;
  'import.nothing': Record<string, never>;
  'import.cellTooLong': Record<string, never>;
  'import.tooManyRows': { max: number };
  // Rules the services check against stored data (field errors and warnings).
  'taken.slug': { entity: 'member' | 'cluster' | 'article' | 'area' };
  'taken.email': Record<string, never>;
  'reference.missing': { entity: 'area' | 'cluster' | 'municipality'; id: number | string };
  'user.selfDisable': Record<string, never>;
  'user.selfDemote': Record<string, never>;
  'user.selfDelete': Record<string, never>;
  'taken.organisationNumber': { name: string };
  'taken.organisationNumberFull': { name: string };
  'similar.name': { name: string };
  'import.unknownArea': { value: string };
  'import.unknownCluster': { value: string };
  'import.unknownMunicipality': { value: string };
  'import.repeatsRow': { row: number };
  'import.foreignCluster': Record<string, never>;
  // The services' refusals that are not about one field's value (errors.ts in @cos/api).
  'auth.signIn': Record<string, never>;
  'permission.adminOnly': { action: AdminAction };
  'permission.editorOwnCluster': Record<string, never>;
  'permission.editorOwnClusterNamed': { name: string };
  'permission.editorAddOwnCluster': Record<string, never>;
  'permission.editorArticles': Record<string, never>;
  'permission.editorHistory': Record<string, never>;
  'permission.editorImportCluster': Record<string, never>;
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
  // Field errors the services raise about stored records (restore, pagination, deletes).
  'restore.wrongEntity': { entity: AuditEntity; expected: AuditEntity };
  'restore.noState': { side: 'before' | 'after'; action: AuditAction };
  'restore.versionRequired': { entity: AuditEntity };
  /** `path` and `detail` are the first schema issue's path and (English) message. */
  'restore.stateMismatch': { path: string; detail: string };
  'restore.unsupported': Record<string, never>;
  'cursor.foreign': Record<string, never>;
  'cluster.hasEditors': Record<string, never>;
  'member.stillExists': Record<string, never>;
  // zod's own issues where a schema sets no message (a strict object's extra key, …).
  'input.unknownKeys': { keys: string; count: number };
  'input.invalid': Record<string, never>;
  'input.invalidType': { expected: string };
  'input.tooBig': { maximum: number };
  'input.tooSmall': { minimum: number };
  'input.invalidFormat': { format: string };
}

/** What only an administrator may do (`permission.adminOnly`). */
export type AdminAction = 'manageAreas' | 'manageClusters' | 'manageUsers' | 'any';
/** What a `notFound.record` did not find. */
export type NotFoundEntity = AuditEntity | 'auditEntry';

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
