/**
 * The member directory: free text, filters, sort, keyset pagination and facet
 * counts. Raw prepared SQL (not the query builder) because this is the hot
 * path; every filter and sort is backed by an index (see packages/db schema).
 *
 * Facets are "disjunctive": the counts for one filter are computed with every
 * other filter applied but not its own, so a visitor sees how many they would
 * get by ticking another value. Counts and totals are cached per data
 * generation; only the page of rows is computed per request.
 */
import {
  MEMBER_KIND_LABELS as KIND_LABEL,
  SIZE_BAND_LABELS as SIZE_LABEL,
  MEMBER_KINDS,
  MUNICIPALITIES,
  OUTSIDE_SKANE,
  SIZE_BANDS,
  type MemberDirectoryQuery,
  type MemberFilterKey,
  type MemberSort,
  type Status,
} from '@cos/domain';
import { decodeCursor, encodeCursor } from './cursor';
import { toFtsQuery } from './fts-query';
import type { ResultCache } from './result-cache';
import type { StatementCache } from './statement-cache';
import { FacetIndex, type FacetCounts } from './facet-index';
import { loadTaxonomy, municipalityRef, type Taxonomy } from './taxonomy';

export interface DirectoryScope {
  statuses: readonly Status[];
  /** Only members in one of these clusters (an editor's view). */
  clusterIds?: readonly number[];
  /** true = only demo records, false = no demo records, undefined = both. */
  demo?: boolean;
  /** Include admin columns (status, version, demo flag, organisation number). */
  admin?: boolean;
}

interface Where {
  sql: string;
  params: unknown[];
}

export interface DirectoryRow {
  id: number;
  slug: string;
  name: string;
  kind: string;
  sizeBand: string | null;
  municipality: { code: string; name: string } | null;
  website: string | null;
  description: { sv: string; en: string };
  createdAt: string;
  areas: { slug: string; name: { sv: string; en: string } }[];
  clusters: { slug: string; name: string }[];
  // admin scope only
  status?: string;
  version?: number;
  isDemo?: boolean;
  organisationNumber?: string | null;
  updatedAt?: string;
}

export interface FacetValue {
  value: string;
  label: { sv: string; en: string };
  count: number;
}

export interface DirectoryResult {
  items: DirectoryRow[];
  total: number;
  nextCursor: string | null;
  sort: MemberSort;
  facets: Record<MemberFilterKey, FacetValue[]>;
}

/** Ranked hits read per statement while filling a page. */
const RANK_CHUNK = 100;

const placeholders = (n: number) => Array.from({ length: n }, () => '?').join(',');

export class MemberDirectory {
  /** Ranked id lists: large entries, so only the 64 most recent searches are kept. */
  private readonly ranked: ResultCache;

  constructor(
    private readonly statements: StatementCache,
    private readonly cache: ResultCache,
  ) {
    this.ranked = cache.sibling(64);
  }

