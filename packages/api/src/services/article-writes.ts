/**
 * Creating and changing news articles. Admins may write any article; an
 * editor only their own cluster's (checked on the stored record and on the
 * cluster the article is moved to). Each write runs in one transaction with
 * the version check and its audit entry.
 */
import {
  uniqueSlug,
  type ArticleCreateInput,
  type ArticleUpdateInput,
  type CoverImage,
  type Status,
} from '@cos/domain';
import type { Sqlite } from '@cos/db';
import type { SessionUser } from '../actor';
import { ConflictError, FieldError, notFound } from '../errors';
import type { AuditTrail } from './audit';
import { assertCanEditArticle, isAdmin } from './permissions';
import type { ResultCache } from './result-cache';
import { ARTICLE_CONTENT_COLUMNS, type ArticleContentRow } from './article-columns';
import type { StatementCache } from './statement-cache';

export interface ArticleRecord {
  id: number;
  slug: string;
  title: { sv: string; en: string };
  summary: { sv: string; en: string };
  body: { sv: string; en: string };
  coverImage: CoverImage | null;
  author: string;
  tags: string[];
  clusterId: number | null;
  publishedAt: string | null;
  status: Status;
  version: number;
  createdAt: string;
  updatedAt: string;
}

type Editable = Omit<ArticleRecord, 'id' | 'version' | 'createdAt' | 'updatedAt'>;

interface ArticleRow extends ArticleContentRow {
  clusterId: number | null;
  publishedAt: string | null;
  status: Status;
  version: number;
  createdAt: string;
  updatedAt: string;
}

const COLUMNS = `${ARTICLE_CONTENT_COLUMNS}, cluster_id AS clusterId, published_at AS publishedAt, status, version, created_at AS createdAt,
  updated_at AS updatedAt`;

export class ArticleWrites {
  constructor(
    private readonly sqlite: Sqlite,
    private readonly statements: StatementCache,
    private readonly audit: AuditTrail,
    private readonly cache: ResultCache,
  ) {}

  load(id: number): ArticleRecord | undefined {
    const row = this.statements.one<ArticleRow>(`SELECT ${COLUMNS} FROM articles a WHERE id = ?`, [
      id,
    ]);
    return row ? this.toRecord(row) : undefined;
  }

  /** Every article an admin may write; an editor sees their own cluster's. */
  list(user: SessionUser): ArticleRecord[] {
    const rows = isAdmin(user)
      ? this.statements.all<ArticleRow>(
          `SELECT ${COLUMNS} FROM articles a ORDER BY updated_at DESC, id DESC`,
        )
      : this.statements.all<ArticleRow>(
          `SELECT ${COLUMNS} FROM articles a WHERE cluster_id = ? ORDER BY updated_at DESC, id DESC`,
          [user.clusterId ?? -1],
        );
    return rows.map((r) => this.toRecord(r));
  }

  get(user: SessionUser, id: number): ArticleRecord {
    const record = this.load(id);
    if (!record) throw notFound('article', id);
    assertCanEditArticle(user, record.clusterId);
    return record;
  }

  create(
    user: SessionUser,
    input: ArticleCreateInput,
    action: 'create' | 'restore' = 'create',
  ): ArticleRecord {
    return this.transaction(() => {
      assertCanEditArticle(user, input.clusterId);
      const editable: Editable = {
        slug: input.slug ?? uniqueSlug(input.title.sv, (s) => this.slugTaken(s)),
        title: input.title,
        summary: input.summary,
        body: input.body,
        coverImage: input.coverImage,
        author: input.author,
        tags: input.tags,
        clusterId: input.clusterId,
        publishedAt: input.publishedAt,
        status: input.status,
      };
      this.checkReferences(editable, undefined);
      const now = new Date().toISOString();
      const { lastInsertRowid } = this.statements
        .get(
          `INSERT INTO articles (slug, title_sv, title_en, summary_sv, summary_en, body_sv, body_en, cover_src, cover_alt_sv,
             cover_alt_en, author, cluster_id, published_at, status, version, created_at, updated_at)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?, ?)`,
        )
        .run(...columnValues(editable, now), now, now);
      const id = Number(lastInsertRowid);
      this.writeTags(id, editable.tags);
      const after = this.load(id) as ArticleRecord;
      this.audit.record(user, 'article', id, action, null, after);
      return after;
    });
  }

