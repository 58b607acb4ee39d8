/**
 * Join requests ("Bli medlem / Become a member"): an organisation asks a
 * cluster to take it in. The public form's schema is the submit procedure's
 * input, so the page and the API refuse exactly the same things, each with
 * the field and a coded reason (messages/): invalid organisation number,
 * e-mail or web address, an empty required field, a too long message, a
 * missing consent, a filled honeypot. Too fast and too many are decided by
 * the server (it holds the clock and the counts): @cos/api public-forms.
 */
import { z } from 'zod';
import { localeSchema } from './bilingual';
import { webAddressSchema } from './contact';
import { msg } from './messages/format';
import { municipalityCodeSchema } from './municipalities';
import { organisationNumberSchema } from './organisation-number';
import { slugSchema } from './slug';
import { idSchema, versionSchema } from './vocabulary';

/**
 * unconfirmed (e-mail not confirmed yet; the cluster does not see it) → new →
 * read (someone opened it) → accepted | declined.
 */
export const JOIN_REQUEST_STATUSES = [
  'unconfirmed',
  'new',
  'read',
  'accepted',
  'declined',
] as const;
export type JoinRequestStatus = (typeof JOIN_REQUEST_STATUSES)[number];
/**
 * What the inbox filters by: `open` is every request not yet handled, `handled`
 * every one that is (accepted, declined or marked handled). The cluster never
 * sees unconfirmed requests.
 */
export const JOIN_INBOX_STATUSES = [
  'open',
  'new',
  'read',
  'handled',
  'accepted',
  'declined',
] as const;
export type JoinInboxStatus = (typeof JOIN_INBOX_STATUSES)[number];

export const JOIN_NAME_MAX = 200;
export const JOIN_MESSAGE_MAX = 5000;
export const DECLINE_REASON_MAX = 2000;
/** The honeypot: a field people never see and bots fill in (see HONEYPOT_FIELD in @cos/api). */
export const JOIN_HONEYPOT_FIELD = 'homepage';

/** Required, and at least two characters like a member's name (the accepted request becomes one). */
const requiredText = (label: 'organisationName' | 'contactName', max: number) =>
  z
    .string({ error: msg('required', { label }) })
    .trim()
    .min(1, { error: msg('required', { label }), abort: true })
    .min(2, { error: msg('tooShort', { label, min: 2 }) })
    .max(max, { error: msg('tooLong', { label, max }) });

/** Required, unlike the register's optional e-mail: the confirmation goes there. */
const requiredEmail = z
  .string({ error: msg('required', { label: 'email' }) })
  .trim()
  .min(1, { error: msg('required', { label: 'email' }), abort: true })
  .max(254, { error: msg('tooLong', { label: 'email', max: 254 }) })
  .transform((value) => value.toLowerCase())
  .pipe(z.email({ error: msg('email.invalid', {}) }));

/** The public form, as the submit procedure takes it (empty optional fields as null). */
export const joinRequestFormSchema = z.strictObject({
  clusterId: idSchema,
  organisationName: requiredText('organisationName', JOIN_NAME_MAX),
  /** Optional (a new association may have none yet); normalised to NNNNNN-NNNN. */
  organisationNumber: organisationNumberSchema.nullable().default(null),
  /** One of Skåne's 33, or null: outside Skåne or not said. */
  municipalityCode: municipalityCodeSchema.nullable().default(null),
  website: webAddressSchema.nullable().default(null),
  areaIds: z
    .array(idSchema)
    .max(6, { error: msg('areas.tooMany', { owner: 'member' }) })
    .refine((ids) => new Set(ids).size === ids.length, { error: msg('areas.repeat', {}) })
    .default([]),
  contactName: requiredText('contactName', JOIN_NAME_MAX),
  email: requiredEmail,
  message: z
    .string({ error: msg('notText', { label: 'message' }) })
    .max(JOIN_MESSAGE_MAX, { error: msg('tooLong', { label: 'message', max: JOIN_MESSAGE_MAX }) })
    .default(''),
  /** The page's language: the applicant's mails are in it. */
  language: localeSchema,
  consent: z.literal(true, { error: msg('consent.required', {}) }),
  formToken: z.string({ error: msg('publicForm.tokenInvalid', {}) }).max(200, {
    error: msg('publicForm.tokenInvalid', {}),
  }),
  homepage: z
    .string()
    .max(2000, { error: msg('publicForm.honeypot', {}) })
    .refine((value) => value.trim() === '', { error: msg('publicForm.honeypot', {}) })
    .default(''),
});
export type JoinRequestForm = z.input<typeof joinRequestFormSchema>;
export type JoinRequestInput = z.infer<typeof joinRequestFormSchema>;

/** The form's fields in the order the page shows them (the error summary follows it). */
export const JOIN_FORM_FIELDS = [
  'organisationName',
  'organisationNumber',
  'municipalityCode',
  'website',
  'areaIds',
  'contactName',
  'email',
  'message',
  'consent',
  'homepage',
  'formToken',
] as const;
export type JoinFormField = (typeof JOIN_FORM_FIELDS)[number];

/** "Which cluster fits us?": areas (by slug, as the public pages name them) and a municipality. */
export const clusterSuggestionInput = z.strictObject({
  areas: z
    .array(slugSchema)
    .max(6, { error: msg('areas.tooMany', { owner: 'member' }) })
    .default([]),
  municipalityCode: municipalityCodeSchema.nullable().default(null),
});
export type ClusterSuggestionInput = z.input<typeof clusterSuggestionInput>;

/** The form page's start: which cluster's form it is. */
export const joinStartInput = z.strictObject({ clusterSlug: slugSchema });

export const confirmInput = z.strictObject({
  token: z
    .string({ error: msg('confirmation.invalid', {}) })
    .min(1, { error: msg('confirmation.invalid', {}) })
    .max(200, { error: msg('confirmation.invalid', {}) }),
});

export const joinInboxInput = z.strictObject({
  status: z.enum(JOIN_INBOX_STATUSES).nullable().default(null),
  clusterId: idSchema.nullable().default(null),
  /** A user id, 'me', 'none' (unassigned), or null for everyone. */
  assignee: z.string().max(100).nullable().default(null),
  page: z.number().int().min(1).max(10_000).default(1),
  pageSize: z.number().int().min(1).max(100).default(25),
});
export type JoinInboxInput = z.input<typeof joinInboxInput>;

const versioned = { id: idSchema, version: versionSchema };

export const joinAssignInput = z.strictObject({
  ...versioned,
  /** The user to assign, or null to unassign. */
  userId: z.string().min(1).max(100).nullable(),
});
export const joinVersionedInput = z.strictObject(versioned);
export const joinDeclineInput = z.strictObject({
  ...versioned,
  reason: z
    .string({ error: msg('required', { label: 'declineReason' }) })
    .trim()
    .min(1, { error: msg('required', { label: 'declineReason' }) })
    .max(DECLINE_REASON_MAX, {
      error: msg('tooLong', { label: 'declineReason', max: DECLINE_REASON_MAX }),
    }),
});
