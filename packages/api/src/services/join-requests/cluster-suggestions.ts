/**
 * "Which cluster fits us?": published clusters ranked by how many of the
 * given areas they work in, then by how many published members they have in
 * the given municipality (a cluster already present nearby is a good start),
 * then by name. Clusters sharing nothing come last but still come: a visitor
 * should always see every way in.
 */
import type { DatabaseHandle } from '@cos/db';

export interface ClusterSuggestion {
  id: number;
  slug: string;
  name: string;
  shortName: string;
  /** The given areas this cluster works in (slugs, in the areas' own order). */
  sharedAreas: string[];
  membersInMunicipality: number;
}

export function suggestClusters(
  handle: Pick<DatabaseHandle, 'sqlite'>,
  areaSlugs: readonly string[],
  municipalityCode: string | null,
): ClusterSuggestion[] {
  const { sqlite } = handle;
  const clusters = sqlite
    .prepare(
      `SELECT id, slug, name, short_name AS shortName FROM clusters WHERE status = 'published' ORDER BY sort_key`,
    )
    .all() as { id: number; slug: string; name: string; shortName: string }[];
  const areasOf = new Map<number, string[]>();
  for (const row of sqlite
    .prepare(
      `SELECT ca.cluster_id AS clusterId, a.slug FROM cluster_areas ca
       JOIN areas a ON a.id = ca.area_id ORDER BY a.sort_order, a.id`,
    )
    .all() as { clusterId: number; slug: string }[]) {
    areasOf.set(row.clusterId, [...(areasOf.get(row.clusterId) ?? []), row.slug]);
  }
  const nearby = new Map<number, number>();
  if (municipalityCode !== null) {
    for (const row of sqlite
      .prepare(
        `SELECT ms.cluster_id AS clusterId, count(*) AS n FROM memberships ms
         JOIN members m ON m.id = ms.member_id
         WHERE m.status = 'published' AND m.municipality_code = ? GROUP BY ms.cluster_id`,
      )
      .all(municipalityCode) as { clusterId: number; n: number }[]) {
      nearby.set(row.clusterId, row.n);
    }
  }
  const wanted = new Set(areaSlugs);
  return clusters
    .map((c) => ({
      ...c,
      sharedAreas: (areasOf.get(c.id) ?? []).filter((slug) => wanted.has(slug)),
      membersInMunicipality: nearby.get(c.id) ?? 0,
    }))
    .sort(
      (a, b) =>
        b.sharedAreas.length - a.sharedAreas.length ||
        b.membersInMunicipality - a.membersInMunicipality,
    );
}
