/**
 * The default data: real facts only (see shared/reference/facts.md).
 * Idempotent: a record that already exists (by slug or code) is left exactly
 * as it is, links included, so re-running never undoes an admin's edits.
 */
import { MUNICIPALITIES, swedishSortKey } from '@cos/domain';
import { eq } from 'drizzle-orm';
import type { Db } from '../client';
import {
  areas,
  articles,
  articleTags,
  tags as tagNames,
  clusterAreas,
  clusters,
  clusterSources,
  memberAreas,
  members,
  memberships,
  municipalities,
} from '../schema';
import { AREA_SEEDS } from './areas';
import { CLUSTER_SEEDS } from './clusters';
import { LAUNCH_ARTICLE } from './launch-article';
import { MEMBER_SEEDS } from './members';

export interface SeedReport {
  municipalities: number;
  areas: number;
  clusters: number;
  members: number;
  articles: number;
}

/** Fixed creation time so the default data is the same on every machine. */
const SEEDED_AT = '2021-01-11T08:00:00.000Z';

/**
 * Slugs already present. Records that exist are skipped before the insert:
 * an INSERT … ON CONFLICT DO NOTHING into an AUTOINCREMENT table still
 * advances sqlite_sequence, so relying on it alone made every re-seed burn ids.
 */
function slugsIn(
  tx: Pick<Db, 'select'>,
  table: typeof areas | typeof clusters | typeof members | typeof articles,
) {
  return new Set(
    tx
      .select({ slug: table.slug })
      .from(table)
      .all()
      .map((r) => r.slug),
  );
}

export function seedDefaultData(db: Db): SeedReport {
  return db.transaction((tx) => {
    const report: SeedReport = {
      municipalities: 0,
      areas: 0,
      clusters: 0,
      members: 0,
      articles: 0,
    };

    for (const m of MUNICIPALITIES) {
      const r = tx
        .insert(municipalities)
        .values({ code: m.code, name: m.name })
        .onConflictDoNothing()
        .run();
      report.municipalities += r.changes;
    }

    const areaIds = new Map<string, number>();
    const existingAreas = slugsIn(tx, areas);
    for (const a of AREA_SEEDS) {
      if (existingAreas.has(a.slug)) continue;
      const r = tx
        .insert(areas)
        .values({ ...a, createdAt: SEEDED_AT, updatedAt: SEEDED_AT })
        .onConflictDoNothing()
        .run();
      report.areas += r.changes;
    }
    for (const row of tx.select({ id: areas.id, slug: areas.slug }).from(areas).all()) {
      areaIds.set(row.slug, row.id);
    }
    const areaId = (slug: string) => {
      const id = areaIds.get(slug);
      if (id === undefined) throw new Error(`Seed refers to unknown area "${slug}"`);
      return id;
    };

    const clusterIds = new Map<string, number>();
    const existingClusters = slugsIn(tx, clusters);
    for (const { areaSlugs, sources, ...c } of CLUSTER_SEEDS) {
      if (existingClusters.has(c.slug)) continue;
      const inserted = tx
        .insert(clusters)
        .values({
          ...c,
          sortKey: swedishSortKey(c.name),
          status: 'published',
          createdAt: SEEDED_AT,
          updatedAt: SEEDED_AT,
        })
        .onConflictDoNothing()
        .returning({ id: clusters.id })
        .get();
      if (!inserted) continue;
      report.clusters++;
      for (const slug of areaSlugs) {
        tx.insert(clusterAreas)
          .values({ clusterId: inserted.id, areaId: areaId(slug) })
          .run();
      }
      sources.forEach((source, position) => {
        tx.insert(clusterSources)
          .values({ clusterId: inserted.id, position, ...source })
          .run();
      });
    }
    for (const row of tx.select({ id: clusters.id, slug: clusters.slug }).from(clusters).all()) {
      clusterIds.set(row.slug, row.id);
    }

    const existingMembers = slugsIn(tx, members);
    for (const { areaSlugs, memberships: links, ...m } of MEMBER_SEEDS) {
      if (existingMembers.has(m.slug)) continue;
      const inserted = tx
        .insert(members)
        .values({
          ...m,
          sortKey: swedishSortKey(m.name),
          status: 'published',
          createdAt: SEEDED_AT,
          updatedAt: SEEDED_AT,
        })
        .onConflictDoNothing()
        .returning({ id: members.id })
        .get();
      if (!inserted) continue;
      report.members++;
      for (const slug of areaSlugs) {
        tx.insert(memberAreas)
          .values({ memberId: inserted.id, areaId: areaId(slug) })
          .run();
      }
      for (const link of links) {
        const clusterId = clusterIds.get(link.clusterSlug);
        // A cluster an admin has deleted stays deleted: skip the link rather than fail.
        if (clusterId === undefined) continue;
        tx.insert(memberships)
          .values({
            memberId: inserted.id,
            clusterId,
            kind: link.kind,
            since: link.since,
            note: link.note,
          })
          .run();
      }
    }

    const { tags, ...article } = LAUNCH_ARTICLE;
    const insertedArticle = slugsIn(tx, articles).has(article.slug)
      ? undefined
      : tx
          .insert(articles)
          .values({ ...article, status: 'published', createdAt: SEEDED_AT, updatedAt: SEEDED_AT })
          .onConflictDoNothing()
          .returning({ id: articles.id })
          .get();
    if (insertedArticle) {
      report.articles++;
      for (const tag of tags) {
        tx.insert(tagNames).values({ tag: tag.sv, nameEn: tag.en }).onConflictDoNothing().run();
        tx.insert(articleTags).values({ articleId: insertedArticle.id, tag: tag.sv }).run();
      }
    }
    return report;
  });
}

/** True when the default data is there (used by start-up to decide whether to seed). */
export function hasDefaultData(db: Db): boolean {
  return (
    db
      .select({ code: municipalities.code })
      .from(municipalities)
      .where(eq(municipalities.code, '1280'))
      .get() !== undefined
  );
}

export { AREA_SEEDS, CLUSTER_SEEDS, LAUNCH_ARTICLE, MEMBER_SEEDS };
