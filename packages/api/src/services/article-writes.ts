/**
 * Creating and changing news articles. Admins may write any article; an
 * editor only their own cluster's (checked on the stored record and on the
 * cluster the article is moved to). Each write runs in one transaction with
 * the version check and its audit entry.
 */
import {
  uniqueSlug,
  type ArticleCreateInput,
  type ArticleTagInput,
  type ArticleUpdateInput,
  type Status,
} from '@cos/domain';
import type { ArticleRow } from '@cos/db';
import type { Actor } from '../actor';
import { FieldError, notFound } from '../errors';
import { assertCanEditArticle, isAdmin } from './permissions';
import {
  columnValues,
  prepareArticleStatements,
  type ArticleEditable as Editable,
  type ArticleRecord,
} from './article-statements';
import { onFirstUse } from './prepared';
import { ImageLibrary } from './image-library';
import { assertExist } from './record-checks';
import { VersionedWrites, withChanges } from './versioned-record';

export type { ArticleRecord } from './article-statements';

/** The cover as the record holds it: an uploaded image, an address on the site, or none. */
function coverOf(r: ArticleRow): ArticleRecord['coverImage'] {
  const alt = { sv: r.coverAltSv ?? '', en: r.coverAltEn ?? '' };
  if (r.coverImage !== null) return { image: r.coverImage, alt };
  return r.coverSrc === null ? null : { src: r.coverSrc, alt };
}

export class ArticleWrites extends VersionedWrites<number, ArticleRecord> {
  protected readonly entity = 'article';
  private readonly statements = onFirstUse(() => prepareArticleStatements(this.handle));
  private readonly images = new ImageLibrary(this.handle);

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
      // The create input is exactly the editable fields (a strict schema).
      const slug = input.slug ?? this.freeSlug(input.title.sv);
      const editable: Editable = {
        ...input,
        slug,
        slugEn: input.slugEn === undefined ? this.englishSlug(input.title.en) : input.slugEn,
        tags: this.withEnglishNames(input.tags),
      };
      this.checkReferences(editable, undefined);
      const now = new Date().toISOString();
      const id = this.insertRow(this.statements().insert, columnValues(editable, now), now);
      this.writeTags(id, editable.tags);
      return this.recordCreation(user, id, action);
    });
  }

  update(
    user: Actor,
    input: ArticleUpdateInput,
    action: 'update' | 'restore' = 'update',
  ): ArticleRecord {
    return this.updateRecord(user, input, action, (before) => {
      const changed: Editable = withChanges(before, input);
      const editable: Editable = {
        ...changed,
        // An article that gets its first English title gets its English address with it.
        slugEn:
          input.slugEn === undefined && changed.slugEn === null
            ? this.englishSlug(changed.title.en, before.id)
            : changed.slugEn,
        tags: this.withEnglishNames(changed.tags),
      };
      assertCanEditArticle(user, editable.clusterId);
      this.checkReferences(editable, before.id);
      const now = new Date().toISOString();
      this.writeVersion(this.statements().update, before, columnValues(editable, now), now);
      const sorted = [...editable.tags].sort((a, b) => (a.sv < b.sv ? -1 : a.sv > b.sv ? 1 : 0));
      if (JSON.stringify(sorted) !== JSON.stringify(before.tags))
        this.writeTags(before.id, editable.tags);
    });
  }

  setStatus(user: Actor, id: number, version: number, status: Status): ArticleRecord {
    return this.setStatusOf(user, id, version, status, this.statements().setStatus);
  }

  delete(user: Actor, id: number, version: number): { id: number } {
    return this.deleteRecord(user, id, version, this.statements().delete);
  }

  private toRecord(r: ArticleRow): ArticleRecord {
    return {
      id: r.id,
      slug: r.slug,
      slugEn: r.slugEn,
      title: { sv: r.titleSv, en: r.titleEn },
      summary: { sv: r.summarySv, en: r.summaryEn },
      body: { sv: r.bodySv, en: r.bodyEn },
      coverImage: coverOf(r),
      author: r.author,
      tags: this.statements().tags.all({ id: r.id }),
      clusterId: r.clusterId,
      publishedAt: r.publishedAt,
      status: r.status,
      version: r.version,
      createdAt: r.createdAt,
      updatedAt: r.updatedAt,
    };
  }

  private checkReferences(e: Editable, selfId: number | undefined): void {
    const statements = this.statements();
    this.assertAddressFree('slug', e.slug, selfId);
    if (e.slugEn !== null && e.slugEn !== e.slug)
      this.assertAddressFree('slugEn', e.slugEn, selfId);
    const clusterIds = e.clusterId === null ? [] : [e.clusterId];
    assertExist(statements.clusterExists, 'clusterId', 'cluster', clusterIds);
    this.images.assertExists('coverImage.image', 'coverImage', e.coverImage?.image);
  }

  /** Refuses an address (in either language) another article has in either language. */
  private assertAddressFree(field: 'slug' | 'slugEn', slug: string, selfId: number | undefined) {
    if (this.statements().addressElsewhere.get({ slug, self: selfId ?? -1 })) {
      throw FieldError.coded(field, 'taken.slug', { entity: 'article' }, 'conflict');
    }
  }

  /** The first address made from `title` that no other article has in either language. */
  private freeSlug(title: string, selfId?: number): string {
    const { addressElsewhere } = this.statements();
    return uniqueSlug(title, (slug) => !!addressElsewhere.get({ slug, self: selfId ?? -1 }));
  }

  /** From the English title; none without one (the English page then uses the Swedish slug). */
  private englishSlug(titleEn: string, selfId?: number): string | null {
    return titleEn.trim() ? this.freeSlug(titleEn, selfId) : null;
  }

  /** A tag given without an English name keeps the one it has. */
  private withEnglishNames(tags: readonly ArticleTagInput[]): ArticleTagInput[] {
    const { tagNameEn } = this.statements();
    return tags.map((t) => ({ sv: t.sv, en: t.en || (tagNameEn.get({ tag: t.sv })?.en ?? '') }));
  }

  private writeTags(id: number, tags: readonly ArticleTagInput[]): void {
    const statements = this.statements();
    statements.deleteTags.run({ id });
    for (const tag of tags) {
      statements.upsertTagName.run({ tag: tag.sv, en: tag.en });
      statements.insertTag.run({ id, tag: tag.sv });
    }
  }
}
