/** The article queries the write service runs, prepared once per connection. */
import { articles, articleTags, clusters, type DatabaseHandle } from '@cos/db';
import { and, asc, desc, eq, ne, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { articleRecordOut } from '../outputs';
import { param } from './prepared';

export type ArticleRecord = z.infer<typeof articleRecordOut>;

/** What an edit may change: the record without its bookkeeping. */
export type ArticleEditable = Omit<ArticleRecord, 'id' | 'version' | 'createdAt' | 'updatedAt'>;
type Editable = ArticleEditable;

const EDITABLE_COLUMNS = [
  'slug',
  'titleSv',
  'titleEn',
  'summarySv',
  'summaryEn',
  'bodySv',
  'bodyEn',
  'coverSrc',
  'coverAltSv',
  'coverAltEn',
  'author',
  'clusterId',
  'publishedAt',
  'status',
] as const satisfies readonly (keyof typeof articles.$inferInsert)[];
type EditableColumn = (typeof EDITABLE_COLUMNS)[number];

const placeholders = () =>
  Object.fromEntries(EDITABLE_COLUMNS.map((c) => [c, param(c)])) as Record<
    EditableColumn,
    ReturnType<typeof param>
  >;

/** A published article without a date is dated when it is written. */
export function columnValues(e: Editable, now: string): Record<EditableColumn, unknown> {
  return {
    slug: e.slug,
    titleSv: e.title.sv,
    titleEn: e.title.en,
    summarySv: e.summary.sv,
    summaryEn: e.summary.en,
    bodySv: e.body.sv,
    bodyEn: e.body.en,
    coverSrc: e.coverImage?.src ?? null,
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
  const byIdAndVersion = and(eq(articles.id, id), eq(articles.version, sql.placeholder('version')));
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
      .select({ tag: articleTags.tag })
      .from(articleTags)
      .where(eq(articleTags.articleId, id))
      .orderBy(asc(articleTags.tag))
      .prepare(),
    slugTaken: db
      .select({ id: articles.id })
      .from(articles)
      .where(eq(articles.slug, sql.placeholder('slug')))
      .prepare(),
    slugElsewhere: db
      .select({ id: articles.id })
      .from(articles)
      .where(
        and(eq(articles.slug, sql.placeholder('slug')), ne(articles.id, sql.placeholder('self'))),
      )
      .prepare(),
    clusterExists: db
      .select({ id: clusters.id })
      .from(clusters)
      .where(eq(clusters.id, id))
      .prepare(),
    insert: db
      .insert(articles)
      .values({ ...placeholders(), version: 1, createdAt: param('now'), updatedAt: param('now') })
      .prepare(),
    update: db
      .update(articles)
      .set({ ...placeholders(), version: sql`${articles.version} + 1`, updatedAt: param('now') })
      .where(byIdAndVersion)
      .prepare(),
    setStatus: db
      .update(articles)
      .set({
        status,
        // Publishing dates an undated article; other changes keep its date (a CASE: Drizzle has no builder for it).
        publishedAt: sql`CASE WHEN ${status} = 'published' THEN coalesce(${articles.publishedAt}, ${param('now')}) ELSE ${articles.publishedAt} END`,
        version: sql`${articles.version} + 1`,
        updatedAt: param('now'),
      })
      .where(byIdAndVersion)
      .prepare(),
    delete: db.delete(articles).where(byIdAndVersion).prepare(),
    deleteTags: db.delete(articleTags).where(eq(articleTags.articleId, id)).prepare(),
    insertTag: db
      .insert(articleTags)
      .values({ articleId: id, tag: sql.placeholder('tag') })
      .prepare(),
  };
}
