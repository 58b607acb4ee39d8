/**
 * The job worker thread, from the TypeScript sources as the tests run it:
 * start() resolves once the worker takes jobs, and the first download after
 * it is answered without the worker's load time.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openDatabase, runMigrations } from '@cos/db';
import { seedDefaultData } from '@cos/db/seed';
import { openDataQuery } from '@cos/domain';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { DownloadJob, ProducedDownload } from './download-produce';
import { WorkerJobs } from './worker-jobs';

let dir: string;
let databasePath: string;
const jobs = new WorkerJobs<DownloadJob & { databasePath: string }, ProducedDownload>(
  'download-worker',
);

beforeAll(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'cos-worker-jobs-'));
  databasePath = path.join(dir, 'test.db');
  const handle = openDatabase({ url: databasePath });
  runMigrations(handle.db);
  seedDefaultData(handle.db);
  handle.close();
});

afterAll(async () => {
  await jobs.close();
  rmSync(dir, { recursive: true, force: true });
});

it('starts the worker ahead of its first job, which then runs in it', async () => {
  await jobs.start();
  // Started once: a second start is the same worker, already taking jobs.
  await jobs.start();
  const produced = await jobs.run({
    format: 'csv',
    query: openDataQuery.parse({}),
    file: path.join(dir, 'members.csv'),
    databasePath,
  });
  // The default data's published members, with the CSV's header row.
  expect(produced.bytes).toBeGreaterThan(100);
  expect(produced.sha256).toMatch(/^[0-9a-f]{64}$/);
});

it('fails a start whose worker cannot load, and starts again for the next call', async () => {
  const missing = new WorkerJobs<unknown, unknown>('no-such-worker');
  await expect(missing.start()).rejects.toThrow();
  await expect(missing.start()).rejects.toThrow();
  await missing.close();
});
