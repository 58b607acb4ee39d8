/** Published news, newest first, by tag or cluster, with keyset pagination. */
import { articles, articleTags, clusters, type Db } from '@cos/db';
import type { ArticleListQuery } from '@cos/domain';
import { and, desc, eq, inArray, isNotNull, lt, lte, or, sql, type SQL } from 'drizzle-orm';
import type { SelectResultFields } from 'drizzle-orm/query-builders/select.types';
import type { z } from 'zod';
import { notFound } from '../errors';
import type { articleOut, articleSummaryOut } from '../outputs';
import { decodeCursor, encodeCursor } from './cursor';
import { onFirstUse, param, ShapeCache } from './prepared';
import { imageInfoSql, publicImage } from './public-images';

type ArticleSummary = z.infer<typeof articleSummaryOut>;
type Article = z.infer<typeof articleOut>;

const COLUMNS = {
  id: articles.id,
  slug: articles.slug,
  titleSv: articles.titleSv,
  titleEn: articles.titleEn,
  summarySv: articles.summarySv,
  summaryEn: articles.summaryEn,
  bodySv: articles.bodySv,
  bodyEn: articles.bodyEn,
  coverSrc: articles.coverSrc,
  coverAltSv: articles.coverAltSv,
  coverAltEn: articles.coverAltEn,
  coverImage: articles.coverImage,
  coverInfo: sql<string | null>`${sql.raw(imageInfoSql('"articles"."cover_image"'))}`,
  author: articles.author,
  publishedAt: articles.publishedAt,
  clusterSlug: clusters.slug,
  clusterName: clusters.name,
  // A correlated group_concat: one row per article with its tags, which Drizzle's builder has no form for.
  tags: sql<
    string | null
  >`(SELECT group_concat(${articleTags.tag}, ',') FROM ${articleTags} WHERE ${articleTags.articleId} = ${articles.id})`,
};

/** Published and due: a future publish date keeps an article hidden until then. */
const visible = () =>
  and(
    eq(articles.status, 'published'),
    isNotNull(articles.publishedAt),
    lte(articles.publishedAt, param('now')),
  );

/** A row as selected; the cluster's columns are null where the left join found none. */
type ArticleRow = Omit<SelectResultFields<typeof COLUMNS>, 'clusterSlug' | 'clusterName'> & {
  clusterSlug: string | null;
  clusterName: string | null;
};

/** An uploaded cover with its srcset and size; an address as it is (size unknown). */
function coverOf(a: ArticleRow): ArticleSummary['coverImage'] {
  const columns = {
    hash: a.coverImage,
    altSv: a.coverAltSv,
    altEn: a.coverAltEn,
    info: a.coverInfo,
  };
  const uploaded = publicImage(columns, 'cover');
  if (uploaded) return uploaded;
  if (!a.coverSrc) return null;
  const alt = { sv: a.coverAltSv ?? '', en: a.coverAltEn ?? '' };
  return { src: a.coverSrc, alt, srcset: null, width: null, height: null };
}

export function articleSummary(a: ArticleRow): ArticleSummary {
  return {
    slug: a.slug,
    title: { sv: a.titleSv, en: a.titleEn },
    summary: { sv: a.summarySv, en: a.summaryEn },
    coverImage: coverOf(a),
    author: a.author,
    // Only visible articles are read, and those have a publish date.
    publishedAt: a.publishedAt as string,
    cluster: a.clusterSlug && a.clusterName ? { slug: a.clusterSlug, name: a.clusterName } : null,
    tags: a.tags ? a.tags.split(',').sort() : [],
  };
}

export class ArticleReads {
  private readonly statements = onFirstUse(() => ({
    bySlug: this.select()
      .where(and(eq(articles.slug, sql.placeholder('slug')), visible()))
      .prepare(),
  }));
  private readonly lists = new ShapeCache<ReturnType<ArticleReads['prepareList']>>();

  constructor(private readonly db: Db) {}

  list(query: ArticleListQuery) {
    const cursor = decodeCursor(query.cursor, 'newest');
    const shape = { tag: !!query.tag, cluster: !!query.cluster, cursor: !!cursor };
    const statement = this.lists.get(JSON.stringify(shape), () => this.prepareList(shape));
    const rows = statement.all({
      now: new Date().toISOString(),
      tag: query.tag,
      cluster: query.cluster,
      cursorKey: cursor?.k,
      cursorId: cursor?.id,
      limit: query.limit + 1,
    });
    const hasMore = rows.length > query.limit;
    const page = (hasMore ? rows.slice(0, query.limit) : rows).map(articleSummary);
    const last = page[page.length - 1];
    const lastId = rows[page.length - 1]?.id;
    return {
      items: page,
      nextCursor:
        hasMore && last && lastId !== undefined
          ? encodeCursor({ s: 'newest', k: last.publishedAt, id: lastId })
          : null,
    };
  }

  bySlug(slug: string): Article {
    const row = this.statements().bySlug.get({ slug, now: new Date().toISOString() });
    if (!row) throw notFound('article', slug);
    return { ...articleSummary(row), body: { sv: row.bodySv, en: row.bodyEn } };
  }

  /**
   * Every published article with its body, the scheduled ones too (the
   * caller shows each once its date has come): what the site-wide search
   * prepares once per change of the news.
   */
  publishedWithBodies(): Article[] {
    return this.select()
      .where(and(eq(articles.status, 'published'), isNotNull(articles.publishedAt)))
      .orderBy(desc(articles.publishedAt), desc(articles.id))
      .all()
      .map((row) => ({ ...articleSummary(row), body: { sv: row.bodySv, en: row.bodyEn } }));
  }

  private select() {
    return this.db
      .select(COLUMNS)
      .from(articles)
      .leftJoin(
        clusters,
        and(eq(clusters.id, articles.clusterId), eq(clusters.status, 'published')),
      );
  }

  private prepareList(shape: { tag: boolean; cluster: boolean; cursor: boolean }) {
    const conditions: (SQL | undefined)[] = [visible()];
    if (shape.tag) {
      conditions.push(
        inArray(
          articles.id,
          this.db
            .select({ id: articleTags.articleId })
            .from(articleTags)
            .where(eq(articleTags.tag, param('tag'))),
        ),
      );
    }
    if (shape.cluster) conditions.push(eq(clusters.slug, param('cluster')));
    if (shape.cursor) {
      const key = param('cursorKey');
      conditions.push(
        or(
          lt(articles.publishedAt, key),
          and(eq(articles.publishedAt, key), lt(articles.id, param('cursorId'))),
        ),
      );
    }
    return this.select()
      .where(and(...conditions))
      .orderBy(desc(articles.publishedAt), desc(articles.id))
      .limit(sql.placeholder('limit'))
      .prepare();
  }
}
