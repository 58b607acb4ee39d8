/** Published news, newest first, by tag or cluster, with keyset pagination. */
import { articles, articleTags, clusters, tags as tagNames, type Db } from '@cos/db';
import type { ArticleListQuery, Locale } from '@cos/domain';
import { and, desc, eq, inArray, isNotNull, lt, lte, ne, or, sql, type SQL } from 'drizzle-orm';
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
  slugEn: articles.slugEn,
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
  // A correlated JSON array: one row per article with its tags and their English names, which Drizzle's builder has no form for.
  tags: sql<string>`(SELECT json_group_array(json_array(${articleTags.tag}, coalesce(${tagNames.nameEn}, ''))) FROM ${articleTags} LEFT JOIN ${tagNames} ON ${tagNames.tag} = ${articleTags.tag} WHERE ${articleTags.articleId} = ${articles.id})`,
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

/** The tags in Swedish alphabetical order, each with its name in both languages. */
function tagsOf(json: string): ArticleSummary['tags'] {
  const pairs = JSON.parse(json) as [string, string][];
  return pairs
    .map(([tag, en]) => ({ tag, name: { sv: tag, en } }))
    .sort((a, b) => a.tag.localeCompare(b.tag, 'sv'));
}

export function articleSummary(a: ArticleRow): ArticleSummary {
  return {
    slug: a.slug,
    slugs: { sv: a.slug, en: a.slugEn ?? a.slug },
    title: { sv: a.titleSv, en: a.titleEn },
    summary: { sv: a.summarySv, en: a.summaryEn },
    coverImage: coverOf(a),
    author: a.author,
    // Only visible articles are read, and those have a publish date.
    publishedAt: a.publishedAt as string,
    cluster: a.clusterSlug && a.clusterName ? { slug: a.clusterSlug, name: a.clusterName } : null,
    tags: tagsOf(a.tags),
  };
}

export class ArticleReads {
  private readonly statements = onFirstUse(() => ({
    unconfirmedClusters: this.db
      .select({ slug: clusters.slug, name: clusters.name, confidence: clusters.confidence })
      .from(clusters)
      .where(and(eq(clusters.status, 'published'), ne(clusters.confidence, 'high')))
      .orderBy(clusters.sortKey)
      .prepare(),
    // An address in the page's language first, then one in the other: the
    // page answers the latter (the old English URLs among them) with a 301.
    bySlugSv: this.bySlugPreferring(articles.slug),
    bySlugEn: this.bySlugPreferring(sql`coalesce(${articles.slugEn}, ${articles.slug})`),
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

  /**
   * The article at `slug` on a page in `locale`: its own slug in that
   * language, or else its slug in the other one (the caller compares with
   * `slugs[locale]` and redirects).
   */
  bySlug(slug: string, locale: Locale = 'sv'): Article {
    const statement = locale === 'en' ? this.statements().bySlugEn : this.statements().bySlugSv;
    const row = statement.get({ slug, now: new Date().toISOString() });
    if (!row) throw notFound('article', slug);
    const article = { ...articleSummary(row), body: { sv: row.bodySv, en: row.bodyEn } };
    return { ...article, unconfirmedClusters: this.unconfirmedClustersIn(article) };
  }

  /**
   * The clusters the article names whose facts are of less than high
   * confidence (Medicon Valley Alliance's place in Clusters of Skåne is a
   * guess): the page marks them, as every list that shows them does. Reads
   * the clusters table only, so a member write leaves a stored article page be.
   */
  private unconfirmedClustersIn(a: Omit<Article, 'unconfirmedClusters'>) {
    const text = [a.title, a.summary, a.body].map((t) => `${t.sv} ${t.en}`).join(' ');
    return this.statements()
      .unconfirmedClusters.all()
      .filter((c) => text.includes(c.name));
  }

  /**
   * Every published article with its body, the scheduled ones too (the
   * caller shows each once its date has come): what the site-wide search
   * prepares once per change of the news.
   */
  publishedWithBodies(): Omit<Article, 'unconfirmedClusters'>[] {
    return this.select()
      .where(and(eq(articles.status, 'published'), isNotNull(articles.publishedAt)))
      .orderBy(desc(articles.publishedAt), desc(articles.id))
      .all()
      .map((row) => ({ ...articleSummary(row), body: { sv: row.bodySv, en: row.bodyEn } }));
  }

  /** The visible article with `slug` in either language, the one whose `own` address it is first. */
  private bySlugPreferring(own: SQL | typeof articles.slug) {
    const slug = sql.placeholder('slug');
    return this.select()
      .where(and(or(eq(articles.slug, slug), eq(articles.slugEn, slug)), visible()))
      .orderBy(sql`${own} = ${slug} DESC`)
      .limit(1)
      .prepare();
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
