/**
 * The production bundle as `pnpm start` runs it: `node dist/main.js` in its
 * own process, on a new database file, with only the settings an operator
 * would give. Every other test here runs the source through Vitest; this one
 * catches what only the bundle can get wrong — a dependency esbuild did not
 * bundle, migrations not copied beside it, the site or the admin not found
 * from dist/, a shutdown that hangs. Turbo builds the bundle before this
 * package's tests (apps/server/turbo.json), so it is never stale or missing.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { AREA_SEEDS, CLUSTER_SEEDS } from '@cos/db/seed';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Outputs, RestAreas, TrpcResult } from './wire-types';

const serverDir = path.resolve(import.meta.dirname, '..');
const mainJs = path.join(serverDir, 'dist', 'main.js');
const journal = path.join(serverDir, '../../packages/db/drizzle/meta/_journal.json');
const AREA_SLUGS = AREA_SEEDS.map((a) => a.slug);

const READY_WITHIN_MS = 30_000;
const STOPPED_WITHIN_MS = 5_000;

const dir = mkdtempSync(path.join(tmpdir(), 'cos-bundle-'));
const dbFile = path.join(dir, 'platform.db');
let baseUrl = '';
let child: ChildProcess | undefined;
let output = '';
let exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;

/** The server's own log, so a failed check shows what the process said. */
function withLog(message: string): string {
  const tail = output.trimEnd().split('\n').slice(-30).join('\n');
  return `${message}\n--- ${path.relative(process.cwd(), mainJs)} said ---\n${tail}`;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}

async function get(pathname: string): Promise<Response> {
  try {
    return await fetch(`${baseUrl}${pathname}`);
  } catch (error) {
    throw new Error(withLog(`GET ${pathname} failed: ${String(error)}`), { cause: error });
  }
}

beforeAll(async () => {
  if (!existsSync(mainJs))
    throw new Error(
      `${mainJs} does not exist: build it with \`pnpm build\` (turbo runs the build before this test)`,
    );
  const port = await freePort();
  baseUrl = `http://127.0.0.1:${port}`;
  const started = spawn(process.execPath, ['--enable-source-maps', mainJs], {
    cwd: serverDir,
    // Not Vitest's environment (NODE_ENV=test, VITEST…): what a deployment sets.
    env: {
      PATH: process.env.PATH ?? '',
      NODE_ENV: 'production',
      HOST: '127.0.0.1',
      PORT: String(port),
      DATABASE_URL: dbFile,
      AUTH_SECRET: randomBytes(32).toString('hex'),
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child = started;
  started.stdout.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
  started.stderr.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
  exited = new Promise((resolve, reject) => {
    started.once('error', reject);
    started.once('exit', (code, signal) => resolve({ code, signal }));
  });

  const deadline = Date.now() + READY_WITHIN_MS;
  for (;;) {
    if (started.exitCode !== null || started.signalCode !== null)
      throw new Error(
        withLog(`dist/main.js exited (${started.exitCode ?? started.signalCode}) before /healthz`),
      );
    try {
      const health = await fetch(`${baseUrl}/healthz`);
      if (health.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline)
      throw new Error(withLog(`/healthz was not ok within ${READY_WITHIN_MS} ms`));
    await new Promise((r) => setTimeout(r, 50));
  }
});

afterAll(() => {
  if (child && child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  rmSync(dir, { recursive: true, force: true });
});

describe('the production bundle (dist/main.js)', () => {
  it('answers /healthz', async () => {
    const response = await get('/healthz');
    expect(response.status, withLog('GET /healthz')).toBe(200);
    expect(await response.json()).toEqual({ status: 'ok' });
  });

  it('renders the public site at / with the areas read from the database', async () => {
    const response = await get('/');
    expect(response.status, withLog('GET /')).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/html/);
    const html = await response.text();
    expect(html).toMatch(/^<!doctype html>/i);
    expect(html).toMatch(/<title>Clusters of Skåne/);
    for (const slug of AREA_SLUGS) expect(html).toContain(`href="/omraden/${slug}"`);
  });

  it('serves the admin SPA at /admin/, and the scripts it loads', async () => {
    const response = await get('/admin/');
    expect(response.status, withLog('GET /admin/')).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/html/);
    const html = await response.text();
    expect(html).toMatch(/<title>[^<]*admin<\/title>/);
    const script = /href="(\/admin\/_app\/immutable\/[^"]+\.js)"/.exec(html)?.[1];
    expect(script, 'the admin page links no /admin/_app/immutable/*.js').toBeDefined();
    const asset = await get(script ?? '');
    expect(asset.status, withLog(`GET ${script}`)).toBe(200);
    expect(asset.headers.get('content-type')).toMatch(/javascript/);
  });

  it('answers a public tRPC query (area.list)', async () => {
    const response = await get('/trpc/area.list');
    expect(response.status, withLog('GET /trpc/area.list')).toBe(200);
    const body = (await response.json()) as TrpcResult<Outputs['area']['list']>;
    expect(body.result.data.map((a) => a.slug).sort()).toEqual([...AREA_SLUGS].sort());
  });

  it('serves the open data at /api/v1/areas: the six areas of the default data', async () => {
    const response = await get('/api/v1/areas');
    expect(response.status, withLog('GET /api/v1/areas')).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^application\/json/);
    const body = (await response.json()) as RestAreas;
    expect(body.licence).toBeDefined();
    expect(body.items).toHaveLength(6);
    expect(body.items.map((a) => a.slug).sort()).toEqual([...AREA_SLUGS].sort());
  });

  it('stops on SIGTERM with exit code 0, promptly', async () => {
    expect(child, 'the server was not started').toBeDefined();
    const sent = performance.now();
    child?.kill('SIGTERM');
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<'timeout'>((r) => {
      timer = setTimeout(() => r('timeout'), STOPPED_WITHIN_MS);
    });
    const result = await Promise.race([exited, timeout]);
    clearTimeout(timer);
    expect(result, withLog(`still running ${STOPPED_WITHIN_MS} ms after SIGTERM`)).not.toBe(
      'timeout',
    );
    expect(result, withLog('exit after SIGTERM')).toEqual({ code: 0, signal: null });
    expect(performance.now() - sent).toBeLessThan(STOPPED_WITHIN_MS);
    expect(output).toMatch(/"signal":"SIGTERM".*shutting down/);
  });

  it('left the new database file migrated, seeded and cleanly closed', () => {
    expect(child?.exitCode, 'the server is still running').not.toBeNull();
    expect(existsSync(dbFile), `${dbFile} was not created`).toBe(true);
    // A clean close checkpoints the WAL and removes it: only the database file remains.
    expect(readdirSync(dir)).toEqual([path.basename(dbFile)]);

    const db = new Database(dbFile, { readonly: true });
    try {
      expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
      const migrations = (JSON.parse(readFileSync(journal, 'utf8')) as { entries: unknown[] })
        .entries.length;
      expect(migrations).toBeGreaterThan(0);
      expect(db.prepare('SELECT count(*) AS n FROM __drizzle_migrations').get()).toEqual({
        n: migrations,
      });
      const areas = db.prepare('SELECT slug FROM areas ORDER BY id').all() as { slug: string }[];
      expect(areas.map((a) => a.slug).sort()).toEqual([...AREA_SLUGS].sort());
      expect(db.prepare('SELECT count(*) AS n FROM clusters').get()).toEqual({
        n: CLUSTER_SEEDS.length,
      });
    } finally {
      db.close();
    }
  });
});
