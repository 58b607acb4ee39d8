/**
 * The member directory: free text, filters, sort, keyset pagination and facet
 * counts. Raw prepared SQL (not the query builder) because this is the hot
 * path; every filter and sort is backed by an index (see packages/db schema).
 *
 * Facets are "disjunctive": the counts for one filter are computed with every
 * other filter applied but not its own, so a visitor sees how many they would
 * get by ticking another value. Counts and totals are cached until a member,
 * area or cluster changes; only the page of rows is computed per request.
 * The facet index and the search rankings behind them are updated in place
 * for the members a write changed (member_changes), not rebuilt.
 */
import {
  defaultSortOrder,
  STATUSES,
  type AdminMemberListQuery,
  type AdminMemberSort,
  type MemberDirectoryQuery,
  type MemberSort,
} from '@cos/domain';
import { MemberChangeLog } from '@cos/db';
import type { Actor } from '../actor';
import { recordReads } from '../read-scopes';
import { decodeCursor, encodeCursor } from './cursor';
import { formatFacets, sqlFacetCounts } from './directory-facets';
import { isKeysetSort, offsetPage } from './directory-order';
import { decorate, memberLinks, rankedPage, sortedPage } from './directory-pages';
import { previousRanked, previousSorted, type PreviousPage } from './directory-previous';
import { Rankings } from './directory-rankings';
import { organisationNumberQuery } from './directory-text';
import type {
  DirectoryResult,
  DirectoryRow,
  DirectoryScope,
  ListQuery,
  ListResult,
  RawRow,
  Where,
} from './directory-types';
import { directoryWhere, type DirectoryFilters } from './directory-where';
import { FacetIndex, type FacetCounts } from './facet-index';
import { correctQuery, FEW_HITS } from './search-correction';
import { searchPlanFor, type SearchPlan } from './search-plan';
import { directoryScope } from './permissions';
import type { ResultCache } from './result-cache';
import type { StatementCache } from './statement-cache';
import { loadTaxonomy, type Taxonomy } from './taxonomy';

export type { DirectoryResult, DirectoryRow, DirectoryScope, FacetValue } from './directory-types';

/** What a directory list reads. */
const READS = ['members', 'areas', 'clusters'] as const;

/** The facet index and what it is up to date with. */
interface LiveIndex {
  index: FacetIndex;
  /** The taxonomy it was built under (a new object when areas or clusters change). */
  taxonomy: Taxonomy;
  /** The member change log's seq and the members version it has applied. */
  seq: number;
  members: number;
}

/** Past this share of the index changed (or deleted) at once, a full scan is cheaper. */
const REBUILD_SHARE = 0.05;

export class MemberDirectory {
  private readonly log: MemberChangeLog;
  /** Ranked id lists of the 64 most recent searches, kept up to date in place. */
  private readonly rankings: Rankings;
  private live: LiveIndex | undefined;

  constructor(
    private readonly statements: StatementCache,
    private readonly cache: ResultCache,
  ) {
    this.log = new MemberChangeLog(statements.sqlite);
    this.rankings = new Rankings(statements, cache, this.log);
  }

  query(query: MemberDirectoryQuery, scope: DirectoryScope): DirectoryResult {
    // The public directory's own sorts give its own sorts back.
    const found = this.list(query, scope) as Omit<DirectoryResult, 'correction'>;
    if (query.q === undefined || found.total >= FEW_HITS) return { ...found, correction: null };
    const corrected = this.correction(query.q, scope);
    if (corrected === null) return { ...found, correction: null };
    if (found.total > 0) return { ...found, correction: { q: corrected, applied: false } };
    // Nothing found: the corrected search at once (on any page, so its cursors lead on in it).
    const instead = this.list({ ...query, q: corrected }, scope) as Omit<
      DirectoryResult,
      'correction'
    >;
    // A correction that finds nothing either is no help.
    if (instead.total === 0) return { ...found, correction: null };
    return { ...instead, correction: { q: corrected, applied: true } };
  }

