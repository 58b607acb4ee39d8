/**
 * The open-data downloads as files, made once per data generation. The first
 * request for a download (a format and its filters) under a generation has
 * the download worker write it (with .br and .gz beside it); every request
 * that arrives meanwhile waits for that same file, and every later one under
 * the same generation is served from it. 16 parallel downloads of the whole
 * register used to be 16 full exports on the one thread that answers
 * everyone: /healthz took 1.8 s and an admin's write 14 s.
 *
 * A file is tagged with the generation read *before* it was made, and the
 * worker reads a snapshot at least that new, so a stored file is never older
 * than the data it is served for. The files live in a folder of their own
 * (beside the database file, or in the system's temporary folder for an
 * in-memory database; one sub-folder per process, made with the first
 * download and removed on close); at most MAX_STORED downloads are
 * kept, the least recently asked for go first. A file replaced by a newer
 * generation is removed a little later, so a response that is just opening it
 * still can (an open file stays readable after it is removed).
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, rmdirSync, rmSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { OpenDataQuery } from '@cos/domain';
import type { DownloadFormat, DownloadJob, ProducedDownload } from './download-produce';

export interface StoredDownload extends ProducedDownload {
  file: string;
  generation: string;
  /** When it was made: the Last-Modified of its answers. */
  madeAt: Date;
}

/** Makes one download file (in the worker, or in-process for an in-memory database). */
export type DownloadMaker = (job: DownloadJob) => Promise<ProducedDownload>;

/** Distinct downloads kept at once (the whole register and its popular filters). */
export const MAX_STORED = 24;
/** How long a replaced file stays on disk for responses that are just opening it. */
const REMOVE_AFTER_MS = 60_000;

/** The folder for download files: beside the database file, or a temporary one. */
export function downloadDirectory(databasePath: string): string {
  const base =
    databasePath === ':memory:'
      ? path.join(os.tmpdir(), 'cos-downloads')
      : `${databasePath}.downloads`;
  // One folder per process: with WORKERS=N each process keeps (and empties) its own.
  return path.join(base, String(process.pid));
}

/** The same filters, however the query string ordered or repeated them. */
export function canonicalQuery(query: OpenDataQuery): string {
  const entries = Object.entries(query)
    .filter(([, value]) => value !== undefined)
    .map(([key, value]): [string, unknown] => [
      key,
      Array.isArray(value) ? [...(value as unknown[])].map(String).sort() : value,
    ])
    .sort(([a], [b]) => a.localeCompare(b));
  return JSON.stringify(entries);
}

export class DownloadStore {
  private readonly stored = new Map<string, StoredDownload>();
  private readonly making = new Map<string, Promise<StoredDownload>>();
  private serial = 0;
  private folderReady = false;

  constructor(
    private readonly folder: string,
    /** The data generation downloads depend on (members, clusters, areas). */
    private readonly generation: () => string,
    private readonly make: DownloadMaker,
  ) {}

  /** The file for this download under the current generation, made now if need be. */
  get(format: DownloadFormat, query: OpenDataQuery): Promise<StoredDownload> {
    const key = `${format} ${canonicalQuery(query)}`;
    const generation = this.generation();
    const have = this.stored.get(key);
    if (have?.generation === generation) {
      // Most recently used last: Map keeps insertion order, eviction takes the first.
      this.stored.delete(key);
      this.stored.set(key, have);
      return Promise.resolve(have);
    }
    const job = `${key} @${generation}`;
    let making = this.making.get(job);
    if (!making) {
      making = this.produce(key, generation, format, query).finally(() => {
        this.making.delete(job);
      });
      this.making.set(job, making);
    }
    return making;
  }

  /** Stored downloads right now (tests). */
  get size(): number {
    return this.stored.size;
  }

  /** Removes this process's files, and the shared folder when no other process uses it. */
  close(): void {
    rmSync(this.folder, { recursive: true, force: true });
    try {
      rmdirSync(path.dirname(this.folder));
    } catch {
      // Another process's files are still there (or it never existed).
    }
  }

  /** Made with the first download; left-overs of processes that died are removed then. */
  private ensureFolder(): void {
    if (this.folderReady) return;
    const parent = path.dirname(this.folder);
    mkdirSync(parent, { recursive: true });
    for (const name of readdirSync(parent)) {
      if (/^\d+$/.test(name) && !isAlive(Number(name)))
        rmSync(path.join(parent, name), { recursive: true, force: true });
    }
    rmSync(this.folder, { recursive: true, force: true });
    mkdirSync(this.folder, { recursive: true });
    this.folderReady = true;
  }

  private async produce(
    key: string,
    generation: string,
    format: DownloadFormat,
    query: OpenDataQuery,
  ): Promise<StoredDownload> {
    this.ensureFolder();
    const name = createHash('sha256').update(key).digest('hex').slice(0, 16);
    this.serial += 1;
    const file = path.join(this.folder, `${name}-${this.serial}.${format}`);
    let produced: ProducedDownload;
    try {
      produced = await this.make({ format, query, file });
    } catch (error) {
      removeSoon(file, 0);
      throw error;
    }
    const download: StoredDownload = { ...produced, file, generation, madeAt: new Date() };
    // The worker runs jobs in order, so this one is for the newest generation asked for so far.
    const previous = this.stored.get(key);
    if (previous) removeSoon(previous.file);
    this.stored.delete(key);
    this.stored.set(key, download);
    for (const [oldKey, old] of this.stored) {
      if (this.stored.size <= MAX_STORED) break;
      this.stored.delete(oldKey);
      removeSoon(old.file);
    }
    return download;
  }
}

function removeSoon(file: string, delay = REMOVE_AFTER_MS): void {
  const remove = () => {
    for (const f of [file, `${file}.br`, `${file}.gz`])
      rm(f, { force: true }).catch(() => undefined);
  };
  if (delay === 0) return remove();
  setTimeout(remove, delay).unref();
}

/** Whether a process with this id runs (a folder named after a dead one is left over). */
function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as { code?: string }).code === 'EPERM';
  }
}
