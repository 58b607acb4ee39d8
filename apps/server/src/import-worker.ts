/**
 * The import worker thread (worker-jobs.ts starts it): reads, checks and —
 * for an apply — writes a large import on a connection of its own, one job at
 * a time, so the main thread keeps answering (/healthz, visitors, admins)
 * while 200,000 rows are parsed, validated and planned. All or nothing still
 * holds: the apply is the same procedure, in one transaction on this
 * connection. The main thread sees the commit through SQLite's data_version,
 * as it sees the CLI's.
 */
import { isMainThread, parentPort } from 'node:worker_threads';
import { createCaller, createContextInner, type Actor } from '@cos/api';
import { openDatabase } from '@cos/db';
import { runImport, type ImportRequest } from './import-run';
import { WORKER_READY, type JobAnswer } from './worker-jobs';

export interface ImportJob extends ImportRequest {
  databasePath: string;
  user: Actor;
  crossSite: boolean;
  publicOrigin: string;
  /**
   * The server connection's max_page_count: a cap on the database's size set
   * there (by an operator, or by the full-disk test) holds for the worker's
   * connection too.
   */
  maxPageCount: number;
}

if (isMainThread || !parentPort) throw new Error('import-worker.ts runs as a worker thread');
const port = parentPort;
let queue = Promise.resolve();

port.on('message', ({ id, job }: { id: number; job: ImportJob }) => {
  queue = queue.then(async () => {
    let answer: JobAnswer;
    const handle = openDatabase({ url: job.databasePath });
    try {
      handle.sqlite.pragma(`max_page_count = ${Math.floor(job.maxPageCount)}`);
      const caller = createCaller(
        createContextInner({
          handle,
          user: job.user,
          crossSite: job.crossSite,
          publicOrigin: job.publicOrigin,
        }),
      );
      answer = { id, ok: true, value: await runImport(caller, job) };
    } catch (error) {
      const e = error as { message?: string; code?: string };
      answer = { id, ok: false, error: e.message ?? String(error), code: e.code };
    } finally {
      handle.close();
    }
    port.postMessage(answer);
  });
});

port.postMessage(WORKER_READY);
