/** A cluster organisation, one of the seven behind Clusters of Skåne. */
import { z } from 'zod';
import { optionalBilingualText } from './bilingual';
import { emailSchema, webAddressSchema } from './contact';
import { municipalityCodeSchema } from './municipalities';
import { updateShape } from './partial-update';
import { slugSchema } from './slug';
import { confidenceSchema, idSchema, statusSchema, versionSchema } from './vocabulary';

const THIS_YEAR = new Date().getUTCFullYear();

export const clusterCreateInput = z.strictObject({
  slug: slugSchema.optional(),
  name: z
    .string({ error: 'Name is required' })
    .trim()
    .min(2, 'Name must be at least 2 characters')
    .max(200, 'Name must be at most 200 characters'),
  shortName: z.string().trim().max(60, 'Short name must be at most 60 characters').default(''),
  description: optionalBilingualText({ max: 5000, label: 'Description' }),
  website: webAddressSchema.nullable().default(null),
  email: emailSchema.nullable().default(null),
  city: z.string().trim().max(100, 'City must be at most 100 characters').default(''),
  municipalityCode: municipalityCodeSchema.nullable().default(null),
  foundedYear: z
    .number({ error: 'Founded year must be a number' })
    .int('Founded year must be a whole number')
    .min(1800, 'Founded year must be 1800 or later')
    .max(THIS_YEAR, `Founded year must not be after ${THIS_YEAR}`)
    .nullable()
    .default(null),
  logoUrl: webAddressSchema.nullable().default(null),
  areaIds: z
    .array(idSchema)
    .max(6, 'A cluster belongs to at most the six areas')
    .refine((ids) => new Set(ids).size === ids.length, 'Areas must not repeat')
    .default([]),
  confidence: confidenceSchema.default('high'),
  sourceNote: z
    .string()
    .trim()
    .max(2000, 'Source note must be at most 2000 characters')
    .default(''),
  status: statusSchema.default('draft'),
});
export type ClusterCreateInput = z.infer<typeof clusterCreateInput>;

export const clusterUpdateInput = z
  .strictObject(updateShape(clusterCreateInput.shape))
  .extend({ id: idSchema, version: versionSchema });
export type ClusterUpdateInput = z.infer<typeof clusterUpdateInput>;
