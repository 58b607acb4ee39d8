/**
 * The facet index's storage: each member's filterable attributes in typed
 * arrays sorted by member id (a few bytes a member), loaded by one scan, and
 * kept up to date in place: a member write reloads only the changed members'
 * rows and links (see MemberDirectory.index). A deleted member's slot becomes
 * a tombstone (no status bit, so no count ever includes it) until the next
 * full load; new members (higher ids) are appended.
 * Raw SQL: rows come back as arrays (no per-row objects), which is what makes
 * loading 100,000 members cheap.
 */
import { MEMBER_KINDS, MUNICIPALITIES, SIZE_BANDS, type Status } from '@cos/domain';
import type { StatementCache } from './statement-cache';
import type { Taxonomy } from './taxonomy';

export const NONE = 255;
/** The municipality slot of members known to be outside Skåne (NONE there means "not known"). */
export const OUTSIDE = 254;
export const STATUS_BIT: Record<Status, number> = { draft: 1, published: 2, archived: 4 };
export const MUNICIPALITY_INDEX = new Map<string, number>(
  MUNICIPALITIES.map((m, i) => [m.code, i]),
);
export const KIND_INDEX = new Map<string, number>(MEMBER_KINDS.map((k, i) => [k, i]));
export const SIZE_INDEX = new Map<string, number>(SIZE_BANDS.map((s, i) => [s, i]));

type MemberRow = [number, Status, number, string | null, number, string, string | null];
const MEMBER_COLUMNS = 'id, status, is_demo, municipality_code, outside_skane, kind, size_band';
const ONLY_IDS = 'IN (SELECT value FROM json_each(?))';

/** One member's attributes as the index holds them (tests compare these). */
export interface Slot {
  id: number;
  status: number;
  demo: number;
  municipality: number;
  kind: number;
  size: number;
  areas: number;
  clusters: number;
}

const FIELDS = [
  'status',
  'demo',
  'municipality',
  'kind',
  'size',
  'areas',
  'clusters',
] as const satisfies readonly (keyof Slot)[];

export class FacetColumns {
  ids: Int32Array;
  status: Uint8Array;
  demo: Uint8Array;
  municipality: Uint8Array;
  kind: Uint8Array;
  size: Uint8Array;
  areas: Uint32Array;
  clusters: Uint32Array;
  /** Slots in use (the arrays may be longer: room to append). */
  length = 0;
  /** Tombstones among them (deleted members). */
  dead = 0;
  /** Bit position of each area / cluster id (at most 32 of each). */
  readonly areaBit: Map<number, number>;
  readonly clusterBit: Map<number, number>;

  constructor(
    private readonly statements: StatementCache,
    taxonomy: Taxonomy,
  ) {
    this.areaBit = new Map(taxonomy.areas.map((a, i) => [a.id, i]));
    this.clusterBit = new Map(taxonomy.clusters.map((c, i) => [c.id, i]));
    const rows = statements.rows<MemberRow>(`SELECT ${MEMBER_COLUMNS} FROM members ORDER BY id`);
    const n = rows.length;
    this.ids = new Int32Array(n);
    this.status = new Uint8Array(n);
    this.demo = new Uint8Array(n);
    this.municipality = new Uint8Array(n);
    this.kind = new Uint8Array(n);
    this.size = new Uint8Array(n);
    this.areas = new Uint32Array(n);
    this.clusters = new Uint32Array(n);
    this.length = n;
    rows.forEach((row, i) => {
      this.ids[i] = row[0];
      this.setAttributes(i, row);
    });
    // Links come sorted by member id, so one forward walk finds each member's position.
    const link = (sql: string, target: Uint32Array, bits: Map<number, number>) => {
      let pos = 0;
      for (const [memberId, otherId] of statements.rows<[number, number]>(sql)) {
        while (pos < n && (this.ids[pos] ?? 0) < memberId) pos++;
        const bit = bits.get(otherId);
        if (pos < n && this.ids[pos] === memberId && bit !== undefined)
          target[pos] = (target[pos] ?? 0) | (1 << bit);
      }
    };
    link(
      'SELECT member_id, area_id FROM member_areas ORDER BY member_id',
      this.areas,
      this.areaBit,
    );
    link(
      'SELECT member_id, cluster_id FROM memberships ORDER BY member_id',
      this.clusters,
      this.clusterBit,
    );
  }

