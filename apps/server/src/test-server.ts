/**
 * For this package's tests only: the real Fastify app on a temporary SQLite
 * file (migrated, seeded, with demo members and two accounts), listening on
 * 127.0.0.1 at a free port, plus small fetch helpers.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createAuth, createUser } from '@cos/api';
import { openDatabase, runMigrations, type DatabaseHandle } from '@cos/db';
import { generateDemoData } from '@cos/db/demo';
import { seedDefaultData } from '@cos/db/seed';
import type { FastifyInstance } from 'fastify';
import { buildApp } from './app';
import { startWorkers } from './app-workers';
import type { DownloadLimits } from './download-limits';

/** The configured public origin (as behind a proxy); browsers send it as Origin. */
export const TEST_ORIGIN = 'http://localhost:3000';

export const ADMIN = {
  email: 'admin.person@example.test',
  password: 'correct horse battery staple',
};
export const EDITOR = {
  email: 'editor.opentech@example.test',
  password: 'editor horse battery staple',
};

export interface TestServerOptions {
  /** Demo members to generate after the default data (default 0). */
  demo?: number;
  signInPerMinute?: number;
  /** Per-address download bounds (the production defaults unless given). */
  downloadLimits?: DownloadLimits;
  /** Origins allowed to sign in and write (config.allowedOrigins); TEST_ORIGIN alone by default. */
  allowedOrigins?: string[];
  /** Serve the built public site and admin too (they must have been built). */
  frontends?: boolean;
  /**
   * Start the job workers (downloads, imports) and wait for them before the
   * server is handed over, as the server starts them when it listens: for
   * tests that time answers, where the first would otherwise wait for a
   * worker to load from source. Most tests leave them to start on first use.
   */
  warmWorkers?: boolean;
}

export interface TestServer {
  app: FastifyInstance;
  handle: DatabaseHandle;
  /** http://127.0.0.1:<port> — where requests actually go. */
  baseUrl: string;
  origin: string;
  fetch: (pathname: string, init?: RequestInit) => Promise<Response>;
  close: () => Promise<void>;
}

export async function startTestServer(options: TestServerOptions = {}): Promise<TestServer> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'cos-server-test-'));
  const handle = openDatabase({ url: path.join(dir, 'test.db') });
  let app: FastifyInstance | undefined;
  try {
    runMigrations(handle.db);
    seedDefaultData(handle.db);
    if (options.demo) generateDemoData(handle.sqlite, { count: options.demo, seed: 7 });
    const opentech = handle.sqlite
      .prepare("SELECT id FROM clusters WHERE slug = 'opentech'")
      .get() as { id: number } | undefined;
    if (!opentech) throw new Error('seed has no opentech cluster');
    await createUser(handle, { ...ADMIN, name: 'Ada Admin', role: 'admin', clusterId: null });
    await createUser(handle, {
      ...EDITOR,
      name: 'Otto Opentech',
      role: 'editor',
      clusterId: opentech.id,
    });

    const auth = createAuth(handle, {
      baseURL: TEST_ORIGIN,
      trustedOrigins: options.allowedOrigins,
      secret: 'test-secret-that-is-at-least-32-characters-long',
      signInPerMinute: options.signInPerMinute,
    });
    app = await buildApp({
      handle,
      auth,
      origin: TEST_ORIGIN,
      allowedOrigins: options.allowedOrigins,
      downloadLimits: options.downloadLimits,
      frontends: options.frontends,
    });
    await app.listen({ host: '127.0.0.1', port: 0 });
    if (options.warmWorkers) await startWorkers(app);
    const address = app.server.address();
    if (address === null || typeof address === 'string') throw new Error('no TCP address');
    const baseUrl = `http://127.0.0.1:${address.port}`;
    const started = app;
    return {
      app: started,
      handle,
      baseUrl,
      origin: TEST_ORIGIN,
      fetch: (pathname, init) => fetch(`${baseUrl}${pathname}`, init),
      close: async () => {
        // A response whose body a test left unread holds its keep-alive
        // socket busy, and close() would wait for it (seen as a 60 s teardown
        // timeout on a loaded machine): the tests are over, so drop them all.
        started.server.closeAllConnections();
        await started.close();
        handle.close();
        rmSync(dir, { recursive: true, force: true });
      },
    };
  } catch (error) {
    await app?.close();
    handle.close();
    rmSync(dir, { recursive: true, force: true });
    throw error;
  }
}

/** `name=value; name2=value2` from a response's Set-Cookie headers. */
export function cookieHeader(response: Response): string {
  return response.headers
    .getSetCookie()
    .map((c) => c.split(';')[0] ?? '')
    .filter((c) => c !== '')
    .join('; ');
}

/** RFC 4180 CSV: quoted fields may hold commas, doubled quotes and line breaks. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      row.push(field);
      field = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += ch;
  }
  if (quoted) throw new Error('CSV ends inside a quoted field');
  if (field !== '' || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}
