/** The article queries the write service runs, prepared once per connection. */
import { articles, articleTags, clusters, tags as tagNames, type DatabaseHandle } from '@cos/db';
import { and, asc, desc, eq, ne, or, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { articleRecordOut } from '../outputs';
import {
  byIdAndVersion,
  existsById,
  firstVersion,
  nextVersion,
  param,
  placeholders,
} from './prepared';

export type ArticleRecord = z.infer<typeof articleRecordOut>;

/** What an edit may change: the record without its bookkeeping. */
export type ArticleEditable = Omit<ArticleRecord, 'id' | 'version' | 'createdAt' | 'updatedAt'>;
type Editable = ArticleEditable;

const EDITABLE_COLUMNS = [
  'slug',
  'slugEn',
  'titleSv',
  'titleEn',
  'summarySv',
  'summaryEn',
  'bodySv',
  'bodyEn',
  'coverSrc',
  'coverImage',
  'coverAltSv',
  'coverAltEn',
  'author',
  'clusterId',
  'publishedAt',
  'status',
] as const satisfies readonly (keyof typeof articles.$inferInsert)[];
type EditableColumn = (typeof EDITABLE_COLUMNS)[number];

/** A published article without a date is dated when it is written. */
export function columnValues(e: Editable, now: string): Record<EditableColumn, unknown> {
  return {
    slug: e.slug,
    slugEn: e.slugEn,
    titleSv: e.title.sv,
    titleEn: e.title.en,
    summarySv: e.summary.sv,
    summaryEn: e.summary.en,
    bodySv: e.body.sv,
    bodyEn: e.body.en,
    coverSrc: e.coverImage?.src ?? null,
    coverImage: e.coverImage?.image ?? null,
    coverAltSv: e.coverImage?.alt.sv ?? null,
    coverAltEn: e.coverImage?.alt.en ?? null,
    author: e.author,
    clusterId: e.clusterId,
    publishedAt: e.status === 'published' ? (e.publishedAt ?? now) : e.publishedAt,
    status: e.status,
  };
}

export function prepareArticleStatements({ db }: Pick<DatabaseHandle, 'db'>) {
  const id = sql.placeholder('id');
  const versioned = byIdAndVersion(articles);
  const newestFirst = [desc(articles.updatedAt), desc(articles.id)];
  const status = param('status');
  return {
    byId: db.select().from(articles).where(eq(articles.id, id)).prepare(),
    all: db
      .select()
      .from(articles)
      .orderBy(...newestFirst)
      .prepare(),
    ofCluster: db
      .select()
      .from(articles)
      .where(eq(articles.clusterId, sql.placeholder('clusterId')))
      .orderBy(...newestFirst)
      .prepare(),
    tags: db
      .select({ sv: articleTags.tag, en: sql<string>`coalesce(${tagNames.nameEn}, '')` })
      .from(articleTags)
      .leftJoin(tagNames, eq(tagNames.tag, articleTags.tag))
      .where(eq(articleTags.articleId, id))
      .orderBy(asc(articleTags.tag))
      .prepare(),
    tagNameEn: db
      .select({ en: tagNames.nameEn })
      .from(tagNames)
      .where(eq(tagNames.tag, sql.placeholder('tag')))
      .prepare(),
    // A new English name replaces the shared one; an empty one leaves it.
    upsertTagName: db
      .insert(tagNames)
      .values({ tag: sql.placeholder('tag'), nameEn: sql.placeholder('en') })
      .onConflictDoUpdate({
        target: tagNames.tag,
        set: { nameEn: sql`excluded.name_en` },
        setWhere: sql`excluded.name_en != '' AND excluded.name_en != ${tagNames.nameEn}`,
      })
      .prepare(),
    // An address in either language belongs to one article: /en/news/x must not be two articles.
    addressElsewhere: db
      .select({ id: articles.id })
      .from(articles)
      .where(
        and(
          or(
            eq(articles.slug, sql.placeholder('slug')),
            eq(articles.slugEn, sql.placeholder('slug')),
          ),
          ne(articles.id, sql.placeholder('self')),
        ),
      )
      .prepare(),
    clusterExists: existsById(db, clusters),
    insert: db
      .insert(articles)
      .values({ ...placeholders(EDITABLE_COLUMNS), ...firstVersion() })
      .prepare(),
    update: db
      .update(articles)
      .set({ ...placeholders(EDITABLE_COLUMNS), ...nextVersion(articles) })
      .where(versioned)
      .prepare(),
    setStatus: db
      .update(articles)
      .set({
        status,
        // Publishing dates an undated article; other changes keep its date (a CASE: Drizzle has no builder for it).
        publishedAt: sql`CASE WHEN ${status} = 'published' THEN coalesce(${articles.publishedAt}, ${param('now')}) ELSE ${articles.publishedAt} END`,
        ...nextVersion(articles),
      })
      .where(versioned)
      .prepare(),
    delete: db.delete(articles).where(versioned).prepare(),
    deleteTags: db.delete(articleTags).where(eq(articleTags.articleId, id)).prepare(),
    insertTag: db
      .insert(articleTags)
      .values({ articleId: id, tag: sql.placeholder('tag') })
      .prepare(),
  };
}
