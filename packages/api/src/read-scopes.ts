/**
 * What a request read, for the server's stored answers: each stored answer
 * stays valid while the versions of the scopes it read are unchanged, so an
 * article write leaves the member pages stored. The host opens a ReadLog per
 * request (withReadLog) and everything computed under it adds to it: every
 * ResultCache read, and every tRPC query through its procedure's declared
 * `meta.reads`. A query that declares nothing counts as having read every
 * scope — an answer nobody described is invalidated by any write (safe).
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import { DATA_SCOPES, type DataScope } from '@cos/db';

export type { DataScope } from '@cos/db';

export class ReadLog {
  private readonly scopes = new Set<DataScope>();
  private everything = false;

  add(scopes: readonly DataScope[]): void {
    if (this.everything) return;
    for (const scope of scopes) this.scopes.add(scope);
  }

  /** A read no one described: depend on everything. */
  addAll(): void {
    this.everything = true;
  }

  /** What was read; every scope when something undescribed was read, or nothing was recorded. */
  read(): readonly DataScope[] {
    return this.everything || this.scopes.size === 0 ? DATA_SCOPES : [...this.scopes];
  }
}

const current = new AsyncLocalStorage<ReadLog>();

/** Runs fn (and everything it starts, across awaits) with reads recorded into `log`. */
export function withReadLog<T>(log: ReadLog, fn: () => T): T {
  return current.run(log, fn);
}

/** Records that the work in progress read these scopes (a no-op outside a ReadLog). */
export function recordReads(scopes: readonly DataScope[]): void {
  current.getStore()?.add(scopes);
}

/** Records a read that cannot be described: the work in progress depends on every scope. */
export function recordUndescribedRead(): void {
  current.getStore()?.addAll();
}
