/**
 * For the cluster tests: the built server (`node dist/main.js`, as deployed)
 * in its own process with the given settings, on a prepared database file;
 * readiness by polling /healthz; requests on a new connection each
 * (`agent: false`), so node:cluster hands them to the workers in turn; and
 * the server's output kept, to wait for log lines and show them on failure.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import http from 'node:http';
import { createServer } from 'node:net';
import path from 'node:path';
import { createUser } from '@cos/api';
import { openDatabase, runMigrations } from '@cos/db';
import { seedDefaultData } from '@cos/db/seed';
import { ADMIN } from './test-server';

const SERVER_DIR = path.resolve(import.meta.dirname, '..');
export const MAIN_JS = path.join(SERVER_DIR, 'dist', 'main.js');
export const ORIGIN = 'http://localhost:3000';
const READY_WITHIN_MS = 60_000;

export function freePort(): Promise<number> {
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

/** A migrated, seeded database file with the test admin, closed (one file on disk). */
export async function prepareDatabase(file: string): Promise<void> {
  const handle = openDatabase({ url: file });
  try {
    runMigrations(handle.db);
    seedDefaultData(handle.db);
    await createUser(handle, { ...ADMIN, name: 'Ada Admin', role: 'admin', clusterId: null });
    handle.sqlite.pragma('wal_checkpoint(TRUNCATE)');
  } finally {
    handle.close();
  }
}

export interface Answer {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
  /** `x-cos-worker` (WORKER_HEADER=1): `<worker id>:<pid>`. */
  worker: string;
}

export interface Served {
  child: ChildProcess;
  baseUrl: string;
  port: number;
  output: () => string;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** One request on its own connection. */
  request: (
    pathname: string,
    init?: { method?: string; headers?: Record<string, string>; body?: string },
  ) => Promise<Answer>;
  /** Polls until the output matches `pattern` `count` times; throws with the log otherwise. */
  waitForLog: (pattern: RegExp, count?: number, ms?: number) => Promise<void>;
  withLog: (message: string) => string;
  stop: () => Promise<void>;
}

export function spawnServer(
  env: Record<string, string>,
  options: { port?: number; databaseFile?: string } = {},
): Served {
  if (!existsSync(MAIN_JS))
    throw new Error(`${MAIN_JS} does not exist: build it (pnpm --filter @cos/server build)`);
  const port = options.port ?? 0;
  const child = spawn(process.execPath, ['--enable-source-maps', MAIN_JS], {
    cwd: SERVER_DIR,
    env: {
      PATH: process.env.PATH ?? '',
      NODE_ENV: 'production',
      HOST: '127.0.0.1',
      PORT: String(port),
      PUBLIC_ORIGIN: ORIGIN,
      AUTH_SECRET: randomBytes(32).toString('hex'),
      ...(options.databaseFile ? { DATABASE_URL: options.databaseFile } : {}),
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
  child.stderr?.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal })),
  );
  const baseUrl = `http://127.0.0.1:${port}`;
  const withLog = (message: string) =>
    `${message}\n--- dist/main.js said ---\n${output.trimEnd().split('\n').slice(-40).join('\n')}`;

  const request: Served['request'] = (pathname, init = {}) =>
    new Promise((resolve, reject) => {
      const outgoing = http.request(
        `${baseUrl}${pathname}`,
        { method: init.method ?? 'GET', headers: init.headers, agent: false },
        (response) => {
          let body = '';
          response.setEncoding('utf8');
          response.on('data', (chunk: string) => (body += chunk));
          response.on('end', () =>
            resolve({
              status: response.statusCode ?? 0,
              headers: response.headers,
              body,
              worker: String(response.headers['x-cos-worker'] ?? ''),
            }),
          );
          response.on('error', reject);
        },
      );
      outgoing.on('error', (error) => reject(new Error(withLog(`${pathname}: ${String(error)}`))));
      outgoing.end(init.body);
    });

  const waitForLog: Served['waitForLog'] = async (pattern, count = 1, ms = READY_WITHIN_MS) => {
    const global = new RegExp(
      pattern.source,
      pattern.flags.includes('g') ? pattern.flags : `${pattern.flags}g`,
    );
    const deadline = performance.now() + ms;
    while ((output.match(global)?.length ?? 0) < count) {
      if (performance.now() > deadline)
        throw new Error(withLog(`${pattern} not seen ${count} times within ${ms} ms`));
      await new Promise((r) => setTimeout(r, 20));
    }
  };

  return {
    child,
    baseUrl,
    port,
    output: () => output,
    exited,
    request,
    waitForLog,
    withLog,
    stop: async () => {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
      await exited;
      clearTimeout(timer);
    },
  };
}

/** Starts the built server on a free port and waits until /healthz answers 200. */
export async function startServer(
  databaseFile: string,
  env: Record<string, string>,
): Promise<Served> {
  const port = await freePort();
  const served = spawnServer(env, { port, databaseFile });
  const deadline = performance.now() + READY_WITHIN_MS;
  const seen = new Set<string>();
  for (;;) {
    if (served.child.exitCode !== null || served.child.signalCode !== null)
      throw new Error(served.withLog('dist/main.js exited before /healthz answered'));
    try {
      const health = await served.request('/healthz');
      if (health.status === 200) seen.add(health.worker);
      // /healthz answers once one worker listens: with WORKER_HEADER, wait for all of them.
      if (seen.size >= (env.WORKER_HEADER === '1' ? Number(env.WORKERS ?? 1) : 1)) break;
    } catch {
      // not listening yet
    }
    if (performance.now() > deadline) {
      await served.stop();
      throw new Error(served.withLog(`/healthz was not ok within ${READY_WITHIN_MS} ms`));
    }
    await new Promise((r) => setTimeout(r, 20));
  }
  return served;
}

/** The session cookie of a sign-in through the HTTP API. */
export async function signInCookie(
  served: Served,
  credentials: { email: string; password: string },
): Promise<string> {
  const answer = await served.request('/api/auth/sign-in/email', {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: ORIGIN },
    body: JSON.stringify(credentials),
  });
  const cookies = [answer.headers['set-cookie'] ?? []]
    .flat()
    .map((c) => c.split(';')[0] ?? '')
    .filter((c) => c !== '');
  if (answer.status !== 200 || !cookies.some((c) => c.includes('session_token=')))
    throw new Error(served.withLog(`sign-in answered ${answer.status}: ${answer.body}`));
  return cookies.join('; ');
}