  /** A spelling of the text that the scope's members hold, or null (search-correction.ts). */
  correction(q: string, scope: DirectoryScope): string | null {
    const everyone = { q: undefined, area: [], cluster: [], municipality: [], kind: [], size: [] };
    const taxonomy = loadTaxonomy(this.statements, this.cache);
    return correctQuery(
      this.statements,
      directoryWhere(this.statements, everyone, scope, taxonomy),
      q,
    );
  }

  /** A page of a list: the directory's query, or the admin's with its sorts and numbered pages. */
  private list(query: ListQuery, scope: DirectoryScope): ListResult {
    const taxonomy = loadTaxonomy(this.statements, this.cache);
    const fts = searchPlanFor(this.statements, query.q);
    const sort: AdminMemberSort =
      query.sort === 'relevance' && !fts ? 'name' : (query.sort ?? (fts ? 'relevance' : 'name'));
    const order = query.order ?? defaultSortOrder(sort);
    const keyset = isKeysetSort(sort, order, query.page);
    const scopeKey = JSON.stringify(scope);
    const filterKey = JSON.stringify([
      query.q,
      query.area,
      query.cluster,
      query.municipality,
      query.kind,
      query.size,
    ]);

    const { total, facets } = this.cache.get(READS, `counts:${scopeKey}:${filterKey}`, () => {
      const counts = this.facetCounts(query, scope, taxonomy, fts);
      return { total: counts.total, facets: formatFacets(counts, scope, taxonomy) };
    });

    let rows: RawRow[];
    let next: (last: RawRow) => string;
    let offset = 0;
    let previous: PreviousPage = null;
    if (keyset) {
      const cursor = decodeCursor(query.cursor, sort);
      // isKeysetSort: only the directory's own sorts read with a keyset.
      const keysetSort = sort as MemberSort;
      rows =
        sort === 'relevance' && fts
          ? rankedPage(
              this.statements,
              this.textIds(fts, query.q, taxonomy),
              query,
              scope,
              taxonomy,
              cursor,
            )
          : sortedPage(
              this.statements,
              query,
              scope,
              directoryWhere(this.statements, query, scope, taxonomy, undefined, 'page'),
              keysetSort,
              cursor,
            );
      next = (last) => encodeCursor({ s: sort, k: last.cursorKey, id: last.id });
      // The way back, only on pages after the first (see directory-previous.ts).
      const first = rows[0];
      if (cursor && first) {
        previous =
          sort === 'relevance' && fts
            ? previousRanked(
                this.statements,
                this.textIds(fts, query.q, taxonomy),
                query,
                scope,
                taxonomy,
                first,
              )
            : previousSorted(
                this.statements,
                query,
                scope,
                taxonomy,
                keysetSort === 'newest' ? 'newest' : 'name',
                first,
              );
      } else if (cursor) previous = { cursor: null };
    } else {
      // Numbered pages: the cursor, when one is sent instead, carries the offset.
      const key = `${sort}.${order}.offset`;
      const cursor = query.page === undefined ? decodeCursor(query.cursor, key) : null;
      offset =
        query.page !== undefined
          ? (query.page - 1) * query.limit
          : Math.max(0, Math.trunc(Number(cursor?.k ?? 0)));
      rows =
        sort === 'relevance' && fts
          ? rankedPage(
              this.statements,
              this.textIds(fts, query.q, taxonomy),
              query,
              scope,
              taxonomy,
              null,
              offset,
            )
          : offsetPage(
              this.statements,
              scope,
              directoryWhere(this.statements, query, scope, taxonomy, undefined, 'page'),
              sort === 'relevance' ? 'name' : sort,
              order,
              query.limit,
              offset,
            );
      next = (last) => encodeCursor({ s: key, k: offset + query.limit, id: last.id });
    }
    const hasMore = rows.length > query.limit;
    const pageRows = hasMore ? rows.slice(0, query.limit) : rows;
    const last = pageRows[pageRows.length - 1];
    return {
      items: decorate(this.statements, pageRows, taxonomy, scope),
      total,
      nextCursor: hasMore && last ? next(last) : null,
      previous,
      sort,
      order,
      page: keyset ? null : Math.floor(offset / query.limit) + 1,
      pages: Math.max(1, Math.ceil(total / query.limit)),
      facets,
    };
  }

