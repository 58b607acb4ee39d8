/** A member: a company or organisation in one or more clusters. */
import { z } from 'zod';
import { optionalBilingualText } from './bilingual';
import { webAddressSchema } from './contact';
import { municipalityCodeSchema } from './municipalities';
import { organisationNumberSchema } from './organisation-number';
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
    .string({ error: 'Name is required' })
    .trim()
    .min(2, 'Name must be at least 2 characters')
    .max(MEMBER_NAME_MAX, `Name must be at most ${MEMBER_NAME_MAX} characters`),
  organisationNumber: organisationNumberSchema.nullable().default(null),
  kind: memberKindSchema,
  sizeBand: sizeBandSchema.nullable().default(null),
  /** null = outside Skåne or not known. */
  municipalityCode: municipalityCodeSchema.nullable().default(null),
  website: webAddressSchema.nullable().default(null),
  description: optionalBilingualText({ max: 5000, label: 'Description' }),
  areaIds: z
    .array(idSchema)
    .max(6, 'A member belongs to at most the six areas')
    .refine((ids) => new Set(ids).size === ids.length, 'Areas must not repeat')
    .default([]),
  memberships: z
    .array(membershipInput)
    .max(20, 'A member can be in at most 20 clusters')
    .refine(
      (ms) => new Set(ms.map((m) => m.clusterId)).size === ms.length,
      'A cluster must not appear twice in memberships',
    )
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
