/**
 * Caches derived results (facet counts, totals, statistics) until the data
 * changes. The generation combines our own write counter with SQLite's
 * data_version, which moves when another connection (the CLI, an import in
 * another process) commits — so a cached count is never stale.
 */
import type { Sqlite } from '@cos/db';

export class ResultCache {
  private writes = 0;
  private seen = '';
  private readonly entries = new Map<string, unknown>();
  private readonly dataVersion;

  constructor(
    sqlite: Sqlite,
    private readonly maxEntries = 2000,
  ) {
    this.dataVersion = sqlite.prepare('PRAGMA data_version').pluck();
  }

  /** Call after every committed write through this process. */
  invalidate(): void {
    this.writes++;
  }

  private sync(): void {
    const generation = `${this.writes}:${String(this.dataVersion.get())}`;
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
