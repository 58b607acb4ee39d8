/** News articles. Bodies are Markdown; renderers must sanitise them. */
import { z } from 'zod';
import { bilingualText, optionalBilingualText } from './bilingual';
import { updateShape } from './partial-update';
import { slugSchema } from './slug';
import { idSchema, statusSchema, versionSchema } from './vocabulary';

/** A cover image must say what it shows: alt text in Swedish is required. */
export const coverImageSchema = z.strictObject({
  src: z
    .string()
    .trim()
    .min(1, 'Cover image address is required')
    .max(500, 'Cover image address must be at most 500 characters')
    // "//host/x.jpg" and "/\\host/x.jpg" start with a slash but load from another site.
    .regex(/^(\/(?![/\\])|https?:\/\/)/, 'Cover image address must start with / or https://')
    // Quotes, angle brackets and spaces have no business in an image address.
    .regex(
      /^[^\s"'<>`]+$/,
      'Cover image address must not contain spaces, quotes or angle brackets',
    ),
  alt: bilingualText({ max: 300, label: 'Cover image alt text' }),
});
export type CoverImage = z.infer<typeof coverImageSchema>;

export const tagSchema = z
  .string()
  .trim()
  .toLowerCase()
  .min(1, 'Tag must not be empty')
  .max(40, 'Tag must be at most 40 characters')
  .regex(/^[\p{L}\p{N}][\p{L}\p{N} -]*$/u, 'Tag may hold letters, digits, spaces and dashes');

const articleFields = {
  slug: slugSchema.optional(),
  title: bilingualText({ max: 200, label: 'Title' }),
  summary: optionalBilingualText({ max: 500, label: 'Summary' }),
  body: optionalBilingualText({ max: 100_000, label: 'Body' }),
  coverImage: coverImageSchema.nullable().default(null),
  author: z.string().trim().max(120, 'Author must be at most 120 characters').default(''),
  tags: z
    .array(tagSchema)
    .max(10, 'At most 10 tags')
    .transform((tags) => [...new Set(tags)])
    .default([]),
  clusterId: idSchema.nullable().default(null),
  publishedAt: z.iso
    .datetime({ offset: true, error: 'Published at must be an ISO date-time' })
    .nullable()
    .default(null),
  status: statusSchema.default('draft'),
};

export const articleCreateInput = z.strictObject(articleFields);
export type ArticleCreateInput = z.infer<typeof articleCreateInput>;

export const articleUpdateInput = z
  .strictObject(updateShape(articleFields))
  .extend({ id: idSchema, version: versionSchema });
export type ArticleUpdateInput = z.infer<typeof articleUpdateInput>;
