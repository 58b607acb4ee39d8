/**
 * Facet counts with SQL, the fallback when the taxonomy outgrows the facet
 * index's bitmasks (facet-index.ts), and the facet lists as answered. Raw SQL:
 * the grouped counts reuse the directory's hand-indexed WHERE clause.
 */
import {
  MEMBER_KIND_LABELS as KIND_LABEL,
  SIZE_BAND_LABELS as SIZE_LABEL,
  MEMBER_KINDS,
  MUNICIPALITIES,
  NON_MUNICIPALITY_PLACES,
  SIZE_BANDS,
  type MemberFilterKey,
} from '@cos/domain';
import type { DirectoryResult, DirectoryScope, Where } from './directory-types';
import { directoryWhere, type DirectoryFilters } from './directory-where';
import type { FacetCounts } from './facet-index';
import type { StatementCache } from './statement-cache';
import type { Taxonomy } from './taxonomy';

/** How many members match a WHERE clause. */
export function countMatches(statements: StatementCache, where: Where): number {
  return (
    statements.one<{ n: number }>(
      `SELECT count(*) AS n FROM members m WHERE ${where.sql}`,
      where.params,
    )?.n ?? 0
  );
}

/** Facet counts and the total with SQL: the fallback when the taxonomy outgrows the index. */
export function sqlFacetCounts(
  statements: StatementCache,
  query: DirectoryFilters,
  scope: DirectoryScope,
  taxonomy: Taxonomy,
): FacetCounts {
  /** Counts per value of one filter, under every other filter (built once per facet). */
  const counts = (key: MemberFilterKey, sql: (whereSql: string) => string) => {
    const where = directoryWhere(statements, query, scope, taxonomy, key);
    return new Map<never, number>(
      statements.all<{ v: never; n: number }>(sql(where.sql), where.params).map((r) => [r.v, r.n]),
    );
  };
  const areaCounts = counts(
    'area',
    (where) =>
      `SELECT ma.area_id AS v, count(*) AS n FROM member_areas ma JOIN members m ON m.id = ma.member_id WHERE ${where} GROUP BY ma.area_id`,
  );
  const clusterCounts = counts(
    'cluster',
    (where) =>
      `SELECT ms.cluster_id AS v, count(*) AS n FROM memberships ms JOIN members m ON m.id = ms.member_id WHERE ${where} GROUP BY ms.cluster_id`,
  );
  const municipalityCounts = counts(
    'municipality',
    (where) =>
      // One value per answer: the code, or 'outside' / 'unknown' (never merged; see placeKey).
      `SELECT coalesce(m.municipality_code, CASE WHEN m.outside_skane = 1 THEN 'outside' ELSE 'unknown' END) AS v,
         count(*) AS n FROM members m WHERE ${where} GROUP BY v`,
  );
  const kindCounts = counts(
    'kind',
    (where) => `SELECT m.kind AS v, count(*) AS n FROM members m WHERE ${where} GROUP BY m.kind`,
  );
  const sizeCounts = counts(
    'size',
    (where) =>
      `SELECT m.size_band AS v, count(*) AS n FROM members m WHERE ${where} GROUP BY m.size_band`,
  );
  return {
    total: countMatches(statements, directoryWhere(statements, query, scope, taxonomy)),
    area: areaCounts,
    cluster: clusterCounts,
    municipality: municipalityCounts,
    kind: kindCounts,
    size: sizeCounts,
  };
}

/** The counts as the facet lists answer them: every value, labelled, in display order. */
export function formatFacets(
  counts: FacetCounts,
  scope: DirectoryScope,
  taxonomy: Taxonomy,
): DirectoryResult['facets'] {
  const {
    area: areaCounts,
    cluster: clusterCounts,
    municipality: municipalityCounts,
    kind: kindCounts,
    size: sizeCounts,
  } = counts;
  return {
    area: taxonomy.areas.map((a) => ({
      value: a.slug,
      label: a.name,
      count: areaCounts.get(a.id) ?? 0,
    })),
    cluster: taxonomy.clusters
      .filter((c) => scope.admin || c.status === 'published')
      .map((c) => ({
        value: c.slug,
        label: { sv: c.name, en: c.name },
        count: clusterCounts.get(c.id) ?? 0,
      })),
    municipality: [
      ...MUNICIPALITIES.map((m) => ({
        value: m.code,
        label: { sv: m.name, en: m.name },
        count: municipalityCounts.get(m.code) ?? 0,
      })),
      ...NON_MUNICIPALITY_PLACES.map((p) => ({
        value: p.value,
        label: { sv: p.label.sv, en: p.label.en },
        count: municipalityCounts.get(p.value) ?? 0,
      })),
    ],
    kind: MEMBER_KINDS.map((k) => ({
      value: k,
      label: KIND_LABEL[k],
      count: kindCounts.get(k) ?? 0,
    })),
    size: SIZE_BANDS.map((s) => ({
      value: s,
      label: SIZE_LABEL[s],
      count: sizeCounts.get(s) ?? 0,
    })),
  };
}
