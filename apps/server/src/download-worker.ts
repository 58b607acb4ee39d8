/**
 * The download worker thread (worker-jobs.ts starts it): makes download files
 * one job at a time, each on a read-only connection of its own to the
 * database file, so the main thread only streams finished files.
 */
import { parentPort, isMainThread } from 'node:worker_threads';
import { openDatabase } from '@cos/db';
import { produceDownload, type DownloadJob } from './download-produce';
import { WORKER_READY, type JobAnswer } from './worker-jobs';

interface Message {
  id: number;
  job: DownloadJob & { databasePath: string };
}

if (isMainThread || !parentPort) throw new Error('download-worker.ts runs as a worker thread');
const port = parentPort;
let queue = Promise.resolve();

port.on('message', ({ id, job }: Message) => {
  queue = queue.then(async () => {
    let answer: JobAnswer;
    // A connection per job: it reads one consistent snapshot (WAL) and is closed after.
    const reader = openDatabase({ url: job.databasePath, readonly: true });
    try {
      answer = { id, ok: true, value: await produceDownload(reader.sqlite, job) };
    } catch (error) {
      const e = error as { message?: string; code?: string };
      answer = { id, ok: false, error: e.message ?? String(error), code: e.code };
    } finally {
      reader.close();
    }
    port.postMessage(answer);
  });
});

port.postMessage(WORKER_READY);
