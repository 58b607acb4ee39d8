/** The closed lists the register uses: member kinds, size bands, statuses, roles. */
import { z } from 'zod';
import { msg } from './messages/format';

export const MEMBER_KINDS = [
  'company',
  'startup',
  'academia',
  'public-sector',
  'non-profit',
  'investor',
  'other',
] as const;
export type MemberKind = (typeof MEMBER_KINDS)[number];
export const memberKindSchema = z.enum(MEMBER_KINDS, {
  error: msg('oneOf', { label: 'kind', options: MEMBER_KINDS.join(', ') }),
});
export const MEMBER_KIND_LABELS: Record<MemberKind, { sv: string; en: string }> = {
  company: { sv: 'Företag', en: 'Company' },
  startup: { sv: 'Startup', en: 'Startup' },
  academia: { sv: 'Akademi', en: 'Academia' },
  'public-sector': { sv: 'Offentlig sektor', en: 'Public sector' },
  'non-profit': { sv: 'Ideell organisation', en: 'Non-profit' },
  investor: { sv: 'Investerare', en: 'Investor' },
  other: { sv: 'Övrigt', en: 'Other' },
};

/**
 * How an organisation is linked to a cluster. Only `member` counts as a
 * membership: a founder, a partner or an organisation that co-leads an agenda
 * with the cluster is shown as what it is, never counted as a member.
 */
export const RELATION_KINDS = ['member', 'founder', 'partner', 'agenda-co-lead'] as const;
export type RelationKind = (typeof RELATION_KINDS)[number];
export const relationKindSchema = z.enum(RELATION_KINDS, {
  error: msg('oneOf', { label: 'relationKind', options: RELATION_KINDS.join(', ') }),
});
/** The kind on its own (a column, a select) and as a phrase before the cluster's name. */
export const RELATION_KIND_LABELS: Record<
  RelationKind,
  { sv: string; en: string; phrase: { sv: string; en: string } }
> = {
  member: { sv: 'Medlem', en: 'Member', phrase: { sv: 'Medlem i', en: 'Member of' } },
  founder: { sv: 'Grundare', en: 'Founder', phrase: { sv: 'Grundare av', en: 'Founder of' } },
  partner: { sv: 'Partner', en: 'Partner', phrase: { sv: 'Partner till', en: 'Partner of' } },
  'agenda-co-lead': {
    sv: 'Samleder agenda',
    en: 'Co-leads an agenda',
    phrase: { sv: 'Samleder en agenda med', en: 'Co-leads an agenda with' },
  },
};

/** Size bands by number of employees, as Statistics Sweden groups them. */
export const SIZE_BANDS = ['1-9', '10-49', '50-249', '250+'] as const;
export type SizeBand = (typeof SIZE_BANDS)[number];
export const sizeBandSchema = z.enum(SIZE_BANDS, {
  error: msg('oneOf', { label: 'size', options: SIZE_BANDS.join(', ') }),
});
export const SIZE_BAND_LABELS: Record<SizeBand, { sv: string; en: string }> = {
  '1-9': { sv: '1–9 anställda', en: '1–9 employees' },
  '10-49': { sv: '10–49 anställda', en: '10–49 employees' },
  '50-249': { sv: '50–249 anställda', en: '50–249 employees' },
  '250+': { sv: '250+ anställda', en: '250+ employees' },
};

export const STATUSES = ['draft', 'published', 'archived'] as const;
export type Status = (typeof STATUSES)[number];
export const statusSchema = z.enum(STATUSES, {
  error: msg('oneOf', { label: 'status', options: STATUSES.join(', ') }),
});

export const USER_ROLES = ['admin', 'editor'] as const;
export type UserRole = (typeof USER_ROLES)[number];
export const userRoleSchema = z.enum(USER_ROLES, {
  error: msg('oneOf', { label: 'role', options: USER_ROLES.join(', ') }),
});

/** How a person wants to hear of events in their clusters: a mail for each, or one a day. */
export const NOTIFICATION_MODES = ['each', 'daily'] as const;
export type NotificationMode = (typeof NOTIFICATION_MODES)[number];
export const notificationModeSchema = z.enum(NOTIFICATION_MODES, {
  error: msg('oneOf', { label: 'notificationMode', options: NOTIFICATION_MODES.join(', ') }),
});

/** The languages a mail is written in (the site's two). */
export const MAIL_LANGUAGES = ['sv', 'en'] as const;
export type MailLanguage = (typeof MAIL_LANGUAGES)[number];
export const mailLanguageSchema = z.enum(MAIL_LANGUAGES, {
  error: msg('oneOf', { label: 'mailLanguage', options: MAIL_LANGUAGES.join(', ') }),
});

/** Where a recorded mail stands: kept only (no SMTP_URL), being sent, sent, or failed (retried a few times). */
export const MAIL_STATUSES = ['outbox', 'queued', 'sent', 'failed'] as const;
export type MailStatus = (typeof MAIL_STATUSES)[number];

/** How sure we are of a fact taken from public sources: high, medium or a guess. */
export const CONFIDENCES = ['high', 'medium', 'guess'] as const;
export type Confidence = (typeof CONFIDENCES)[number];

/** How a cluster's source put its member count: about (~150), at least (400+) or exactly (122). */
export const REPORTED_MEMBER_QUALIFIERS = ['about', 'at_least', 'exact'] as const;
export type ReportedMemberQualifier = (typeof REPORTED_MEMBER_QUALIFIERS)[number];
export const confidenceSchema = z.enum(CONFIDENCES, {
  error: msg('oneOf', { label: 'confidence', options: CONFIDENCES.join(', ') }),
});

/** What the audit trail records changes to, and the changes it names. */
export const AUDIT_ENTITIES = [
  'area',
  'cluster',
  'member',
  'article',
  'user',
  // Exports, erasures and the retention job: one entry each, never the address in clear.
  'personal-data',
  // Join requests: every step (submit, confirm, assign, handle, accept, decline); ids and status, no personal data.
  'joinRequest',
] as const;
export type AuditEntity = (typeof AUDIT_ENTITIES)[number];
export const AUDIT_ACTIONS = [
  'create',
  'update',
  'publish',
  'unpublish',
  'archive',
  'delete',
  'restore',
  'import',
  'export',
  'erase',
  'purge',
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

/** Database ids are positive integers. */
export const idSchema = z
  .number({ error: msg('notNumber', { label: 'id' }) })
  .int({ error: msg('notWhole', { label: 'id' }) })
  .positive({ error: msg('notPositive', { label: 'id' }) })
  .max(Number.MAX_SAFE_INTEGER);

/** Optimistic locking: the version the editor last saw. */
export const versionSchema = z
  .number({ error: msg('notNumber', { label: 'version' }) })
  .int({ error: msg('notWhole', { label: 'version' }) })
  .min(1, { error: msg('atLeast', { label: 'version', min: 1 }) });

/** Calendar dates as YYYY-MM-DD, checked to be real days. */
export const isoDateSchema = z.iso.date({ error: msg('date.invalid', {}) });
