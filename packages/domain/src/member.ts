/** A member: a company or organisation in one or more clusters. */
import { z } from 'zod';
import { optionalBilingualText } from './bilingual';
import { webAddressSchema } from './contact';
import { municipalityCodeSchema } from './municipalities';
import { organisationNumberSchema } from './organisation-number';
import { msg } from './messages/format';
import { updateShape } from './partial-update';
import { slugSchema } from './slug';
import {
  idSchema,
  isoDateSchema,
  memberKindSchema,
  sizeBandSchema,
  statusSchema,
  versionSchema,
} from './vocabulary';

export const MEMBER_NAME_MAX = 200;

/** A member's place in a cluster, with the date it joined when known. */
export const membershipInput = z.strictObject({
  clusterId: idSchema,
  since: isoDateSchema.nullable().default(null),
});
export type MembershipInput = z.infer<typeof membershipInput>;

const memberFields = {
  slug: slugSchema.optional(),
  name: z
    .string({ error: msg('required', { label: 'name' }) })
    .trim()
    .min(2, { error: msg('tooShort', { label: 'name', min: 2 }) })
    .max(MEMBER_NAME_MAX, { error: msg('tooLong', { label: 'name', max: MEMBER_NAME_MAX }) }),
  organisationNumber: organisationNumberSchema.nullable().default(null),
  kind: memberKindSchema,
  sizeBand: sizeBandSchema.nullable().default(null),
  /** null = outside Skåne or not known. */
  municipalityCode: municipalityCodeSchema.nullable().default(null),
  website: webAddressSchema.nullable().default(null),
  description: optionalBilingualText({ max: 5000, label: 'description' }),
  areaIds: z
    .array(idSchema)
    .max(6, { error: msg('areas.tooMany', { owner: 'member' }) })
    .refine((ids) => new Set(ids).size === ids.length, { error: msg('areas.repeat', {}) })
    .default([]),
  memberships: z
    .array(membershipInput)
    .max(20, { error: msg('memberships.tooMany', { max: 20 }) })
    .refine((ms) => new Set(ms.map((m) => m.clusterId)).size === ms.length, {
      error: msg('memberships.repeat', {}),
    })
    .default([]),
  status: statusSchema.default('draft'),
};

export const memberCreateInput = z.strictObject(memberFields);
export type MemberCreateInput = z.infer<typeof memberCreateInput>;

/** Partial update: fields left out stay as they are. `version` is the one the editor saw. */
export const memberUpdateInput = z
  .strictObject(updateShape(memberFields))
  .extend({ id: idSchema, version: versionSchema });
export type MemberUpdateInput = z.infer<typeof memberUpdateInput>;
