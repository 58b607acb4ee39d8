/** The six specialisation areas of Skåne's innovation strategy. */
import { z } from 'zod';
import { bilingualText, optionalBilingualText } from './bilingual';
import { msg } from './messages/format';
import { updateShape } from './partial-update';
import { slugSchema } from './slug';
import { idSchema, versionSchema } from './vocabulary';

export const areaCreateInput = z.strictObject({
  slug: slugSchema,
  name: bilingualText({ max: 120, label: 'name' }),
  summary: optionalBilingualText({ max: 2000, label: 'summary' }),
  sortOrder: z
    .number({ error: msg('notNumber', { label: 'order' }) })
    .int({ error: msg('notWhole', { label: 'order' }) })
    .min(0, { error: msg('orMore', { label: 'order', min: 0 }) })
    .max(1000, { error: msg('atMost', { label: 'order', max: 1000 }) })
    .default(0),
});
export type AreaCreateInput = z.infer<typeof areaCreateInput>;

export const areaUpdateInput = z
  .strictObject(updateShape(areaCreateInput.shape))
  .extend({ id: idSchema, version: versionSchema });
export type AreaUpdateInput = z.infer<typeof areaUpdateInput>;

/** An area as the public API shows it. */
export const areaSchema = z.object({
  id: idSchema,
  slug: z.string(),
  name: z.object({ sv: z.string(), en: z.string() }),
  summary: z.object({ sv: z.string(), en: z.string() }),
  sortOrder: z.number().int(),
});
export type Area = z.infer<typeof areaSchema>;
