/**
 * Caches derived results (facet counts, totals, ranked search hits,
 * statistics) until what they read changes. Each entry names the data scopes
 * it read (members, clusters, areas, articles …; see @cos/db change-tracking)
 * and remembers their versions when it was computed; it is valid while those
 * versions are unchanged. The versions come from counters that triggers bump
 * inside every writer's transaction, so a commit by another connection (the
 * CLI, an import in another process, another worker) is seen like our own —
 * and an article write leaves the member directory's counts alone.
 * Caches made with `sibling()` share the versions but keep their own size
 * limit (large entries, few of them).
 */
import {
  DATA_SCOPES,
  DataVersions,
  type DataScope,
  type ScopeVersions,
  type Sqlite,
} from '@cos/db';
import { recordReads } from '../read-scopes';

interface Entry {
  value: unknown;
  scopes: readonly DataScope[];
  stamp: number[];
}

export class ResultCache {
  private readonly entries = new Map<string, Entry>();
  private readonly tracker: { versions: DataVersions; sqlite: Sqlite };

  constructor(
    source: Sqlite | ResultCache,
    private readonly maxEntries = 2000,
  ) {
    this.tracker =
      source instanceof ResultCache
        ? source.tracker
        : { versions: new DataVersions(source), sqlite: source };
  }

  /** Another cache with the same versions and its own size limit. */
  sibling(maxEntries: number): ResultCache {
    return new ResultCache(this, maxEntries);
  }

  /** The version of every scope now (one cheap probe per synchronous run). */
  versions(): ScopeVersions {
    return this.tracker.versions.current();
  }

  /**
   * The versions of `scopes` (every scope by default) as one string: it
   * changes after any write to one of them, through this process or another.
   * Whatever was computed from those scopes under one string may be served
   * while it is still the current one.
   */
  version(scopes: readonly DataScope[] = DATA_SCOPES): string {
    const versions = this.versions();
    return scopes.map((s) => `${s}:${versions[s]}`).join(',');
  }

  /** Call after every committed write through this process (the next read probes again). */
  invalidate(): void {
    this.tracker.versions.wrote();
  }

  /**
   * The cached result of `compute` for `key`, computed again when one of
   * `scopes` — everything compute reads — changed since. Inside a write
   * transaction a result is computed but not kept: what it saw may roll back.
   */
  get<T>(scopes: readonly DataScope[], key: string, compute: () => T): T {
    recordReads(scopes);
    const versions = this.versions();
    const entry = this.entries.get(key);
    if (entry && entry.scopes.every((s, i) => versions[s] === entry.stamp[i]))
      return entry.value as T;
    const value = compute();
    if (this.tracker.sqlite.inTransaction) return value;
    if (entry) this.entries.delete(key);
    else if (this.entries.size >= this.maxEntries) {
      // Drop the oldest entry (Map keeps insertion order).
      const oldest = this.entries.keys().next().value;
      if (oldest !== undefined) this.entries.delete(oldest);
    }
    this.entries.set(key, { value, scopes, stamp: scopes.map((s) => versions[s]) });
    return value;
  }
}
