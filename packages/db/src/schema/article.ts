import { STATUSES } from '@cos/domain';
import { sql } from 'drizzle-orm';
import { check, index, integer, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { clusters } from './cluster';
import { recordColumns } from './columns';
import { hasAltWhenSet, images } from './image';
import { isOneOf } from './vocabulary-check';

/** News. Bodies are Markdown, stored as written and sanitised when rendered. */
export const articles = sqliteTable(
  'articles',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    /** The Swedish address; English pages use slug_en, or this one when it is null. */
    slug: text('slug').notNull().unique(),
    slugEn: text('slug_en').unique(),
    titleSv: text('title_sv').notNull(),
    titleEn: text('title_en').notNull().default(''),
    summarySv: text('summary_sv').notNull().default(''),
    summaryEn: text('summary_en').notNull().default(''),
    bodySv: text('body_sv').notNull().default(''),
    bodyEn: text('body_en').notNull().default(''),
    coverSrc: text('cover_src'),
    /** An uploaded cover (served from /media); cover_src is an address on the site instead. */
    coverImage: text('cover_image').references(() => images.hash, { onDelete: 'restrict' }),
    coverAltSv: text('cover_alt_sv'),
    coverAltEn: text('cover_alt_en'),
    author: text('author').notNull().default(''),
    clusterId: integer('cluster_id').references(() => clusters.id, { onDelete: 'set null' }),
    publishedAt: text('published_at'),
    status: text('status', { enum: STATUSES }).notNull().default('draft'),
    ...recordColumns,
  },
  (t) => [
    index('articles_status_published_idx').on(t.status, t.publishedAt, t.id),
    index('articles_cluster_idx').on(t.clusterId, t.status, t.publishedAt),
    check('articles_status_valid', isOneOf(t.status, STATUSES)),
    // A cover image without alt text is an accessibility failure: refuse it here too.
    check(
      'articles_cover_has_alt',
      sql`${t.coverSrc} is null or length(trim(coalesce(${t.coverAltSv}, ''))) > 0`,
    ),
    // The same rule for an uploaded cover (a second CHECK: 0004 adds the column without a rebuild).
    check('articles_cover_image_has_alt', hasAltWhenSet(t.coverImage, t.coverAltSv)),
    check('articles_cover_one_source', sql`${t.coverSrc} is null or ${t.coverImage} is null`),
    check('articles_title_not_empty', sql`length(trim(${t.titleSv})) > 0`),
  ],
);

export const articleTags = sqliteTable(
  'article_tags',
  {
    articleId: integer('article_id')
      .notNull()
      .references(() => articles.id, { onDelete: 'cascade' }),
    tag: text('tag').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.articleId, t.tag] }),
    index('article_tags_tag_idx').on(t.tag, t.articleId),
  ],
);

/**
 * Tags in both languages: the Swedish word (as article_tags holds it) and the
 * English name every article with the tag shares; empty until someone gives
 * one, and then the Swedish word is shown, marked as Swedish.
 */
export const tags = sqliteTable(
  'tags',
  {
    tag: text('tag').primaryKey(),
    nameEn: text('name_en').notNull().default(''),
  },
  (t) => [check('tags_tag_not_empty', sql`length(trim(${t.tag})) > 0`)],
);
