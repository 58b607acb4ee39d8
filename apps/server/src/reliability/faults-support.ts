/**
 * Shared helpers of the fault tests (faults-*.test.ts): a scratch directory
 * per file, the server's scripts run as real processes, seeded database
 * files, and polling.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openDatabase, runMigrations } from '@cos/db';
import { generateDemoData } from '@cos/db/demo';
import { seedDefaultData } from '@cos/db/seed';
import { afterAll, beforeAll } from 'vitest';

export const SERVER_DIR = path.resolve(import.meta.dirname, '../..');
/** Rows of the import that gets killed: 20,000 in CI; `pnpm bench` runs it larger (FAULT_IMPORT_ROWS). */
export const IMPORT_ROWS = Number(process.env.FAULT_IMPORT_ROWS ?? 20_000);
export const SCALE = Math.max(1, IMPORT_ROWS / 20_000);
export const PREFIX = 'Krasch';

/** A temporary directory for the file's tests, removed after them; read `.dir` inside tests. */
export function useScratchDir(): { dir: string } {
  const scratch = { dir: '' };
  beforeAll(() => {
    scratch.dir = mkdtempSync(path.join(os.tmpdir(), 'cos-faults-'));
  });
  afterAll(() => {
    rmSync(scratch.dir, { recursive: true, force: true });
  });
  return scratch;
}

export interface Run {
  child: ChildProcess;
  stderr: () => string;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/** `node --import tsx src/<script> …args` in apps/server, on the given database. */
export function run(script: string, args: string[], env: Record<string, string>): Run {
  const child = spawn(
    process.execPath,
    ['--conditions=source', '--import', 'tsx', `src/${script}`, ...args],
    {
      cwd: SERVER_DIR,
      env: { ...process.env, LOG_LEVEL: 'warn', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let stderr = '';
  child.stderr?.setEncoding('utf8');
  child.stderr?.on('data', (chunk: string) => (stderr += chunk));
  child.stdout?.resume();
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.on('exit', (code, signal) => resolve({ code, signal })),
  );
  return { child, stderr: () => stderr, exited };
}

/** A migrated, seeded database file (plus demo members), checkpointed so it is one file. */
export function makeDatabase(file: string, demo = 0): void {
  const handle = openDatabase({ url: file });
  runMigrations(handle.db);
  seedDefaultData(handle.db);
  if (demo) generateDemoData(handle.sqlite, { count: demo, seed: 3 });
  handle.sqlite.pragma('wal_checkpoint(TRUNCATE)');
  handle.close();
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Polls until `condition` holds; false when `ms` pass first. */
export async function until(condition: () => boolean, ms: number, every = 2): Promise<boolean> {
  const end = performance.now() + ms;
  while (performance.now() < end) {
    if (condition()) return true;
    await sleep(every);
  }
  return condition();
}

export const fileSize = (file: string) => (existsSync(file) ? statSync(file).size : -1);
