/**
 * The directory's WHERE clause. Raw SQL, not the query builder: the filters
 * combine into a few hundred shapes, each written to use its index (see the
 * packages/db schema), and the FTS5 MATCH has no query-builder form.
 */
import {
  MUNICIPALITY_UNKNOWN,
  OUTSIDE_SKANE,
  type MemberDirectoryQuery,
  type MemberFilterKey,
} from '@cos/domain';
import { placeholders, type DirectoryScope, type Where } from './directory-types';
import { organisationNumberQuery } from './directory-text';
import { searchPlanFor } from './search-plan';
import type { StatementCache } from './statement-cache';
import type { Taxonomy } from './taxonomy';

/** What the clause reads of a query: its search text and filters (not its sort or page). */
export type DirectoryFilters = Pick<
  MemberDirectoryQuery,
  'q' | 'area' | 'cluster' | 'municipality' | 'kind' | 'size'
>;

/** WHERE clause for the query, leaving out one filter (for its facet). */
export function directoryWhere(
  statements: StatementCache,
  query: DirectoryFilters,
  scope: DirectoryScope,
  taxonomy: Taxonomy,
  without?: MemberFilterKey | 'q',
  style: 'page' | 'aggregate' = 'aggregate',
): Where {
  // A page walks an index in sort order and stops after a few rows, so it
  // checks links per row (EXISTS on the link's primary key); counts visit
  // every match, where building the id list once (IN) is cheaper.
  const linked = (table: 'member_areas' | 'memberships', column: string, n: number) =>
    style === 'page'
      ? `EXISTS (SELECT 1 FROM ${table} l WHERE l.member_id = m.id AND l.${column} IN (${placeholders(n)}))`
      : `m.id IN (SELECT member_id FROM ${table} WHERE ${column} IN (${placeholders(n)}))`;
  const parts: string[] = [`m.status IN (${placeholders(scope.statuses.length)})`];
  const params: unknown[] = [...scope.statuses];
  if (scope.demo !== undefined) {
    parts.push('m.is_demo = ?');
    params.push(scope.demo ? 1 : 0);
  }
  if (scope.clusterIds) {
    parts.push(linked('memberships', 'cluster_id', scope.clusterIds.length));
    params.push(...scope.clusterIds);
    if (scope.clusterIds.length === 0) parts.push('0');
  }
  if (without !== 'area' && query.area.length > 0) {
    const ids = query.area.map((slug) => taxonomy.areaBySlug.get(slug)?.id ?? -1);
    parts.push(linked('member_areas', 'area_id', ids.length));
    params.push(...ids);
  }
  if (without !== 'cluster' && query.cluster.length > 0) {
    const ids = query.cluster.map((slug) => taxonomy.clusterBySlug.get(slug)?.id ?? -1);
    parts.push(linked('memberships', 'cluster_id', ids.length));
    params.push(...ids);
  }
  if (without !== 'municipality' && query.municipality.length > 0) {
    const place = placeWhere(query.municipality);
    parts.push(place.sql);
    params.push(...place.params);
  }
  if (without !== 'kind' && query.kind.length > 0) {
    parts.push(`m.kind IN (${placeholders(query.kind.length)})`);
    params.push(...query.kind);
  }
  if (without !== 'size' && query.size.length > 0) {
    parts.push(`m.size_band IN (${placeholders(query.size.length)})`);
    params.push(...query.size);
  }
  if (without !== 'q' && query.q !== undefined) {
    const plan = searchPlanFor(statements, query.q);
    const text = plan === null ? '0' : plan.where.sql;
    if (plan !== null) params.push(...plan.where.params);
    // An organisation number in any spelling finds its member too (see directory-text.ts).
    const orgnr = organisationNumberQuery(query.q);
    if (orgnr === null) {
      parts.push(text);
    } else {
      parts.push(`(${text} OR m.organisation_number = ?)`);
      params.push(orgnr);
    }
  }
  return { sql: parts.join(' AND '), params };
}

/**
 * The place filter: codes, 'outside' (known to be outside Skåne) and
 * 'unknown' (no code, not marked outside) — two different answers, so a
 * member with no municipality is never listed as outside Skåne.
 */
export function placeWhere(values: readonly string[], alias = 'm'): Where {
  const codes = values.filter((c) => c !== OUTSIDE_SKANE && c !== MUNICIPALITY_UNKNOWN);
  const alternatives: string[] = [];
  const params: unknown[] = [];
  if (codes.length > 0) {
    alternatives.push(`${alias}.municipality_code IN (${placeholders(codes.length)})`);
    params.push(...codes);
  }
  if (values.includes(OUTSIDE_SKANE)) alternatives.push(`${alias}.outside_skane = 1`);
  if (values.includes(MUNICIPALITY_UNKNOWN))
    alternatives.push(`(${alias}.municipality_code IS NULL AND ${alias}.outside_skane = 0)`);
  return { sql: `(${alternatives.join(' OR ') || '0'})`, params };
}
