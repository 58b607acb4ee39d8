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
  type Status,
} from '@cos/domain';
import type { ArticleRow, DatabaseHandle } from '@cos/db';
import type { Actor } from '../actor';
import { ConflictError, FieldError, notFound } from '../errors';
import type { AuditTrail } from './audit';
import { assertCanEditArticle, isAdmin } from './permissions';
import {
  columnValues,
  prepareArticleStatements,
  type ArticleEditable as Editable,
  type ArticleRecord,
} from './article-statements';
import { onFirstUse } from './prepared';
import type { ResultCache } from './result-cache';
import { statusAction } from './status-action';

export type { ArticleRecord } from './article-statements';

export class ArticleWrites {
  private readonly statements = onFirstUse(() => prepareArticleStatements(this.handle));

  constructor(
    private readonly handle: Pick<DatabaseHandle, 'db' | 'sqlite'>,
    private readonly audit: AuditTrail,
    private readonly cache: ResultCache,
  ) {}

  load(id: number): ArticleRecord | undefined {
    const row = this.statements().byId.get({ id });
    return row ? this.toRecord(row) : undefined;
  }

  /** Every article an admin may write; an editor sees their own cluster's. */
  list(user: Actor): ArticleRecord[] {
    const rows = isAdmin(user)
      ? this.statements().all.all()
      : this.statements().ofCluster.all({ clusterId: user.clusterId ?? -1 });
    return rows.map((r) => this.toRecord(r));
  }

  get(user: Actor, id: number): ArticleRecord {
    const record = this.load(id);
    if (!record) throw notFound('article', id);
    assertCanEditArticle(user, record.clusterId);
    return record;
  }

  create(
    user: Actor,
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
      const { lastInsertRowid } = this.statements().insert.run({
        ...columnValues(editable, now),
        now,
      });
      const id = Number(lastInsertRowid);
      this.writeTags(id, editable.tags);
      const after = this.load(id) as ArticleRecord;
      this.audit.record(user, 'article', id, action, null, after);
      return after;
    });
  }

  update(
    user: Actor,
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
      const result = this.statements().update.run({
        ...columnValues(editable, now),
        now,
        id: before.id,
        version: input.version,
      });
      if (result.changes !== 1) throw new ConflictError('article', this.load(before.id));
      if (JSON.stringify([...editable.tags].sort()) !== JSON.stringify(before.tags))
        this.writeTags(before.id, editable.tags);
      const after = this.load(before.id) as ArticleRecord;
      this.audit.record(user, 'article', before.id, action, before, after);
      return after;
    });
  }

  setStatus(user: Actor, id: number, version: number, status: Status): ArticleRecord {
    return this.transaction(() => {
      const before = this.get(user, id);
      if (before.version !== version) throw new ConflictError('article', before);
      const now = new Date().toISOString();
      this.statements().setStatus.run({ status, now, id, version });
      const after = this.load(id) as ArticleRecord;
      this.audit.record(user, 'article', id, statusAction(status), before, after);
      return after;
    });
  }

  delete(user: Actor, id: number, version: number): { id: number } {
    return this.transaction(() => {
      const before = this.get(user, id);
      if (before.version !== version) throw new ConflictError('article', before);
      this.statements().delete.run({ id, version });
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
      tags: this.statements()
        .tags.all({ id: r.id })
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
    const result = this.handle.sqlite.transaction(fn)();
    this.cache.invalidate();
    return result;
  }

  private slugTaken(slug: string): boolean {
    return this.statements().slugTaken.get({ slug }) !== undefined;
  }

  private checkReferences(e: Editable, selfId: number | undefined): void {
    if (this.statements().slugElsewhere.get({ slug: e.slug, self: selfId ?? -1 })) {
      throw FieldError.coded('slug', 'taken.slug', { entity: 'article' }, 'conflict');
    }
    if (e.clusterId !== null && !this.statements().clusterExists.get({ id: e.clusterId })) {
      throw FieldError.coded('clusterId', 'reference.missing', {
        entity: 'cluster',
        id: e.clusterId,
      });
    }
  }

  private writeTags(id: number, tags: readonly string[]): void {
    const statements = this.statements();
    statements.deleteTags.run({ id });
    for (const tag of tags) statements.insertTag.run({ id, tag });
  }
}
