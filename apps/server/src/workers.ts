/**
 * The WORKERS setting: how many processes serve the one port. Unset or 1 is
 * the single process of old (no node:cluster at all, nothing changes);
 * N > 1 forks N workers from a primary that migrates first; `auto` is the
 * machine's available parallelism (cgroup/affinity aware, as os reports it).
 */
import os from 'node:os';

/** Beyond this a machine is better served by more machines (see README). */
export const MAX_WORKERS = 64;

export function parseWorkers(
  value: string | undefined,
  parallelism: number = os.availableParallelism(),
): number {
  const text = value?.trim() ?? '';
  if (text === '') return 1;
  if (text.toLowerCase() === 'auto') return Math.max(1, Math.min(parallelism, MAX_WORKERS));
  if (!/^\d+$/.test(text))
    throw new Error(
      `WORKERS must be a whole number from 1 to ${MAX_WORKERS} or "auto", got "${value}"`,
    );
  const count = Number(text);
  if (count < 1 || count > MAX_WORKERS)
    throw new Error(`WORKERS must be from 1 to ${MAX_WORKERS} (or "auto"), got ${count}`);
  return count;
}

/**
 * Several processes can only share a database that lives in a file: an
 * in-memory database, and the secret generated for it, would be private to
 * each worker (separate data, sessions valid in one worker only).
 */
export function checkWorkersFitDatabase(workers: number, databasePath: string): void {
  if (workers > 1 && databasePath === ':memory:')
    throw new Error(
      `WORKERS=${workers} needs a database file: DATABASE_URL=:memory: would give each worker its own empty database`,
    );
}

/** A diagnostic switch: WORKER_HEADER=1 tells which worker answered, in `x-cos-worker`. */
export function parseWorkerHeader(value: string | undefined): boolean {
  const text = value?.trim().toLowerCase() ?? '';
  if (text === '' || text === '0' || text === 'false') return false;
  if (text === '1' || text === 'true') return true;
  throw new Error(`WORKER_HEADER must be 1 or 0, got "${value}"`);
}
