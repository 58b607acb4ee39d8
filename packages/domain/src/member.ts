/** A member: a company or organisation in one or more clusters. */
import { z } from 'zod';
import { optionalBilingualText } from './bilingual';
import { webAddressSchema } from './contact';
import { imageRefSchema } from './image';
import { municipalityCodeSchema } from './municipalities';
import { organisationNumberSchema } from './organisation-number';
import { msg } from './messages/format';
import { updateShape } from './partial-update';
import { slugSchema } from './slug';
import {
  idSchema,
  isoDateSchema,
  memberKindSchema,
  relationKindSchema,
  sizeBandSchema,
  statusSchema,
  versionSchema,
} from './vocabulary';

export const MEMBER_NAME_MAX = 200;

/**
 * An organisation's link to a cluster: its kind (only `member` is a
 * membership), and the date it began when known.
 */
export const membershipInput = z.strictObject({
  clusterId: idSchema,
  kind: relationKindSchema.default('member'),
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
  /** null = not known, or outside Skåne when `outsideSkane` says so. */
  municipalityCode: municipalityCodeSchema.nullable().default(null),
  /**
   * Known to be outside Skåne: an explicit answer, distinct from "not known"
   * (no municipality and false). Never together with a municipality.
   */
  outsideSkane: z.boolean().default(false),
  website: webAddressSchema.nullable().default(null),
  description: optionalBilingualText({ max: 5000, label: 'description' }),
  /** The uploaded logo (an image reference with its alt text), or none. */
  logo: imageRefSchema('logoAlt').nullable().default(null),
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

/** A municipality in Skåne and "outside Skåne" cannot both be true. */
function placeIsOneAnswer(m: { municipalityCode?: string | null; outsideSkane?: boolean }) {
  return !(m.outsideSkane === true && m.municipalityCode != null);
}
const placeRule = () => ({
  error: msg('municipality.outsideWithCode', {}),
  path: ['outsideSkane'],
});

export const memberCreateInput = z.strictObject(memberFields).refine(placeIsOneAnswer, placeRule());
export type MemberCreateInput = z.infer<typeof memberCreateInput>;

/**
 * Partial update: fields left out stay as they are. `version` is the one the
 * editor saw. Setting a municipality clears "outside Skåne" and the other way
 * round (`withPlace`), so only a request naming both can contradict itself.
 */
export const memberUpdateInput = z
  .strictObject({ ...updateShape(memberFields), id: idSchema, version: versionSchema })
  .refine(placeIsOneAnswer, placeRule());
export type MemberUpdateInput = z.infer<typeof memberUpdateInput>;

/**
 * The place fields an update leaves, given the stored ones: a municipality
 * given without `outsideSkane` clears it, and `outsideSkane: true` given
 * without a municipality clears the municipality — one answer either way.
 */
export function withPlace<T extends { municipalityCode: string | null; outsideSkane: boolean }>(
  before: T,
  change: { municipalityCode?: string | null; outsideSkane?: boolean },
): Pick<T, 'municipalityCode' | 'outsideSkane'> {
  const municipalityCode =
    change.municipalityCode !== undefined
      ? change.municipalityCode
      : change.outsideSkane === true
        ? null
        : before.municipalityCode;
  const outsideSkane =
    change.outsideSkane !== undefined
      ? change.outsideSkane
      : municipalityCode !== null
        ? false
        : before.outsideSkane;
  return { municipalityCode, outsideSkane };
}
