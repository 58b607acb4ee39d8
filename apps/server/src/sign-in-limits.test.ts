/**
 * Sign-in limits over real HTTP, from real distinct client addresses (each
 * request's socket is bound to its own 127.0.0.x, so request.ip differs as it
 * would for clients on the internet): many addresses guessing one account's
 * password hold that account back; the real user is told to wait at most the
 * cap, and from an address that signed in before is not held back at all;
 * the limits survive a restart (a new app on the same database file) and are
 * shared with another server process on the same file.
 */
import http from 'node:http';
import { createServer } from 'node:net';
import { createAuth, DEFAULT_SIGN_IN_POLICY } from '@cos/api';
import { openDatabase } from '@cos/db';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from './app';
import { run, sleep } from './reliability/faults-support';
import { ADMIN, EDITOR, startTestServer, TEST_ORIGIN, type TestServer } from './test-server';

interface Answer {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

/** POST a sign-in from the given local address to the server at `port`. */
function signInFrom(
  port: number,
  address: string,
  credentials: { email: string; password: string },
): Promise<Answer> {
  const body = JSON.stringify(credentials);
  return new Promise((resolve, reject) => {
    const request = http.request(
      {
        host: '127.0.0.1',
        port,
        localAddress: address,
        method: 'POST',
        path: '/api/auth/sign-in/email',
        agent: false,
        headers: {
          'content-type': 'application/json',
          'content-length': Buffer.byteLength(body),
          origin: TEST_ORIGIN,
        },
      },
      (response) => {
        let text = '';
        response.setEncoding('utf8');
        response.on('data', (chunk: string) => (text += chunk));
        response.on('end', () =>
          resolve({ status: response.statusCode ?? 0, headers: response.headers, body: text }),
        );
      },
    );
    request.on('error', reject);
    request.end(body);
  });
}

const portOf = (app: FastifyInstance) => {
  const address = app.server.address();
  if (address === null || typeof address === 'string') throw new Error('no TCP address');
  return address.port;
};

let nextHost = 10;
/** A client address never used before in this file. */
const freshAddress = () => `127.0.0.${nextHost++}`;
const wrong = (i: number) => ({ email: ADMIN.email, password: `not the password ${i}` });
const CAP_SECONDS = DEFAULT_SIGN_IN_POLICY.maxDelayMs / 1000;

function expectAccountLimit(answer: Answer) {
  expect(answer.status, answer.body).toBe(429);
  const seconds = Number(answer.headers['retry-after']);
  expect(seconds).toBeGreaterThanOrEqual(1);
  expect(seconds).toBeLessThanOrEqual(CAP_SECONDS);
  expect(answer.headers['set-cookie']).toBeUndefined();
  // The sign-in errors' shape ({ code, message } plus the catalogue code), message in words.
  const body = JSON.parse(answer.body) as Record<string, unknown>;
  expect(body).toEqual({
    code: 'TOO_MANY_REQUESTS',
    message: body.message,
    messageCode: 'auth.tooManyAttempts',
    messageParams: { seconds },
  });
  expect(body.message).toMatch(/^Too many sign-in attempts; try again in \d+ (seconds|minutes)$/);
}

let server: TestServer;
let port: number;
const home = freshAddress();

beforeAll(async () => {
  server = await startTestServer();
  port = portOf(server.app);
  // The real user signed in from home before the attack began.
  expect((await signInFrom(port, home, ADMIN)).status).toBe(200);
}, 60_000);
afterAll(async () => {
  await server.close();
});

describe('sign-in limits per account and per address', () => {
  it('holds an account back after failures from many addresses, never longer than the cap', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < DEFAULT_SIGN_IN_POLICY.freeFailures; i++) {
      statuses.push((await signInFrom(port, freshAddress(), wrong(i))).status);
    }
    expect(statuses).toEqual(Array(DEFAULT_SIGN_IN_POLICY.freeFailures).fill(401));
    // A sixth guess from yet another address is not even checked.
    expectAccountLimit(await signInFrom(port, freshAddress(), wrong(99)));

    // The real user from a clean address: told to wait, at most the cap.
    const clean = await signInFrom(port, freshAddress(), ADMIN);
    expectAccountLimit(clean);
    // Another account is not affected.
    expect((await signInFrom(port, freshAddress(), EDITOR)).status).toBe(200);
  });

  it('lets the real user in from an address that signed in before', async () => {
    const answer = await signInFrom(port, home, ADMIN);
    expect(answer.status, answer.body).toBe(200);
    expect(String(answer.headers['set-cookie'])).toMatch(/session_token=[^;]/);
  });

  it('still limits each address on its own, whatever account it tries', async () => {
    const address = freshAddress();
    const statuses: number[] = [];
    for (let i = 0; i <= DEFAULT_SIGN_IN_POLICY.perAddressPerMinute; i++) {
      const answer = await signInFrom(port, address, {
        email: `nobody${i}@example.test`,
        password: 'not the password at all',
      });
      statuses.push(answer.status);
    }
    expect(statuses.slice(0, -1).every((s) => s === 401)).toBe(true);
    expect(statuses.at(-1)).toBe(429);
  });
});

describe('limits kept in the database', () => {
  it('hold across a restart: a new app on the same database file', async () => {
    const account = { email: EDITOR.email, password: 'not the editor password' };
    for (let i = 0; i < DEFAULT_SIGN_IN_POLICY.freeFailures; i++) {
      expect((await signInFrom(port, freshAddress(), account)).status).toBe(401);
    }
    const handle = openDatabase({ url: server.handle.path });
    const auth = createAuth(handle, {
      baseURL: TEST_ORIGIN,
      secret: 'test-secret-that-is-at-least-32-characters-long',
    });
    const restarted = await buildApp({ handle, auth, origin: TEST_ORIGIN });
    try {
      await restarted.listen({ host: '127.0.0.1', port: 0 });
      expectAccountLimit(await signInFrom(portOf(restarted), freshAddress(), EDITOR));
    } finally {
      await restarted.close();
      handle.close();
    }
  }, 30_000);

  it('are shared with another server process on the same file', async () => {
    const otherPort = await freePort();
    const other = run('main.ts', [], {
      DATABASE_URL: server.handle.path,
      PORT: String(otherPort),
      PUBLIC_ORIGIN: TEST_ORIGIN,
      AUTH_SECRET: 'another-process-secret-at-least-32-characters',
    });
    try {
      await waitForHealth(otherPort, () => other.stderr());
      const account = { email: 'someone.else@example.test', password: 'guessing away here' };
      // Failures at the other process …
      for (let i = 0; i < DEFAULT_SIGN_IN_POLICY.freeFailures; i++) {
        expect((await signInFrom(otherPort, freshAddress(), account)).status).toBe(401);
      }
      // … hold the account back here, and the reverse.
      expectAccountLimit(await signInFrom(port, freshAddress(), account));
      expectAccountLimit(await signInFrom(otherPort, freshAddress(), account));
    } finally {
      other.child.kill('SIGTERM');
      await other.exited;
    }
  }, 90_000);
});

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() =>
        typeof address === 'object' && address
          ? resolve(address.port)
          : reject(new Error('no port')),
      );
    });
  });
}

/** Polls /healthz until the process answers; fails with its stderr if it never does. */
async function waitForHealth(port: number, stderr: () => string): Promise<void> {
  const end = performance.now() + 60_000;
  while (performance.now() < end) {
    try {
      const response = await fetch(`http://127.0.0.1:${port}/healthz`);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await sleep(100);
  }
  throw new Error(`the second server never answered /healthz: ${stderr()}`);
}
