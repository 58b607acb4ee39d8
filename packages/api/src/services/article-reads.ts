/** Published news, newest first, by tag or cluster, with keyset pagination. */
import type { ArticleListQuery } from '@cos/domain';
import { notFound } from '../errors';
import { ARTICLE_CONTENT_COLUMNS, type ArticleContentRow } from './article-columns';
import { decodeCursor, encodeCursor } from './cursor';
import type { StatementCache } from './statement-cache';

export interface ArticleRow extends ArticleContentRow {
  publishedAt: string;
  clusterSlug: string | null;
  clusterName: string | null;
  tags: string | null;
}

const COLUMNS = `${ARTICLE_CONTENT_COLUMNS}, a.published_at AS publishedAt, c.slug AS clusterSlug, c.name AS clusterName,
  (SELECT group_concat(tag, ',') FROM article_tags t WHERE t.article_id = a.id) AS tags`;

/** Published and due: a future publish date keeps an article hidden until then. */
const VISIBLE = `a.status = 'published' AND a.published_at IS NOT NULL AND a.published_at <= ?`;

export function articleSummary(a: ArticleRow) {
  return {
    slug: a.slug,
    title: { sv: a.titleSv, en: a.titleEn },
    summary: { sv: a.summarySv, en: a.summaryEn },
    coverImage: a.coverSrc
      ? { src: a.coverSrc, alt: { sv: a.coverAltSv ?? '', en: a.coverAltEn ?? '' } }
      : null,
    author: a.author,
    publishedAt: a.publishedAt,
    cluster: a.clusterSlug && a.clusterName ? { slug: a.clusterSlug, name: a.clusterName } : null,
    tags: a.tags ? a.tags.split(',').sort() : [],
  };
}

export class ArticleReads {
  constructor(private readonly statements: StatementCache) {}

  list(query: ArticleListQuery) {
    const now = new Date().toISOString();
    const parts = [VISIBLE];
    const params: unknown[] = [now];
    if (query.tag) {
      parts.push('a.id IN (SELECT article_id FROM article_tags WHERE tag = ?)');
      params.push(query.tag);
    }
    if (query.cluster) {
      parts.push('c.slug = ?');
      params.push(query.cluster);
    }
    const cursor = decodeCursor(query.cursor, 'newest');
    if (cursor) {
      parts.push('(a.published_at < ? OR (a.published_at = ? AND a.id < ?))');
      params.push(cursor.k, cursor.k, cursor.id);
    }
    const rows = this.statements.all<ArticleRow>(
      `SELECT ${COLUMNS} FROM articles a LEFT JOIN clusters c ON c.id = a.cluster_id AND c.status = 'published'
       WHERE ${parts.join(' AND ')} ORDER BY a.published_at DESC, a.id DESC LIMIT ?`,
      [...params, query.limit + 1],
    );
    const hasMore = rows.length > query.limit;
    const page = hasMore ? rows.slice(0, query.limit) : rows;
    const last = page[page.length - 1];
    return {
      items: page.map(articleSummary),
      nextCursor:
        hasMore && last ? encodeCursor({ s: 'newest', k: last.publishedAt, id: last.id }) : null,
    };
  }

  bySlug(slug: string) {
    const row = this.statements.one<ArticleRow>(
      `SELECT ${COLUMNS} FROM articles a LEFT JOIN clusters c ON c.id = a.cluster_id AND c.status = 'published' WHERE a.slug = ? AND ${VISIBLE}`,
      [slug, new Date().toISOString()],
    );
    if (!row) throw notFound('article', slug);
    return { ...articleSummary(row), body: { sv: row.bodySv, en: row.bodyEn } };
  }
}
