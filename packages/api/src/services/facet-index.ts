/**
 * An in-memory index of every member's filterable attributes, for facet
 * counts and totals. Counting with SQL means one GROUP BY per filter over
 * every match — tens to hundreds of milliseconds at 100,000 members, for each
 * new combination of filters. Here each member is a few bytes in typed
 * arrays and all five facets plus the total come from one pass (a few ms).
 * The arrays live in facet-columns.ts: loaded by one scan, then updated in
 * place for the members a write changed (MemberDirectory.index).
 */
import {
  MEMBER_KINDS,
  MUNICIPALITIES,
  MUNICIPALITY_UNKNOWN,
  OUTSIDE_SKANE,
  SIZE_BANDS,
  type Status,
} from '@cos/domain';
import {
  FacetColumns,
  KIND_INDEX,
  MUNICIPALITY_INDEX,
  NONE,
  OUTSIDE,
  SIZE_INDEX,
  STATUS_BIT,
} from './facet-columns';
import type { StatementCache } from './statement-cache';
import type { Taxonomy } from './taxonomy';

/** The bits of the statuses asked for, to test a member's status bit against. */
const statusMaskOf = (statuses: readonly Status[]) =>
  statuses.reduce((mask, s) => mask | STATUS_BIT[s], 0);

/** The bits of the ids asked for (ids the index has no bit for match nothing). */
const maskOf = (ids: readonly number[], bits: Map<number, number>) =>
  ids.reduce((mask, id) => mask | (bits.has(id) ? 1 << (bits.get(id) ?? 0) : 0), 0) >>> 0;

/** Counts kept by position, keyed again by what each position stands for. */
const countsBy = <K>(keys: readonly K[], counts: Uint32Array) =>
  new Map(keys.map((k, i) => [k, counts[i] ?? 0]));

/** Counts by the id of each taxonomy row (area or cluster), in the rows' order. */
const countsById = (rows: readonly { id: number }[], counts: Uint32Array) =>
  countsBy(
    rows.map((r) => r.id),
    counts,
  );

/** The same, with null for the members that have none of the keys (the NONE slot). */
const countsOrNone = (keys: readonly string[], counts: Uint32Array) =>
  new Map<string | null, number>([
    ...keys.map((k, i): [string, number] => [k, counts[i] ?? 0]),
    [null, counts[NONE] ?? 0],
  ]);

const MUNICIPALITY_CODES = MUNICIPALITIES.map((m) => m.code);

/** The slot of a place filter value: a code, 'outside' or 'unknown' (-1: matches nothing). */
const placeSlot = (value: string) =>
  value === OUTSIDE_SKANE
    ? OUTSIDE
    : value === MUNICIPALITY_UNKNOWN
      ? NONE
      : (MUNICIPALITY_INDEX.get(value) ?? -1);

/** Counts by place value: every code, then 'outside' and 'unknown' — two answers, never merged. */
const placeCounts = (counts: Uint32Array) =>
  new Map<string, number>([
    ...MUNICIPALITY_CODES.map((k, i): [string, number] => [k, counts[i] ?? 0]),
    [OUTSIDE_SKANE, counts[OUTSIDE] ?? 0],
    [MUNICIPALITY_UNKNOWN, counts[NONE] ?? 0],
  ]);

export interface FacetCounts {
  total: number;
  /** by area id / cluster id / place value (code, 'outside', 'unknown') / kind / size band */
  area: Map<number, number>;
  cluster: Map<number, number>;
  municipality: Map<string, number>;
  kind: Map<string, number>;
  size: Map<string | null, number>;
}

export interface FacetSelection {
  statuses: readonly Status[];
  demo?: boolean;
  /** Only members in one of these clusters (an editor's view). */
  scopeClusterIds?: readonly number[];
  areaIds: readonly number[];
  clusterIds: readonly number[];
  /** Place values: municipality codes, 'outside' (outside Skåne), 'unknown' (not known). */
  municipalities: readonly string[];
  kinds: readonly string[];
  sizes: readonly string[];
  /** Ids matching the search text, or undefined when there is none. */
  textMatches?: Int32Array;
}

