/**
 * Caches derived results (facet counts, totals, ranked search hits,
 * statistics) until the data changes. The generation combines our own write
 * counter with SQLite's data_version, which moves when another connection
 * (the CLI, an import in another process) commits — so a cached result is
 * never stale. Caches made with `sibling()` share the generation but keep
 * their own size limit (large entries, few of them).
 */
import type { Sqlite } from '@cos/db';

class Generation {
  private writes = 0;
  private readonly dataVersion;
  /**
   * The value read in the current synchronous run. A request asks several
   * times (taxonomy, related members, the response cache); reading SQLite
   * once per run is enough: a commit by another process during the run is
   * seen by the next one, as if it had landed a moment later. Our own writes
   * move the generation at once (wrote()).
   */
  private memo: string | undefined;
  private readonly forget = () => {
    this.memo = undefined;
  };

  constructor(sqlite: Sqlite) {
    this.dataVersion = sqlite.prepare('PRAGMA data_version').pluck();
  }

  current(): string {
    if (this.memo === undefined) {
      this.memo = `${this.writes}:${String(this.dataVersion.get())}`;
      queueMicrotask(this.forget);
    }
    return this.memo;
  }

  wrote(): void {
    this.writes++;
    this.memo = undefined;
  }
}

export class ResultCache {
  private seen = '';
  private readonly entries = new Map<string, unknown>();
  private readonly generation: Generation;

  constructor(
    source: Sqlite | ResultCache,
    private readonly maxEntries = 2000,
  ) {
    this.generation = source instanceof ResultCache ? source.generation : new Generation(source);
  }

  /** Another cache that is emptied together with this one. */
  sibling(maxEntries: number): ResultCache {
    return new ResultCache(this, maxEntries);
  }

  /**
   * The data generation now: it changes after every write through this
   * process and every commit by another connection. Whatever was computed
   * under one generation may be served while it is still the current one.
   */
  version(): string {
    return this.generation.current();
  }

  /** Call after every committed write through this process. */
  invalidate(): void {
    this.generation.wrote();
  }

  private sync(): void {
    const generation = this.generation.current();
    if (generation !== this.seen) {
      this.entries.clear();
      this.seen = generation;
    }
  }

  get<T>(key: string, compute: () => T): T {
    this.sync();
    if (this.entries.has(key)) return this.entries.get(key) as T;
    const value = compute();
    if (this.entries.size >= this.maxEntries) {
      // Drop the oldest entry (Map keeps insertion order).
      const oldest = this.entries.keys().next().value;
      if (oldest !== undefined) this.entries.delete(oldest);
    }
    this.entries.set(key, value);
    return value;
  }
}
