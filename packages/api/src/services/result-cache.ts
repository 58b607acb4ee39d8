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
  writes = 0;
  private readonly dataVersion;
  constructor(sqlite: Sqlite) {
    this.dataVersion = sqlite.prepare('PRAGMA data_version').pluck();
  }
  current(): string {
    return `${this.writes}:${String(this.dataVersion.get())}`;
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

  /** Call after every committed write through this process. */
  invalidate(): void {
    this.generation.writes++;
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