export class FacetIndex {
  /** The attributes, kept up to date in place (see FacetColumns.apply). */
  readonly columns: FacetColumns;

  static fits(taxonomy: Taxonomy): boolean {
    return taxonomy.areas.length <= 32 && taxonomy.clusters.length <= 32;
  }

  constructor(statements: StatementCache, taxonomy: Taxonomy) {
    this.columns = new FacetColumns(statements, taxonomy);
  }

  /** Reloads these members' attributes (changed, new or deleted ones). */
  apply(ids: readonly number[]): void {
    this.columns.apply(ids);
  }

  /** Disjunctive facet counts: each facet counts under every filter but its own. */
  count(selection: FacetSelection, taxonomy: Taxonomy): FacetCounts {
    const col = this.columns;
    const statusMask = statusMaskOf(selection.statuses);
    const scopeMask = selection.scopeClusterIds
      ? maskOf(selection.scopeClusterIds, col.clusterBit)
      : 0;
    const areaMask = maskOf(selection.areaIds, col.areaBit);
    const clusterMask = maskOf(selection.clusterIds, col.clusterBit);
    const munis = new Set(selection.municipalities.map(placeSlot));
    const kinds = new Set(selection.kinds.map((k) => KIND_INDEX.get(k) ?? -1));
    const sizes = new Set(selection.sizes.map((s) => SIZE_INDEX.get(s) ?? -1));
    let text: Uint8Array | undefined;
    if (selection.textMatches) {
      text = new Uint8Array(col.length);
      for (const id of selection.textMatches) {
        const pos = col.position(id);
        if (pos >= 0) text[pos] = 1;
      }
    }

    const areaCounts = new Uint32Array(32);
    const clusterCounts = new Uint32Array(32);
    const muniCounts = new Uint32Array(256);
    const kindCounts = new Uint32Array(256);
    const sizeCounts = new Uint32Array(256);
    let total = 0;
    const filterArea = selection.areaIds.length > 0;
    const filterCluster = selection.clusterIds.length > 0;
    const filterMuni = selection.municipalities.length > 0;
    const filterKind = selection.kinds.length > 0;
    const filterSize = selection.sizes.length > 0;

    for (let i = 0; i < col.length; i++) {
      if (((col.status[i] ?? 0) & statusMask) === 0) continue;
      if (selection.demo !== undefined && (col.demo[i] === 1) !== selection.demo) continue;
      const clusters = col.clusters[i] ?? 0;
      if (selection.scopeClusterIds && (clusters & scopeMask) === 0) continue;
      if (text && text[i] === 0) continue;
      const areas = col.areas[i] ?? 0;
      const muni = col.municipality[i] ?? NONE;
      const kind = col.kind[i] ?? NONE;
      const size = col.size[i] ?? NONE;
      const a = !filterArea || (areas & areaMask) !== 0;
      const c = !filterCluster || (clusters & clusterMask) !== 0;
      const mu = !filterMuni || munis.has(muni);
      const k = !filterKind || kinds.has(kind);
      const s = !filterSize || sizes.has(size);
      if (c && mu && k && s)
        for (let bit = 0; areas >>> bit; bit++)
          if ((areas >>> bit) & 1) areaCounts[bit] = (areaCounts[bit] ?? 0) + 1;
      if (a && mu && k && s)
        for (let bit = 0; clusters >>> bit; bit++)
          if ((clusters >>> bit) & 1) clusterCounts[bit] = (clusterCounts[bit] ?? 0) + 1;
      if (a && c && k && s) muniCounts[muni] = (muniCounts[muni] ?? 0) + 1;
      if (a && c && mu && s) kindCounts[kind] = (kindCounts[kind] ?? 0) + 1;
      if (a && c && mu && k) {
        sizeCounts[size] = (sizeCounts[size] ?? 0) + 1;
        if (s) total++;
      }
    }
    return {
      total,
      area: countsById(taxonomy.areas, areaCounts),
      cluster: countsById(taxonomy.clusters, clusterCounts),
      municipality: placeCounts(muniCounts),
      kind: countsBy(MEMBER_KINDS, kindCounts),
      size: countsOrNone(SIZE_BANDS, sizeCounts),
    };
  }
  /** See summarise(): counts for members with one of `statuses`, clusters limited to `clusterIds`. */
  summary(
    taxonomy: Taxonomy,
    statuses: readonly Status[],
    clusterIds: readonly number[],
  ): IndexSummary {
    const col = this.columns;
    const statusMask = statusMaskOf(statuses);
    const clusterMask = maskOf(clusterIds, col.clusterBit);
    const areaCount = taxonomy.areas.length;
    const clusterCount = taxonomy.clusters.length;
    const byArea = new Uint32Array(32);
    const byCluster = new Uint32Array(32);
    const byMuni = new Uint32Array(256);
    const byKind = new Uint32Array(256);
    const matrix = new Uint32Array(32 * 32);
    const coAreas = new Uint32Array(32 * 32);
    const multi = new Map<number, number>();
    let total = 0;
    for (let i = 0; i < col.length; i++) {
      if (((col.status[i] ?? 0) & statusMask) === 0) continue;
      total++;
      const areas = col.areas[i] ?? 0;
      const clusters = ((col.clusters[i] ?? 0) & clusterMask) >>> 0;
      byMuni[col.municipality[i] ?? NONE] = (byMuni[col.municipality[i] ?? NONE] ?? 0) + 1;
      byKind[col.kind[i] ?? NONE] = (byKind[col.kind[i] ?? NONE] ?? 0) + 1;
      let clustersHere = 0;
      for (let c = 0; c < clusterCount; c++) {
        if (((clusters >>> c) & 1) === 0) continue;
        clustersHere++;
        byCluster[c] = (byCluster[c] ?? 0) + 1;
        for (let a = 0; a < areaCount; a++)
          if ((areas >>> a) & 1) matrix[c * 32 + a] = (matrix[c * 32 + a] ?? 0) + 1;
      }
      if (clustersHere > 1) multi.set(col.ids[i] ?? 0, clustersHere);
      for (let a = 0; a < areaCount; a++) {
        if (((areas >>> a) & 1) === 0) continue;
        byArea[a] = (byArea[a] ?? 0) + 1;
        for (let b = 0; b < areaCount; b++)
          if (b !== a && (areas >>> b) & 1) coAreas[a * 32 + b] = (coAreas[a * 32 + b] ?? 0) + 1;
      }
    }
    const grid = (cells: Uint32Array, rows: { id: number }[], cols: { id: number }[]) =>
      new Map(
        rows.map((r, i) => [r.id, new Map(cols.map((c, j) => [c.id, cells[i * 32 + j] ?? 0]))]),
      );
    return {
      total,
      byArea: countsById(taxonomy.areas, byArea),
      byCluster: countsById(taxonomy.clusters, byCluster),
      byMunicipality: placeCounts(byMuni),
      byKind: countsBy(MEMBER_KINDS, byKind),
      matrix: grid(matrix, taxonomy.clusters, taxonomy.areas),
      coAreas: grid(coAreas, taxonomy.areas, taxonomy.areas),
      multiCluster: multi,
    };
  }
}

export interface IndexSummary {
  total: number;
  byArea: Map<number, number>;
  byCluster: Map<number, number>;
  /** by place value: code, 'outside', 'unknown' */
  byMunicipality: Map<string, number>;
  byKind: Map<string, number>;
  /** cluster id → area id → members in both */
  matrix: Map<number, Map<number, number>>;
  /** area id → other area id → members in both */
  coAreas: Map<number, Map<number, number>>;
  /** Members in more than one of the counted clusters: id → how many. */
  multiCluster: Map<number, number>;
}
