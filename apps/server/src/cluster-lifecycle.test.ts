/**
 * WORKERS=N as an operator lives with it (dist/main.js in its own process):
 * a worker that dies is replaced; SIGTERM lets in-flight requests finish in
 * every worker before the server exits 0; a server whose primary is killed
 * outright leaves no workers behind; a start-up failure is one clear line and
 * exit 1, however many workers hit it; and WORKERS unset is still one process.
 */
import { once } from 'node:events';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import { createServer } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  freePort,
  ORIGIN,
  prepareDatabase,
  spawnServer,
  startServer,
  type Answer,
  type Served,
} from './cluster-support';
import { ADMIN } from './test-server';

const dir = mkdtempSync(path.join(os.tmpdir(), 'cos-cluster-life-'));
const dbFile = path.join(dir, 'platform.db');
const running: Served[] = [];

async function start(env: Record<string, string>): Promise<Served> {
  const served = await startServer(dbFile, { WORKER_HEADER: '1', ...env });
  running.push(served);
  return served;
}

/** Requests /healthz on new connections until `done` holds for the answers so far. */
async function healthUntil(
  served: Served,
  done: (answers: Answer[]) => boolean,
  ms = 60_000,
): Promise<Answer[]> {
  const answers: Answer[] = [];
  const deadline = performance.now() + ms;
  while (!done(answers)) {
    if (performance.now() > deadline)
      throw new Error(served.withLog(`condition not met within ${ms} ms`));
    try {
      answers.push(await served.request('/healthz'));
    } catch {
      // a connection handed to the worker that just died; the next goes elsewhere
    }
    // A replacement takes a moment to start: ask again shortly, not in a tight loop.
    await new Promise((r) => setTimeout(r, 10));
  }
  return answers;
}

const pidOf = (worker: string) => Number(worker.split(':')[1]);
const workers = (answers: Answer[]) => new Set(answers.map((a) => a.worker));

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

async function untilTrue(condition: () => boolean, ms: number): Promise<boolean> {
  const deadline = performance.now() + ms;
  while (!condition()) {
    if (performance.now() > deadline) return false;
    await new Promise((r) => setTimeout(r, 20));
  }
  return true;
}

/** Runs dist/main.js to its end; a failing start must not linger. */
async function runToEnd(env: Record<string, string>, port?: number) {
  const served = spawnServer(env, { port: port ?? (await freePort()) });
  running.push(served);
  const timer = setTimeout(() => served.child.kill('SIGKILL'), 30_000);
  const result = await served.exited;
  clearTimeout(timer);
  return { ...result, output: served.output() };
}

beforeAll(async () => {
  await prepareDatabase(dbFile);
}, 60_000);

afterAll(async () => {
  await Promise.all(running.map((s) => s.stop()));
  rmSync(dir, { recursive: true, force: true });
});

