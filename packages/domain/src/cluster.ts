/** A cluster organisation, one of the seven behind Clusters of Skåne. */
import { z } from 'zod';
import { optionalBilingualText } from './bilingual';
import { addressSchema, contactPersonsSchema, phoneSchema } from './cluster-contact';
import { clusterSourcesSchema, reportedMembersSchema } from './cluster-sources';
import { emailSchema, webAddressSchema } from './contact';
import { imageRefSchema } from './image';
import { municipalityCodeSchema } from './municipalities';
import { msg } from './messages/format';
import { updateShape } from './partial-update';
import { slugSchema } from './slug';
import { confidenceSchema, idSchema, statusSchema, versionSchema } from './vocabulary';

const THIS_YEAR = new Date().getUTCFullYear();

export const clusterCreateInput = z.strictObject({
  slug: slugSchema.optional(),
  name: z
    .string({ error: msg('required', { label: 'name' }) })
    .trim()
    .min(2, { error: msg('tooShort', { label: 'name', min: 2 }) })
    .max(200, { error: msg('tooLong', { label: 'name', max: 200 }) }),
  shortName: z
    .string()
    .trim()
    .max(60, { error: msg('tooLong', { label: 'shortName', max: 60 }) })
    .default(''),
  description: optionalBilingualText({ max: 5000, label: 'description' }),
  website: webAddressSchema.nullable().default(null),
  email: emailSchema.nullable().default(null),
  city: z
    .string()
    .trim()
    .max(100, { error: msg('tooLong', { label: 'city', max: 100 }) })
    .default(''),
  municipalityCode: municipalityCodeSchema.nullable().default(null),
  /** Public contact details (cluster-contact.ts): all optional, shown as entered. */
  phone: phoneSchema.nullable().default(null),
  postalAddress: addressSchema,
  visitingAddress: addressSchema,
  contactPersons: contactPersonsSchema,
  /** "Bli medlem / Become a member": who can join, fees if any, and where to read more. */
  membershipText: optionalBilingualText({ max: 5000, label: 'membershipText' }),
  membershipUrl: webAddressSchema.nullable().default(null),
  foundedYear: z
    .number({ error: msg('notNumber', { label: 'foundedYear' }) })
    .int({ error: msg('notWhole', { label: 'foundedYear' }) })
    .min(1800, { error: msg('yearFrom', { label: 'foundedYear', min: 1800 }) })
    .max(THIS_YEAR, { error: msg('yearTo', { label: 'foundedYear', max: THIS_YEAR }) })
    .nullable()
    .default(null),
  logoUrl: webAddressSchema.nullable().default(null),
  /** The uploaded logo the site shows (logoUrl only records where one was found). */
  logo: imageRefSchema('logoAlt').nullable().default(null),
  areaIds: z
    .array(idSchema)
    .max(6, { error: msg('areas.tooMany', { owner: 'cluster' }) })
    .refine((ids) => new Set(ids).size === ids.length, { error: msg('areas.repeat', {}) })
    .default([]),
  confidence: confidenceSchema.default('high'),
  /** Where the facts come from, as sentences in Swedish and English (cluster-sources.ts). */
  sourceNoteText: optionalBilingualText({ max: 2000, label: 'sourceNote' }),
  sources: clusterSourcesSchema,
  reportedMembers: reportedMembersSchema,
  status: statusSchema.default('draft'),
});
export type ClusterCreateInput = z.infer<typeof clusterCreateInput>;

export const clusterUpdateInput = z
  .strictObject(updateShape(clusterCreateInput.shape))
  .extend({ id: idSchema, version: versionSchema });
export type ClusterUpdateInput = z.infer<typeof clusterUpdateInput>;