  update(
    user: SessionUser,
    input: ArticleUpdateInput,
    action: 'update' | 'restore' = 'update',
  ): ArticleRecord {
    return this.transaction(() => {
      const before = this.get(user, input.id);
      if (before.version !== input.version) throw new ConflictError('article', before);
      const pick = <K extends keyof Editable>(key: K): Editable[K] =>
        input[key] !== undefined ? (input[key] as Editable[K]) : before[key];
      const editable: Editable = {
        slug: pick('slug'),
        title: pick('title'),
        summary: pick('summary'),
        body: pick('body'),
        coverImage: pick('coverImage'),
        author: pick('author'),
        tags: pick('tags'),
        clusterId: pick('clusterId'),
        publishedAt: pick('publishedAt'),
        status: pick('status'),
      };
      assertCanEditArticle(user, editable.clusterId);
      this.checkReferences(editable, before.id);
      const now = new Date().toISOString();
      const result = this.statements
        .get(
          `UPDATE articles SET slug = ?, title_sv = ?, title_en = ?, summary_sv = ?, summary_en = ?, body_sv = ?,
             body_en = ?, cover_src = ?, cover_alt_sv = ?, cover_alt_en = ?, author = ?, cluster_id = ?, published_at = ?,
             status = ?, version = version + 1, updated_at = ?
           WHERE id = ? AND version = ?`,
        )
        .run(...columnValues(editable, now), now, before.id, input.version);
      if (result.changes !== 1) throw new ConflictError('article', this.load(before.id));
      if (JSON.stringify([...editable.tags].sort()) !== JSON.stringify(before.tags))
        this.writeTags(before.id, editable.tags);
      const after = this.load(before.id) as ArticleRecord;
      this.audit.record(user, 'article', before.id, action, before, after);
      return after;
    });
  }

  setStatus(user: SessionUser, id: number, version: number, status: Status): ArticleRecord {
    return this.transaction(() => {
      const before = this.get(user, id);
      if (before.version !== version) throw new ConflictError('article', before);
      const now = new Date().toISOString();
      this.statements
        .get(
          `UPDATE articles SET status = ?, published_at = CASE WHEN ? = 'published' THEN coalesce(published_at, ?) ELSE published_at END,
             version = version + 1, updated_at = ? WHERE id = ? AND version = ?`,
        )
        .run(status, status, now, now, id, version);
      const after = this.load(id) as ArticleRecord;
      const action =
        status === 'published' ? 'publish' : status === 'archived' ? 'archive' : 'unpublish';
      this.audit.record(user, 'article', id, action, before, after);
      return after;
    });
  }

  delete(user: SessionUser, id: number, version: number): { id: number } {
    return this.transaction(() => {
      const before = this.get(user, id);
      if (before.version !== version) throw new ConflictError('article', before);
      this.statements.get('DELETE FROM articles WHERE id = ? AND version = ?').run(id, version);
      this.audit.record(user, 'article', id, 'delete', before, null);
      return { id };
    });
  }

  private toRecord(r: ArticleRow): ArticleRecord {
    return {
      id: r.id,
      slug: r.slug,
      title: { sv: r.titleSv, en: r.titleEn },
      summary: { sv: r.summarySv, en: r.summaryEn },
      body: { sv: r.bodySv, en: r.bodyEn },
      coverImage:
        r.coverSrc === null
          ? null
          : { src: r.coverSrc, alt: { sv: r.coverAltSv ?? '', en: r.coverAltEn ?? '' } },
      author: r.author,
      tags: this.statements
        .all<{ tag: string }>('SELECT tag FROM article_tags WHERE article_id = ? ORDER BY tag', [
          r.id,
        ])
        .map((t) => t.tag),
      clusterId: r.clusterId,
      publishedAt: r.publishedAt,
      status: r.status,
      version: r.version,
      createdAt: r.createdAt,
      updatedAt: r.updatedAt,
    };
  }

  private transaction<T>(fn: () => T): T {
    const result = this.sqlite.transaction(fn)();
    this.cache.invalidate();
    return result;
  }

  private slugTaken(slug: string): boolean {
    return this.statements.one('SELECT 1 FROM articles WHERE slug = ?', [slug]) !== undefined;
  }

  private checkReferences(e: Editable, selfId: number | undefined): void {
    if (
      this.statements.one('SELECT 1 FROM articles WHERE slug = ? AND id <> ?', [
        e.slug,
        selfId ?? -1,
      ])
    ) {
      throw new FieldError('slug', 'is already used by another article', 'CONFLICT');
    }
    if (
      e.clusterId !== null &&
      !this.statements.one('SELECT 1 FROM clusters WHERE id = ?', [e.clusterId])
    ) {
      throw new FieldError('clusterId', `cluster ${e.clusterId} does not exist`);
    }
  }

  private writeTags(id: number, tags: readonly string[]): void {
    this.statements.get('DELETE FROM article_tags WHERE article_id = ?').run(id);
    for (const tag of tags)
      this.statements.get('INSERT INTO article_tags (article_id, tag) VALUES (?, ?)').run(id, tag);
  }
}

/** A published article without a date is dated when it is written. */
function columnValues(e: Editable, now: string) {
  return [
    e.slug,
    e.title.sv,
    e.title.en,
    e.summary.sv,
    e.summary.en,
    e.body.sv,
    e.body.en,
    e.coverImage?.src ?? null,
    e.coverImage?.alt.sv ?? null,
    e.coverImage?.alt.en ?? null,
    e.author,
    e.clusterId,
    e.status === 'published' ? (e.publishedAt ?? now) : e.publishedAt,
    e.status,
  ] as const;
}
