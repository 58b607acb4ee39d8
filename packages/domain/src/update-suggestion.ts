/**
 * Suggested updates ("Föreslå ändring / Suggest an update"): anyone proposes
 * new values for a published member's or cluster's public fields. Each field
 * is validated by the very schema a member or cluster write uses, so a
 * proposal an editor applies can never be refused for a rule the form did not
 * already check.
 */
import { z } from 'zod';
import { localeSchema } from './bilingual';
import { clusterUpdateInput } from './cluster';
import { emailSchema } from './contact';
import { memberUpdateInput } from './member';
import { msg } from './messages/format';
import { slugSchema } from './slug';
import { idSchema, versionSchema } from './vocabulary';

export const SUGGESTION_TARGETS = ['member', 'cluster'] as const;
export type SuggestionTarget = (typeof SUGGESTION_TARGETS)[number];
/** unconfirmed (e-mail not yet confirmed) → new (reviewers see it) → applied | rejected. */
export const SUGGESTION_STATUSES = ['unconfirmed', 'new', 'applied', 'rejected'] as const;
export type SuggestionStatus = (typeof SUGGESTION_STATUSES)[number];

const member = memberUpdateInput.shape;
const cluster = clusterUpdateInput.shape;

/**
 * The public fields a visitor may propose, in the order a difference lists
 * them. Not slug, status, memberships, logo or organisation number: those are
 * the register's own decisions (or need proof), not facts a visitor corrects.
 */
export const memberProposalSchema = z.strictObject({
  name: member.name,
  website: member.website,
  description: member.description,
  municipalityCode: member.municipalityCode,
  outsideSkane: member.outsideSkane,
  areaIds: member.areaIds,
});
export type MemberProposal = z.infer<typeof memberProposalSchema>;

/**
 * A cluster's public facts and contact details. Not its contact persons:
 * those are other people's names and addresses, entered by the cluster itself.
 */
export const clusterProposalSchema = z.strictObject({
  name: cluster.name,
  website: cluster.website,
  description: cluster.description,
  email: cluster.email,
  phone: cluster.phone,
  visitingAddress: cluster.visitingAddress,
  postalAddress: cluster.postalAddress,
  membershipText: cluster.membershipText,
  membershipUrl: cluster.membershipUrl,
});
export type ClusterProposal = z.infer<typeof clusterProposalSchema>;

export const MEMBER_PROPOSAL_FIELDS = Object.keys(
  memberProposalSchema.shape,
) as (keyof MemberProposal)[];
export const CLUSTER_PROPOSAL_FIELDS = Object.keys(
  clusterProposalSchema.shape,
) as (keyof ClusterProposal)[];

export const SENDER_NAME_MAX = 200;
export const SUGGESTION_COMMENT_MAX = 2000;
export const REJECT_REASON_MAX = 2000;

/** Who proposes, and their consent to our keeping it (privacy page says how long). */
const senderFields = {
  senderName: z
    .string({ error: msg('required', { label: 'senderName' }) })
    .trim()
    .min(2, { error: msg('tooShort', { label: 'senderName', min: 2 }) })
    .max(SENDER_NAME_MAX, { error: msg('tooLong', { label: 'senderName', max: SENDER_NAME_MAX }) }),
  senderEmail: emailSchema,
  language: localeSchema,
  comment: z
    .string({ error: msg('notText', { label: 'comment' }) })
    .trim()
    .max(SUGGESTION_COMMENT_MAX, {
      error: msg('tooLong', { label: 'comment', max: SUGGESTION_COMMENT_MAX }),
    })
    .default(''),
  consent: z.literal(true, { error: msg('suggestion.consent', {}) }),
};

/**
 * A submission from the public form. `values` holds every field the form
 * showed (prefilled with the current values); the service keeps only those
 * that differ from the stored record, and refuses when none do.
 */
export const suggestionSubmitInput = z.discriminatedUnion('targetType', [
  z.strictObject({
    targetType: z.literal('member'),
    slug: slugSchema,
    values: memberProposalSchema.partial(),
    ...senderFields,
  }),
  z.strictObject({
    targetType: z.literal('cluster'),
    slug: slugSchema,
    values: clusterProposalSchema.partial(),
    ...senderFields,
  }),
]);
export type SuggestionSubmitInput = z.infer<typeof suggestionSubmitInput>;

/** A proposal as stored: only the changed fields, of one target's schema. */
export function proposalSchemaFor(target: SuggestionTarget) {
  return target === 'member' ? memberProposalSchema.partial() : clusterProposalSchema.partial();
}

export const suggestionListInput = z.strictObject({
  status: z.enum(SUGGESTION_STATUSES).optional(),
  targetType: z.enum(SUGGESTION_TARGETS).optional(),
});

export const suggestionByIdInput = z.strictObject({ id: idSchema });

/**
 * Apply all proposed fields, or the chosen `fields`. `recordVersion` is the
 * record's version the reviewer's difference showed (default: the version the
 * proposal was made against); a record changed since is refused as a conflict.
 */
export const suggestionApplyInput = z.strictObject({
  id: idSchema,
  version: versionSchema,
  recordVersion: versionSchema.optional(),
  fields: z
    .array(z.string().max(60))
    .min(1, { error: msg('suggestion.noFields', {}) })
    .max(20)
    .optional(),
});
export type SuggestionApplyInput = z.infer<typeof suggestionApplyInput>;

export const suggestionRejectInput = z.strictObject({
  id: idSchema,
  version: versionSchema,
  reason: z
    .string({ error: msg('required', { label: 'rejectReason' }) })
    .trim()
    .min(1, { error: msg('required', { label: 'rejectReason' }) })
    .max(REJECT_REASON_MAX, {
      error: msg('tooLong', { label: 'rejectReason', max: REJECT_REASON_MAX }),
    }),
});
export type SuggestionRejectInput = z.infer<typeof suggestionRejectInput>;