  /** WHERE clause for the query, leaving out one filter (for its facet). */
  private where(
    query: MemberDirectoryQuery,
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
      const codes = query.municipality.filter((c) => c !== OUTSIDE_SKANE);
      const alternatives: string[] = [];
      if (codes.length > 0) {
        alternatives.push(`m.municipality_code IN (${placeholders(codes.length)})`);
        params.push(...codes);
      }
      if (query.municipality.includes(OUTSIDE_SKANE))
        alternatives.push('m.municipality_code IS NULL');
      parts.push(`(${alternatives.join(' OR ')})`);
    }
    if (without !== 'kind' && query.kind.length > 0) {
      parts.push(`m.kind IN (${placeholders(query.kind.length)})`);
      params.push(...query.kind);
    }
    if (without !== 'size' && query.size.length > 0) {
      parts.push(`m.size_band IN (${placeholders(query.size.length)})`);
      params.push(...query.size);
    }
    const fts = toFtsQuery(query.q);
    if (without !== 'q' && query.q !== undefined) {
      if (fts === null) {
        parts.push('0');
      } else {
        parts.push('m.id IN (SELECT rowid FROM member_search WHERE member_search MATCH ?)');
        params.push(fts);
      }
    }
    return { sql: parts.join(' AND '), params };
  }

  query(query: MemberDirectoryQuery, scope: DirectoryScope): DirectoryResult {
    const taxonomy = loadTaxonomy(this.statements, this.cache);
    const fts = toFtsQuery(query.q);
    const sort: MemberSort =
      query.sort === 'relevance' && !fts ? 'name' : (query.sort ?? (fts ? 'relevance' : 'name'));
    const cursor = decodeCursor(query.cursor, sort);
    const scopeKey = JSON.stringify(scope);
    const filterKey = JSON.stringify([
      query.q,
      query.area,
      query.cluster,
      query.municipality,
      query.kind,
      query.size,
    ]);

    const { total, facets } = this.cache.get(`counts:${scopeKey}:${filterKey}`, () => {
      const counts = this.facetCounts(query, scope, taxonomy, fts);
      return { total: counts.total, facets: this.formatFacets(counts, scope, taxonomy) };
    });

    const rows =
      sort === 'relevance' && fts
        ? this.rankedPage(query, scope, taxonomy, cursor, fts)
        : this.page(
            query,
            scope,
            this.where(query, scope, taxonomy, undefined, 'page'),
            sort,
            cursor,
          );
    const hasMore = rows.length > query.limit;
    const pageRows = hasMore ? rows.slice(0, query.limit) : rows;
    const last = pageRows[pageRows.length - 1];
    const nextCursor =
      hasMore && last ? encodeCursor({ s: sort, k: last.cursorKey, id: last.id }) : null;
    return { items: this.decorate(pageRows, taxonomy, scope), total, nextCursor, sort, facets };
  }

  /** The in-memory attribute index, or null when the taxonomy is too large for its bitmasks. */
  index(taxonomy: Taxonomy): FacetIndex | null {
    return FacetIndex.fits(taxonomy)
      ? this.cache.get('facet-index', () => new FacetIndex(this.statements, taxonomy))
      : null;
  }

  /** Total and facet counts from the in-memory index (rebuilt once per data generation). */
  private facetCounts(
    query: MemberDirectoryQuery,
    scope: DirectoryScope,
    taxonomy: Taxonomy,
    fts: string | null,
  ): FacetCounts {
    const index = this.index(taxonomy);
    if (!index) return this.sqlFacetCounts(query, scope, taxonomy);
    return index.count(
      {
        statuses: scope.statuses,
        demo: scope.demo,
        scopeClusterIds: scope.clusterIds,
        areaIds: query.area.map((slug) => taxonomy.areaBySlug.get(slug)?.id ?? -1),
        clusterIds: query.cluster.map((slug) => taxonomy.clusterBySlug.get(slug)?.id ?? -1),
        municipalities: query.municipality.map((c) => (c === OUTSIDE_SKANE ? null : c)),
        kinds: query.kind,
        sizes: query.size,
        textMatches:
          query.q === undefined
            ? undefined
            : fts === null
              ? new Int32Array(0)
              : this.rankedIds(fts),
      },
      taxonomy,
    );
  }

  /** Every id matching the search text, best first; computed once per text and data generation. */
  private rankedIds(fts: string): Int32Array {
    return this.ranked.get(fts, () =>
      Int32Array.from(
        this.statements
          // Name hits weigh most, then area and cluster names, then descriptions.
          .all<{ id: number }>(
            'SELECT rowid AS id FROM member_search WHERE member_search MATCH ? ORDER BY bm25(member_search, 10.0, 1.0, 3.0, 3.0), rowid',
            [fts],
          )
          .map((r) => r.id),
      ),
    );
  }

  /**
   * The SQL that counts a query's matches, as the fallback runs it. The
   * benchmark's raw baseline runs this where the API answers from its index.
   */
  totalSql(query: MemberDirectoryQuery, scope: DirectoryScope): Where {
    const where = this.where(query, scope, loadTaxonomy(this.statements, this.cache));
    return { sql: `SELECT count(*) AS n FROM members m WHERE ${where.sql}`, params: where.params };
  }

  private count(where: Where): number {
    return (
      this.statements.one<{ n: number }>(
        `SELECT count(*) AS n FROM members m WHERE ${where.sql}`,
        where.params,
      )?.n ?? 0
    );
  }

  private columns(scope: DirectoryScope): string {
    return `m.id, m.slug, m.name, m.kind, m.size_band AS sizeBand, m.municipality_code AS municipalityCode,
      m.website, m.description_sv AS descriptionSv, m.description_en AS descriptionEn, m.created_at AS createdAt${
        scope.admin
          ? ', m.status, m.version, m.is_demo AS isDemo, m.organisation_number AS organisationNumber, m.updated_at AS updatedAt'
          : ''
      }`;
  }

  private page(
    query: MemberDirectoryQuery,
    scope: DirectoryScope,
    where: Where,
    sort: MemberSort,
    cursor: ReturnType<typeof decodeCursor>,
  ): RawRow[] {
    const columns = this.columns(scope);
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
    return this.statements.all<RawRow>(sql, params);
  }

  /**
   * Search hits in relevance order. Ranking every match of a common word is
   * the expensive part of search (bm25 over thousands of rows), so the ranked
   * id list is computed once per search text and data generation and cached;
   * a page then reads the next hits that pass the filters, in chunks, in rank
   * order. The cursor is the position in that list.
   */
  private rankedPage(
    query: MemberDirectoryQuery,
    scope: DirectoryScope,
    taxonomy: Taxonomy,
    cursor: ReturnType<typeof decodeCursor>,
    fts: string,
  ): RawRow[] {
    const ranked = this.rankedIds(fts);
    let start = 0;
    if (cursor) {
      const k = Number(cursor.k);
      // The list is rebuilt when data changes: find the last row again if it moved.
      start = ranked[k] === cursor.id ? k + 1 : ranked.indexOf(cursor.id) + 1 || k + 1;
    }
    const where = this.where(query, scope, taxonomy, 'q', 'page');
    const sql = `SELECT ${this.columns(scope)} FROM members m WHERE m.id IN (${placeholders(RANK_CHUNK)}) AND ${where.sql}`;
    const rows: RawRow[] = [];
    for (let pos = start; pos < ranked.length && rows.length <= query.limit; pos += RANK_CHUNK) {
      const chunk = Array.from(ranked.subarray(pos, pos + RANK_CHUNK));
      // A fixed number of placeholders keeps one prepared statement for every chunk.
      const padded = [...chunk, ...Array<number>(RANK_CHUNK - chunk.length).fill(-1)];
      const found = new Map(
        this.statements.all<RawRow>(sql, [...padded, ...where.params]).map((r) => [r.id, r]),
      );
      for (let i = 0; i < chunk.length && rows.length <= query.limit; i++) {
        const row = found.get(chunk[i] ?? -1);
        if (row) rows.push({ ...row, cursorKey: pos + i });
      }
    }
    return rows;
  }

  private decorate(rows: RawRow[], taxonomy: Taxonomy, scope: DirectoryScope): DirectoryRow[] {
    if (rows.length === 0) return [];
    const ids = rows.map((r) => r.id);
    const links = this.links(ids);
    return rows.map((r) => {
      const row: DirectoryRow = {
        id: r.id,
        slug: r.slug,
        name: r.name,
        kind: r.kind,
        sizeBand: r.sizeBand,
        municipality: municipalityRef(r.municipalityCode),
        website: r.website,
        description: { sv: r.descriptionSv, en: r.descriptionEn },
        createdAt: r.createdAt,
        areas: (links.areas.get(r.id) ?? []).flatMap((id) => {
          const a = taxonomy.areaById.get(id);
          return a ? [{ slug: a.slug, name: a.name }] : [];
        }),
        clusters: (links.clusters.get(r.id) ?? []).flatMap((id) => {
          const c = taxonomy.clusterById.get(id);
          return c && (scope.admin || c.status === 'published')
            ? [{ slug: c.slug, name: c.name }]
            : [];
        }),
      };
      if (scope.admin) {
        row.status = r.status;
        row.version = r.version;
        row.isDemo = r.isDemo === 1;
        row.organisationNumber = r.organisationNumber ?? null;
        row.updatedAt = r.updatedAt;
      }
      return row;
    });
  }

  /** Area and cluster ids for a page of members, in two indexed lookups. */
  links(ids: number[]) {
    const inList = placeholders(ids.length);
    const areas = new Map<number, number[]>();
    for (const l of this.statements.all<{ memberId: number; id: number }>(
      `SELECT member_id AS memberId, area_id AS id FROM member_areas WHERE member_id IN (${inList})`,
      ids,
    )) {
      areas.set(l.memberId, [...(areas.get(l.memberId) ?? []), l.id]);
    }
    const clusters = new Map<number, number[]>();
    for (const l of this.statements.all<{ memberId: number; id: number }>(
      `SELECT member_id AS memberId, cluster_id AS id FROM memberships WHERE member_id IN (${inList})`,
      ids,
    )) {
      clusters.set(l.memberId, [...(clusters.get(l.memberId) ?? []), l.id]);
    }
    return { areas, clusters };
  }

  /** Facet counts and the total with SQL: the fallback when the taxonomy outgrows the index. */
  private sqlFacetCounts(
    query: MemberDirectoryQuery,
    scope: DirectoryScope,
    taxonomy: Taxonomy,
  ): FacetCounts {
    /** Counts per value of one filter, under every other filter (built once per facet). */
    const counts = (key: MemberFilterKey, sql: (whereSql: string) => string) => {
      const where = this.where(query, scope, taxonomy, key);
      return new Map<never, number>(
        this.statements
          .all<{ v: never; n: number }>(sql(where.sql), where.params)
          .map((r) => [r.v, r.n]),
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
        `SELECT m.municipality_code AS v, count(*) AS n FROM members m WHERE ${where} GROUP BY m.municipality_code`,
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
      total: this.count(this.where(query, scope, taxonomy)),
      area: areaCounts,
      cluster: clusterCounts,
      municipality: municipalityCounts,
      kind: kindCounts,
      size: sizeCounts,
    };
  }

  private formatFacets(
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
        {
          value: OUTSIDE_SKANE,
          label: { sv: 'Utanför Skåne', en: 'Outside Skåne' },
          count: municipalityCounts.get(null) ?? 0,
        },
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
}

interface RawRow {
  id: number;
  slug: string;
  name: string;
  kind: string;
  sizeBand: string | null;
  municipalityCode: string | null;
  website: string | null;
  descriptionSv: string;
  descriptionEn: string;
  createdAt: string;
  cursorKey: string | number;
  status?: string;
  version?: number;
  isDemo?: number;
  organisationNumber?: string | null;
  updatedAt?: string;
}