  private setAttributes(i: number, row: MemberRow): void {
    const [, status, demo, municipality, outside, kind, size] = row;
    this.status[i] = STATUS_BIT[status] ?? 0;
    this.demo[i] = demo;
    this.municipality[i] =
      municipality === null
        ? outside === 1
          ? OUTSIDE
          : NONE
        : (MUNICIPALITY_INDEX.get(municipality) ?? NONE);
    this.kind[i] = KIND_INDEX.get(kind) ?? NONE;
    this.size[i] = size === null ? NONE : (SIZE_INDEX.get(size) ?? NONE);
  }

  /** Position of a member id, or -1. */
  position(id: number): number {
    let lo = 0;
    let hi = this.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const v = this.ids[mid] ?? 0;
      if (v === id) return mid;
      if (v < id) lo = mid + 1;
      else hi = mid - 1;
    }
    return -1;
  }

  /**
   * Reloads these members (changed, new or deleted) from the database: work
   * in proportion to how many they are, not to the register's size.
   */
  apply(ids: readonly number[]): void {
    if (ids.length === 0) return;
    const list = JSON.stringify(ids);
    const rows = new Map(
      this.statements
        .rows<MemberRow>(`SELECT ${MEMBER_COLUMNS} FROM members WHERE id ${ONLY_IDS}`, [list])
        .map((r) => [r[0], r]),
    );
    const bitsOf = (sql: string, bits: Map<number, number>) => {
      const masks = new Map<number, number>();
      for (const [memberId, otherId] of this.statements.rows<[number, number]>(sql, [list])) {
        const bit = bits.get(otherId);
        if (bit !== undefined) masks.set(memberId, ((masks.get(memberId) ?? 0) | (1 << bit)) >>> 0);
      }
      return masks;
    };
    const areas = bitsOf(
      `SELECT member_id, area_id FROM member_areas WHERE member_id ${ONLY_IDS}`,
      this.areaBit,
    );
    const clusters = bitsOf(
      `SELECT member_id, cluster_id FROM memberships WHERE member_id ${ONLY_IDS}`,
      this.clusterBit,
    );
    for (const id of ids) {
      const row = rows.get(id);
      let pos = this.position(id);
      if (!row) {
        // Deleted: a tombstone (no status bit matches no query) until the next full load.
        if (pos >= 0 && this.status[pos] !== 0) {
          this.clear(pos);
          this.dead++;
        }
        continue;
      }
      if (pos < 0) pos = this.insertSlot(id);
      else if (this.status[pos] === 0) this.dead--;
      this.setAttributes(pos, row);
      this.areas[pos] = areas.get(id) ?? 0;
      this.clusters[pos] = clusters.get(id) ?? 0;
    }
  }

  private clear(pos: number): void {
    for (const field of FIELDS) this[field][pos] = 0;
  }

  /** Makes room for a member id at its sorted place (the end, for a new member); its position. */
  private insertSlot(id: number): number {
    if (this.length === this.ids.length) this.grow(Math.max(16, Math.ceil(this.length * 1.25)));
    let pos = this.length;
    while (pos > 0 && (this.ids[pos - 1] ?? 0) > id) pos--;
    if (pos < this.length) {
      // An id below the highest (rare): shift the tail by one.
      this.ids.copyWithin(pos + 1, pos, this.length);
      for (const field of FIELDS) this[field].copyWithin(pos + 1, pos, this.length);
    }
    this.ids[pos] = id;
    this.clear(pos);
    this.length++;
    return pos;
  }

  private grow(capacity: number): void {
    const more = <A extends Int32Array | Uint8Array | Uint32Array>(
      old: A,
      make: (n: number) => A,
    ) => {
      const next = make(capacity);
      next.set(old);
      return next;
    };
    this.ids = more(this.ids, (n) => new Int32Array(n));
    this.status = more(this.status, (n) => new Uint8Array(n));
    this.demo = more(this.demo, (n) => new Uint8Array(n));
    this.municipality = more(this.municipality, (n) => new Uint8Array(n));
    this.kind = more(this.kind, (n) => new Uint8Array(n));
    this.size = more(this.size, (n) => new Uint8Array(n));
    this.areas = more(this.areas, (n) => new Uint32Array(n));
    this.clusters = more(this.clusters, (n) => new Uint32Array(n));
  }

  /** The live members' slots, in id order (for tests: an updated index equals a fresh one). */
  slots(): Slot[] {
    const out: Slot[] = [];
    for (let i = 0; i < this.length; i++) {
      if (this.status[i] === 0) continue;
      const slot = { id: this.ids[i] ?? 0 } as Slot;
      for (const field of FIELDS) slot[field] = this[field][i] ?? 0;
      out.push(slot);
    }
    return out;
  }
}