describe('WORKERS=2 lifecycle', () => {
  it('replaces a worker that dies, and keeps answering', async () => {
    const served = await start({ WORKERS: '2' });
    const before = await healthUntil(served, (a) => workers(a).size === 2);
    const [victim, survivor] = [...workers(before)];
    process.kill(pidOf(victim ?? ''), 'SIGKILL');
    await served.waitForLog(/"msg":"worker died; restarting it"/);
    expect(served.output()).toMatch(/"signal":"SIGKILL".*"restartInMs":\d+/);
    // Two workers again: the survivor and a new process in the victim's place.
    const after = await healthUntil(
      served,
      (a) => [...workers(a)].filter((w) => w !== survivor && w !== victim).length > 0,
    );
    expect(after.every((a) => a.status === 200)).toBe(true);
    const replacement = [...workers(after)].find((w) => w !== survivor && w !== victim);
    expect(alive(pidOf(replacement ?? '')), 'the replacement runs').toBe(true);
    expect(alive(pidOf(victim ?? ''))).toBe(false);
    await served.stop();
    expect(await served.exited).toEqual({ code: 0, signal: null });
  }, 90_000);

  it('on SIGTERM lets in-flight requests finish in the workers, then exits 0', async () => {
    const served = await start({ WORKERS: '2', LOG_LEVEL: 'info' });
    await healthUntil(served, (a) => workers(a).size === 2);
    // A sign-in whose body is still on its way: the worker has the request
    // (it answered 100 Continue) but cannot answer it before the body arrives.
    const body = JSON.stringify(ADMIN);
    const request = http.request(`${served.baseUrl}/api/auth/sign-in/email`, {
      method: 'POST',
      agent: false,
      headers: {
        'content-type': 'application/json',
        'content-length': Buffer.byteLength(body),
        origin: ORIGIN,
        expect: '100-continue',
      },
    });
    const answered = new Promise<http.IncomingMessage>((resolve, reject) => {
      request.once('response', resolve);
      request.once('error', reject);
    });
    const continued = once(request, 'continue');
    request.flushHeaders();
    await continued;
    served.child.kill('SIGTERM');
    // The primary passes it on; both workers begin to close.
    await served.waitForLog(/"signal":"SIGTERM","msg":"shutting down"/, 2);
    request.end(body);
    const response = await answered;
    response.resume();
    expect(response.statusCode, served.withLog('the in-flight sign-in')).toBe(200);
    expect(String(response.headers['set-cookie'])).toContain('session_token=');
    expect(await served.exited, served.withLog('exit')).toEqual({ code: 0, signal: null });
    const worker = String(response.headers['x-cos-worker']);
    expect(alive(pidOf(worker)), `worker ${worker} still running`).toBe(false);
  }, 90_000);

  it('leaves no worker behind when the primary is killed outright', async () => {
    const served = await start({ WORKERS: '2' });
    const pids = [...workers(await healthUntil(served, (a) => workers(a).size === 2))].map(pidOf);
    served.child.kill('SIGKILL');
    await served.exited;
    expect(
      await untilTrue(() => pids.every((pid) => !alive(pid)), 30_000),
      'workers still running after their primary died',
    ).toBe(true);
  }, 90_000);
});

describe('start-up failures are one line and exit 1', () => {
  const notADirectory = path.join(dir, 'a-file');

  it('an unusable database path, with WORKERS=2', async () => {
    writeFileSync(notADirectory, 'not a directory');
    const result = await runToEnd({
      WORKERS: '2',
      DATABASE_URL: path.join(notADirectory, 'platform.db'),
    });
    expect(result.code, result.output).toBe(1);
    const lines = result.output.trim().split('\n');
    expect(lines, result.output).toHaveLength(1);
    expect(lines[0]).toMatch(/^Cannot open the database at .*a-file\/platform\.db: .*\(E[A-Z]+\)$/);
  }, 60_000);

  for (const workersSetting of ['2', '1']) {
    it(`a port already taken, with WORKERS=${workersSetting}`, async () => {
      const taken = createServer();
      const port = await new Promise<number>((resolve) =>
        taken.listen(0, '127.0.0.1', () => {
          const address = taken.address();
          resolve(typeof address === 'object' && address ? address.port : 0);
        }),
      );
      try {
        const result = await runToEnd(
          { WORKERS: workersSetting, DATABASE_URL: dbFile, LOG_LEVEL: 'warn' },
          port,
        );
        expect(result.code, result.output).toBe(1);
        const lines = result.output.trim().split('\n');
        expect(lines, result.output).toHaveLength(1);
        expect(lines[0]).toMatch(
          new RegExp(`^Cannot listen on 127\\.0\\.0\\.1:${port}: .*EADDRINUSE`),
        );
      } finally {
        taken.close();
      }
    }, 60_000);
  }

  it('a WORKERS setting that is not a number', async () => {
    const result = await runToEnd({ WORKERS: 'many', DATABASE_URL: dbFile });
    expect(result.code).toBe(1);
    expect(result.output.trim()).toBe(
      'Cannot start: WORKERS must be a whole number from 1 to 64 or "auto", got "many"',
    );
  }, 30_000);
});

describe('WORKERS unset', () => {
  it('is one process, as before: the process started answers itself', async () => {
    const served = await start({});
    const answers = await healthUntil(served, (a) => a.length === 4);
    expect([...workers(answers)]).toEqual([`0:${served.child.pid}`]);
    expect(served.output()).not.toContain('"role":"primary"');
  }, 60_000);
});
