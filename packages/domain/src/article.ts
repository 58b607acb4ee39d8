/** News articles. Bodies are Markdown; renderers must sanitise them. */
import { z } from 'zod';
import { bilingualText, optionalBilingualText } from './bilingual';
import { imageHashSchema } from './image';
import { msg } from './messages/format';
import { updateShape } from './partial-update';
import { slugSchema } from './slug';
import { idSchema, statusSchema, versionSchema } from './vocabulary';

/**
 * A cover image must say what it shows: alt text in Swedish is required. It is
 * either an uploaded image (`image`, its content hash: resized and served from
 * /media) or, as before uploads existed, an address on this site (`src`).
 */
export const coverImageSchema = z
  .strictObject({
    src: z
      .string()
      .trim()
      .min(1, { error: msg('required', { label: 'coverImageSrc' }) })
      .max(500, { error: msg('tooLong', { label: 'coverImageSrc', max: 500 }) })
      // "//host/x.jpg" and "/\\host/x.jpg" start with a slash but load from another site.
      .regex(/^(\/(?![/\\])|https?:\/\/)/, { error: msg('coverImage.start', {}) })
      // Quotes, angle brackets and spaces have no business in an image address.
      .regex(/^[^\s"'<>`]+$/, { error: msg('coverImage.characters', {}) })
      .optional(),
    image: imageHashSchema.optional(),
    alt: bilingualText({ max: 300, label: 'coverImageAlt' }),
  })
  .refine((c) => (c.src === undefined) !== (c.image === undefined), {
    path: ['image'],
    error: msg('coverImage.oneSource', {}),
  });
export type CoverImage = z.infer<typeof coverImageSchema>;

export const tagSchema = z
  .string()
  .trim()
  .toLowerCase()
  .min(1, { error: msg('notEmpty', { label: 'tag' }) })
  .max(40, { error: msg('tooLong', { label: 'tag', max: 40 }) })
  // An empty tag is told it is empty, not also that its characters are wrong.
  .regex(/^([\p{L}\p{N}][\p{L}\p{N} -]*)?$/u, { error: msg('tag.characters', {}) });

/** A tag's English name: empty when there is none yet (the Swedish word is shown, marked as Swedish). */
const tagNameEn = z
  .string()
  .trim()
  .toLowerCase()
  .max(40, { error: msg('tooLong', { label: 'tagEn', max: 40 }) })
  .regex(/^([\p{L}\p{N}][\p{L}\p{N} -]*)?$/u, { error: msg('tag.characters', {}) })
  .default('');

/**
 * A tag in both languages. The Swedish word is its key (the news list filters
 * on it in both languages); the English name is shared by every article with
 * the tag. A plain string is the Swedish word alone, as tags were first given.
 */
export const articleTagInput = z.preprocess(
  (value) => (typeof value === 'string' ? { sv: value } : value),
  z.strictObject({ sv: tagSchema, en: tagNameEn }),
);
export type ArticleTagInput = z.infer<typeof articleTagInput>;

const articleFields = {
  /** The Swedish address (/nyheter/…); made from the Swedish title when left out. */
  slug: slugSchema.optional(),
  /**
   * The English address (/en/news/…); made from the English title when left
   * out, and null when the article has no English title (the English page then
   * uses the Swedish slug).
   */
  slugEn: slugSchema.nullable().optional(),
  title: bilingualText({ max: 200, label: 'title' }),
  summary: optionalBilingualText({ max: 500, label: 'summary' }),
  body: optionalBilingualText({ max: 100_000, label: 'body' }),
  coverImage: coverImageSchema.nullable().default(null),
  author: z
    .string()
    .trim()
    .max(120, { error: msg('tooLong', { label: 'author', max: 120 }) })
    .default(''),
  tags: z
    .array(articleTagInput)
    .max(10, { error: msg('tags.tooMany', { max: 10 }) })
    // One entry per Swedish word: a repeat's English name fills an empty one.
    .transform((tags) => {
      const byKey = new Map<string, ArticleTagInput>();
      for (const tag of tags) {
        const seen = byKey.get(tag.sv);
        if (!seen || !seen.en) byKey.set(tag.sv, { sv: tag.sv, en: seen?.en || tag.en });
      }
      return [...byKey.values()];
    })
    .default([]),
  clusterId: idSchema.nullable().default(null),
  publishedAt: z.iso
    .datetime({ offset: true, error: msg('notDateTime', { label: 'publishedAt' }) })
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
