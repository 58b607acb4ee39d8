/**
 * The directory's pages of rows. Raw SQL: the hot path of the public site,
 * each query shaped to walk one index (keyset pagination), plus FTS5's ranked
 * hits read in fixed-size chunks so one prepared statement serves them all.
 */
import type { MemberSort, RelationKind } from '@cos/domain';
import type { decodeCursor } from './cursor';
import {
  placeholders,
  type DirectoryRow,
  type DirectoryScope,
  type RawRow,
  type Where,
} from './directory-types';
import { directoryWhere, type DirectoryFilters } from './directory-where';
import type { StatementCache } from './statement-cache';
import { municipalityRef, type Taxonomy } from './taxonomy';

/** Ranked hits read per statement while filling a page. */
const RANK_CHUNK = 100;

/** The columns a page reads; the admin's scope adds its own. */
export function directoryColumns(scope: DirectoryScope): string {
  return `m.id, m.slug, m.name, m.kind, m.size_band AS sizeBand, m.municipality_code AS municipalityCode,
    m.outside_skane AS outsideSkane, m.website, m.description_sv AS descriptionSv, m.description_en AS descriptionEn, m.created_at AS createdAt, m.is_demo AS isDemo${
      scope.admin
        ? ', m.status, m.version, m.organisation_number AS organisationNumber, m.updated_at AS updatedAt'
        : ''
    }`;
}

/** A page in name or newest order, walking the sort's index from the cursor (keyset). */
export function sortedPage(
  statements: StatementCache,
  query: { limit: number },
  scope: DirectoryScope,
  where: Where,
  sort: MemberSort,
  cursor: ReturnType<typeof decodeCursor>,
): RawRow[] {
  const columns = directoryColumns(scope);
  const params = [...where.params];
  let sql: string;
  if (sort === 'newest') {
    let keyset = '';
    if (cursor) {
      keyset = 'AND (m.created_at < ? OR (m.created_at = ? AND m.id < ?))';
      params.push(cursor.k, cursor.k, cursor.id);
    }
    sql = `SELECT ${columns}, m.created_at AS cursorKey FROM members m WHERE ${where.sql} ${keyset}
      ORDER BY m.created_at DESC, m.id DESC LIMIT ?`;
  } else {
    let keyset = '';
    if (cursor) {
      keyset = 'AND (m.sort_key > ? OR (m.sort_key = ? AND m.id > ?))';
      params.push(cursor.k, cursor.k, cursor.id);
    }
    sql = `SELECT ${columns}, m.sort_key AS cursorKey FROM members m WHERE ${where.sql} ${keyset}
      ORDER BY m.sort_key, m.id LIMIT ?`;
  }
  params.push(query.limit + 1);
  return statements.all<RawRow>(sql, params);
}

/**
 * Search hits in relevance order. Ranking every match of a common word is
 * the expensive part of search (bm25 over thousands of rows), so the ranked
 * id list is computed once per search text and data generation and cached;
 * a page then reads the next hits that pass the filters, in chunks, in rank
 * order. The cursor is the position in that list.
 */
export function rankedPage(
  statements: StatementCache,
  ranked: Int32Array,
  query: DirectoryFilters & { limit: number },
  scope: DirectoryScope,
  taxonomy: Taxonomy,
  cursor: ReturnType<typeof decodeCursor>,
  /** Matching hits to pass over first (a numbered page). */
  skip = 0,
): RawRow[] {
  let start = 0;
  if (cursor) {
    const k = Number(cursor.k);
    // The list is rebuilt when data changes: find the last row again if it moved.
    start = ranked[k] === cursor.id ? k + 1 : ranked.indexOf(cursor.id) + 1 || k + 1;
  }
  const where = directoryWhere(statements, query, scope, taxonomy, 'q', 'page');
  const sql = `SELECT ${directoryColumns(scope)} FROM members m WHERE m.id IN (${placeholders(RANK_CHUNK)}) AND ${where.sql}`;
  const rows: RawRow[] = [];
  const wanted = skip + query.limit;
  for (let pos = start; pos < ranked.length && rows.length <= wanted; pos += RANK_CHUNK) {
    const chunk = Array.from(ranked.subarray(pos, pos + RANK_CHUNK));
    // A fixed number of placeholders keeps one prepared statement for every chunk.
    const padded = [...chunk, ...Array<number>(RANK_CHUNK - chunk.length).fill(-1)];
    const found = new Map(
      statements.all<RawRow>(sql, [...padded, ...where.params]).map((r) => [r.id, r]),
    );
    for (let i = 0; i < chunk.length && rows.length <= wanted; i++) {
      const row = found.get(chunk[i] ?? -1);
      if (row) rows.push({ ...row, cursorKey: pos + i });
    }
  }
  return skip === 0 ? rows : rows.slice(skip);
}

/** Rows as answered: areas and clusters by name (unpublished clusters only for the admin). */
export function decorate(
  statements: StatementCache,
  rows: RawRow[],
  taxonomy: Taxonomy,
  scope: DirectoryScope,
): DirectoryRow[] {
  if (rows.length === 0) return [];
  const links = memberLinks(
    statements,
    rows.map((r) => r.id),
  );
  return rows.map((r) => {
    const row: DirectoryRow = {
      id: r.id,
      slug: r.slug,
      name: r.name,
      kind: r.kind,
      sizeBand: r.sizeBand,
      municipality: municipalityRef(r.municipalityCode),
      outsideSkane: r.outsideSkane === 1,
      website: r.website,
      description: { sv: r.descriptionSv, en: r.descriptionEn },
      createdAt: r.createdAt,
      // Public too: a generated member carries a badge wherever it is listed.
      isDemo: r.isDemo === 1,
      areas: (links.areas.get(r.id) ?? []).flatMap((id) => {
        const a = taxonomy.areaById.get(id);
        return a ? [{ slug: a.slug, name: a.name }] : [];
      }),
      clusters: (links.clusters.get(r.id) ?? []).flatMap(({ id, relation }) => {
        const c = taxonomy.clusterById.get(id);
        return c && (scope.admin || c.status === 'published')
          ? [{ slug: c.slug, name: c.name, relation }]
          : [];
      }),
    };
    if (scope.admin) {
      row.status = r.status;
      row.version = r.version;
      row.organisationNumber = r.organisationNumber ?? null;
      row.updatedAt = r.updatedAt;
    }
    return row;
  });
}

/** Area and cluster ids for a page of members, in two indexed lookups. */
export function memberLinks(statements: StatementCache, ids: number[]) {
  const inList = placeholders(ids.length);
  const areas = new Map<number, number[]>();
  for (const l of statements.all<{ memberId: number; id: number }>(
    `SELECT member_id AS memberId, area_id AS id FROM member_areas WHERE member_id IN (${inList})`,
    ids,
  )) {
    areas.set(l.memberId, [...(areas.get(l.memberId) ?? []), l.id]);
  }
  const clusters = new Map<number, { id: number; relation: RelationKind }[]>();
  for (const l of statements.all<{ memberId: number; id: number; relation: RelationKind }>(
    `SELECT member_id AS memberId, cluster_id AS id, kind AS relation FROM memberships WHERE member_id IN (${inList})`,
    ids,
  )) {
    clusters.set(l.memberId, [
      ...(clusters.get(l.memberId) ?? []),
      { id: l.id, relation: l.relation },
    ]);
  }
  return { areas, clusters };
}