  /**
   * The admin's member list: every status unless some are asked for, only the
   * members the actor may see, with the admin columns on every row.
   */
  adminList(actor: Actor, input: AdminMemberListQuery) {
    return this.list(input, {
      statuses: input.status.length > 0 ? input.status : STATUSES,
      ...directoryScope(actor),
      demo: input.demo,
      admin: true,
    }) as ListResult & { items: Required<DirectoryRow>[] };
  }

  /** Area and cluster ids for a page of members, in two indexed lookups. */
  links(ids: number[]) {
    return memberLinks(this.statements, ids);
  }

  /**
   * The in-memory attribute index, or null when the taxonomy is too large for
   * its bitmasks. After a member write it reloads only the members logged
   * since (member_changes); it is built afresh by a full scan when the
   * taxonomy changed (its bits are area and cluster positions), the log was
   * pruned past it or a bulk write happened, or more than REBUILD_SHARE of
   * it changed or is deleted. Inside a write transaction it is not touched.
   */
  index(taxonomy: Taxonomy): FacetIndex | null {
    if (!FacetIndex.fits(taxonomy)) return null;
    recordReads(READS);
    const members = this.cache.versions().members;
    const inTransaction = this.statements.sqlite.inTransaction;
    const live = this.live;
    if (live && live.taxonomy === taxonomy) {
      if (live.members === members) return live.index;
      const size = live.index.columns.length;
      const limit = Math.max(64, Math.ceil(size * REBUILD_SHARE));
      const changes = inTransaction ? null : this.log.since(live.seq, limit);
      if (changes && changes.ids !== 'reset' && live.index.columns.dead <= limit) {
        live.index.apply(changes.ids);
        live.seq = changes.seq;
        live.members = members;
        return live.index;
      }
    }
    const seq = this.log.lastSeq(); // before the scan: a change committed meanwhile is applied later
    const index = new FacetIndex(this.statements, taxonomy);
    if (!inTransaction) this.live = { index, taxonomy, seq, members };
    return index;
  }

  /** Total and facet counts from the in-memory index (kept up to date in place). */
  private facetCounts(
    query: DirectoryFilters,
    scope: DirectoryScope,
    taxonomy: Taxonomy,
    fts: SearchPlan | null,
  ): FacetCounts {
    const index = this.index(taxonomy);
    if (!index) return sqlFacetCounts(this.statements, query, scope, taxonomy);
    return index.count(
      {
        statuses: scope.statuses,
        demo: scope.demo,
        scopeClusterIds: scope.clusterIds,
        areaIds: query.area.map((slug) => taxonomy.areaBySlug.get(slug)?.id ?? -1),
        clusterIds: query.cluster.map((slug) => taxonomy.clusterBySlug.get(slug)?.id ?? -1),
        municipalities: query.municipality,
        kinds: query.kind,
        sizes: query.size,
        textMatches:
          query.q === undefined
            ? undefined
            : fts === null
              ? new Int32Array(0)
              : this.textIds(fts, query.q, taxonomy),
      },
      taxonomy,
    );
  }

  /**
   * Every id matching the search text, best first: the member whose
   * organisation number the text is (in any spelling), then the text's
   * full-text hits (a ranking kept up to date in place, directory-rankings.ts).
   */
  private textIds(fts: SearchPlan, q: string | undefined, taxonomy: Taxonomy): Int32Array {
    const orgnr = organisationNumberQuery(q);
    if (orgnr === null) return this.rankings.ids(fts, taxonomy);
    return this.rankings.withFirst(fts, taxonomy, `orgnr:${orgnr}`, () =>
      this.statements
        .all<{ id: number }>('SELECT id FROM members WHERE organisation_number = ?', [orgnr])
        .map((r) => r.id),
    );
  }

  /**
   * The SQL that counts a query's matches, as the fallback runs it. The
   * benchmark's raw baseline runs this where the API answers from its index.
   */
  totalSql(query: MemberDirectoryQuery, scope: DirectoryScope): Where {
    const where = directoryWhere(
      this.statements,
      query,
      scope,
      loadTaxonomy(this.statements, this.cache),
    );
    return { sql: `SELECT count(*) AS n FROM members m WHERE ${where.sql}`, params: where.params };
  }
}
