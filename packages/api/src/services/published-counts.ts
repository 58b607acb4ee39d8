/**
 * Counts of the published register, for the public pages and statistics.
 * Raw SQL where the index cannot answer: grouped counts over the link tables
 * and a json_each id list, which the query builder would only wrap in sql``.
 */
import type { MemberDirectory } from './directory';
import type { IndexSummary } from './facet-index';
import type { ResultCache } from './result-cache';
import type { StatementCache } from './statement-cache';
import { loadTaxonomy } from './taxonomy';

/**
 * The index's summary, whichever way it was counted, with the multi-cluster
 * members as the pages show them (how many, and the top 50) instead of the
 * index's per-member map.
 */
export type PublishedCountsResult = Omit<IndexSummary, 'multiCluster'> & {
  multiCount: number;
  multiTop: { slug: string; name: string; n: number }[];
};

export class PublishedCounts {
  constructor(
    private readonly statements: StatementCache,
    private readonly cache: ResultCache,
    private readonly directory: MemberDirectory,
  ) {}

  /**
   * Published counts by area, cluster, municipality and kind, the cluster ×
   * area matrix and multi-cluster members: from the in-memory index in one
   * pass, or with SQL when the taxonomy is too large for the index.
   */
  get(): PublishedCountsResult {
    return this.cache.get(['members', 'clusters', 'areas'], 'public:counts', () => {
      const taxonomy = loadTaxonomy(this.statements, this.cache);
      const publishedClusters = taxonomy.clusters
        .filter((c) => c.status === 'published')
        .map((c) => c.id);
      const index = this.directory.index(taxonomy);
      if (index) {
        const s = index.summary(taxonomy, ['published'], publishedClusters);
        // The 50 members in most clusters, by name within each count.
        const byCount = [...s.multiCluster.entries()].sort((a, b) => b[1] - a[1]);
        const threshold = byCount[Math.min(49, byCount.length - 1)]?.[1] ?? 2;
        const above = byCount.filter(([, n]) => n > threshold);
        const tied = byCount.filter(([, n]) => n === threshold).map(([id]) => id);
        const named = (sql: string, ids: number[], limit: number) =>
          this.statements
            .all<{ id: number; slug: string; name: string }>(sql, [JSON.stringify(ids), limit])
            .map((r) => ({ slug: r.slug, name: r.name, n: s.multiCluster.get(r.id) ?? 0 }));
        const top = [
          ...named(
            `SELECT id, slug, name FROM members WHERE id IN (SELECT value FROM json_each(?)) ORDER BY sort_key LIMIT ?`,
            above.map(([id]) => id),
            50,
          ).sort((a, b) => b.n - a.n),
          // Often thousands tie at the threshold: walk the published members in name order
          // and stop at the first that tie, instead of reading every tied member's row.
          ...named(
            `SELECT id, slug, name FROM members INDEXED BY members_status_sort_idx
             WHERE status = 'published' AND id IN (SELECT value FROM json_each(?)) ORDER BY sort_key LIMIT ?`,
            tied,
            Math.max(0, 50 - above.length),
          ),
        ];
        return { ...s, multiCount: s.multiCluster.size, multiTop: top };
      }
      return this.sqlCounts();
    });
  }

  /**
   * The same counts with SQL (grouped joins over the link tables' indexes),
   * when the taxonomy is too large for the index.
   */
  private sqlCounts(): PublishedCountsResult {
    const grouped = <K>(sql: string) =>
      new Map(this.statements.all<{ k: K; n: number }>(sql).map((r) => [r.k, r.n]));
    const matrix = new Map<number, Map<number, number>>();
    for (const r of this.statements.all<{ c: number; a: number; n: number }>(
      `SELECT ms.cluster_id AS c, ma.area_id AS a, count(*) AS n FROM memberships ms
       JOIN member_areas ma ON ma.member_id = ms.member_id
       JOIN members m ON m.id = ms.member_id AND m.status = 'published'
       GROUP BY ms.cluster_id, ma.area_id`,
    )) {
      matrix.set(r.c, (matrix.get(r.c) ?? new Map<number, number>()).set(r.a, r.n));
    }
    const coAreas = new Map<number, Map<number, number>>();
    for (const r of this.statements.all<{ a: number; b: number; n: number }>(
      `SELECT mine.area_id AS a, other.area_id AS b, count(*) AS n FROM member_areas mine
       JOIN member_areas other ON other.member_id = mine.member_id AND other.area_id <> mine.area_id
       JOIN members m ON m.id = mine.member_id AND m.status = 'published' GROUP BY mine.area_id, other.area_id`,
    )) {
      coAreas.set(r.a, (coAreas.get(r.a) ?? new Map<number, number>()).set(r.b, r.n));
    }
    const multiSql = `SELECT m.slug, m.name, m.sort_key, count(*) AS n FROM memberships ms
       JOIN members m ON m.id = ms.member_id AND m.status = 'published'
       JOIN clusters c ON c.id = ms.cluster_id AND c.status = 'published'
       GROUP BY ms.member_id HAVING count(*) > 1`;
    return {
      total:
        this.statements.one<{ n: number }>(
          "SELECT count(*) AS n FROM members WHERE status = 'published'",
        )?.n ?? 0,
      byArea: grouped<number>(
        "SELECT ma.area_id AS k, count(*) AS n FROM member_areas ma JOIN members m ON m.id = ma.member_id AND m.status = 'published' GROUP BY ma.area_id",
      ),
      byCluster: grouped<number>(
        "SELECT ms.cluster_id AS k, count(*) AS n FROM memberships ms JOIN members m ON m.id = ms.member_id AND m.status = 'published' GROUP BY ms.cluster_id",
      ),
      // Keyed like the index: the code, or 'outside' / 'unknown' (never merged).
      byMunicipality: grouped<string>(
        "SELECT coalesce(municipality_code, CASE WHEN outside_skane = 1 THEN 'outside' ELSE 'unknown' END) AS k, count(*) AS n FROM members WHERE status = 'published' GROUP BY k",
      ),
      byKind: grouped<string>(
        "SELECT kind AS k, count(*) AS n FROM members WHERE status = 'published' GROUP BY kind",
      ),
      matrix,
      coAreas,
      multiCount:
        this.statements.one<{ n: number }>(`SELECT count(*) AS n FROM (${multiSql})`)?.n ?? 0,
      multiTop: this.statements.all<{ slug: string; name: string; n: number }>(
        `${multiSql} ORDER BY n DESC, m.sort_key LIMIT 50`,
      ),
    };
  }
}
