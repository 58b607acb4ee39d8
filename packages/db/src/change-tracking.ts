/**
 * Scoped change tracking: what moved since a cached thing was computed.
 * Migration 0005 keeps one counter per scope in `data_scopes`, bumped by
 * triggers on every table of that scope inside the writer's transaction, and
 * logs changed member ids in `member_changes`. So a commit by any connection
 * (the CLI, an import, another worker process) is seen exactly like our own.
 *
 * Reading is cheap: one statement gives SQLite's data_version (moves when
 * another connection commits) and total_changes() (moves when this
 * connection writes, triggers included); only when either moved is the small
 * counter table read again. Both are read at most once per event-loop turn.
 */
import type { Sqlite } from './client';

/**
 * The scopes a read can depend on. A new entity (join requests, calls,
 * events …) adds its name here and, in its migration, a `data_scopes` row and
 * triggers on its tables — so a public submission into a table no public page
 * reads invalidates nothing public.
 */
export const DATA_SCOPES = [
  'members',
  'clusters',
  'areas',
  'municipalities',
  'articles',
  'images',
  'users',
  'audit',
  /** Whether demo members exist (0013): what every page's banner reads, apart from members. */
  'demo',
] as const;
export type DataScope = (typeof DATA_SCOPES)[number];

/** Which tables belong to which scope (the triggers of migration 0005 say the same). */
export const SCOPE_TABLES: Record<DataScope, readonly string[]> = {
  members: ['members', 'member_areas', 'memberships'],
  clusters: ['clusters', 'cluster_areas', 'cluster_contacts', 'cluster_sources'],
  areas: ['areas'],
  municipalities: ['municipalities'],
  articles: ['articles', 'article_tags', 'tags'],
  images: ['images'],
  users: ['users', 'accounts'],
  audit: ['audit_log'],
  demo: ['demo_presence'],
};

/** The counter of each scope at one moment. */
export type ScopeVersions = Readonly<Record<DataScope, number>>;

/**
 * Bumped by every DataVersions.wrote() in this thread: a write committed
 * through another connection of this process (a second handle, as the CLI
 * commands and tests open) also ends every memo at once.
 */
let localWrites = 0;

/** Reads the scope counters, memoised per event-loop turn and re-read only when something moved. */
export class DataVersions {
  private readonly probe;
  private readonly counters;
  private lastProbe = '';
  private versions: ScopeVersions = Object.fromEntries(DATA_SCOPES.map((s) => [s, 0])) as Record<
    DataScope,
    number
  >;
  private memo = false;
  /** localWrites when the memo was taken. */
  private memoWrites = -1;
  private readonly forget = () => {
    this.memo = false;
  };

  constructor(private readonly sqlite: Sqlite) {
    this.probe = sqlite
      .prepare('SELECT (SELECT data_version FROM pragma_data_version) AS d, total_changes() AS t')
      .raw(true);
    this.counters = sqlite.prepare('SELECT name, version FROM data_scopes').raw(true);
  }

  private readCounters(): ScopeVersions {
    const versions = Object.fromEntries(DATA_SCOPES.map((s) => [s, 0])) as Record<
      DataScope,
      number
    >;
    for (const [name, version] of this.counters.all() as [string, number][]) {
      if (name in versions) versions[name as DataScope] = version;
    }
    return versions;
  }

  /**
   * The counters now. Inside a transaction of this connection the last
   * committed values are kept (what it wrote may still roll back).
   */
  current(): ScopeVersions {
    if ((this.memo && this.memoWrites === localWrites) || this.sqlite.inTransaction)
      return this.versions;
    const [d, t] = this.probe.get() as [number, number];
    const probe = `${d}:${t}`;
    if (probe !== this.lastProbe) {
      this.lastProbe = probe;
      this.versions = this.readCounters();
    }
    this.memo = true;
    this.memoWrites = localWrites;
    // Remembered for the rest of this event-loop turn, not just one microtask:
    // a request asks 3–5 times (response cache, services, store) and under load
    // many requests share a turn. A commit by another process meanwhile is seen
    // at the next turn, as if it landed a moment later; committed writes
    // through any connection of this process call wrote(), which forgets at once.
    setImmediate(this.forget);
    return this.versions;
  }

  /** Forget the memo (of every DataVersions in this thread): call after a committed write. */
  wrote(): void {
    this.memo = false;
    localWrites++;
  }
}

/** Member ids changed since a seq, or 'reset' when the log cannot say (pruned, or a bulk write). */
export interface MemberChanges {
  /** The newest seq seen: pass it as afterSeq next time. */
  seq: number;
  ids: number[] | 'reset';
}

/** Reads the member change log (`member_changes`) with prepared statements. */
export class MemberChangeLog {
  private readonly last;
  private readonly oldest;
  private readonly changed;

  constructor(sqlite: Sqlite) {
    this.last = sqlite
      .prepare("SELECT seq FROM sqlite_sequence WHERE name = 'member_changes'")
      .pluck();
    this.oldest = sqlite.prepare('SELECT min(seq) FROM member_changes').pluck();
    this.changed = sqlite
      .prepare('SELECT member_id FROM member_changes WHERE seq > ? AND seq <= ? LIMIT ?')
      .pluck();
  }

  /** The newest seq logged (0 when none was): read it before a full scan, then apply changes after it. */
  lastSeq(): number {
    return (this.last.get() as number | undefined) ?? 0;
  }

  /**
   * The members changed after `afterSeq`, each once; more than `limit` log
   * rows is 'reset' (rebuilding is then cheaper than applying them one by one).
   */
  since(afterSeq: number, limit: number): MemberChanges {
    const seq = this.lastSeq();
    if (seq === afterSeq) return { seq, ids: [] };
    const oldest = this.oldest.get() as number | null;
    // Pruned past what the reader has seen (or the log restarted): the log cannot say.
    if (seq < afterSeq || oldest === null || oldest > afterSeq + 1) return { seq, ids: 'reset' };
    const rows = this.changed.all(afterSeq, seq, limit + 1) as (number | null)[];
    if (rows.length > limit || rows.includes(null)) return { seq, ids: 'reset' };
    return { seq, ids: [...new Set(rows as number[])] };
  }
}
