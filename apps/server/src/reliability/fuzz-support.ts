/**
 * Shared setup of the fuzz tests (fuzz-trpc.test.ts, fuzz-rest.test.ts): the
 * run size, the server with 60 demo members and an admin session, requests
 * that count responses by class, and the check that bad input changed no table.
 */
import { expect } from 'vitest';
import { ADMIN, startTestServer, type TestServer } from '../test-server';
import { checksumDataTables } from './checksum';
import { sessionCookie } from './http';

// CI size; `pnpm bench` runs more cases (FUZZ_RUNS) and gives them time in proportion.
export const RUNS = Number(process.env.FUZZ_RUNS ?? 30);
export const SCALE = Math.max(1, RUNS / 30);
export const SEED =
  process.env.FUZZ_SEED === undefined ? {} : { seed: Number(process.env.FUZZ_SEED) };
export const TIMEOUT_MS = 10_000;

/** Procedures nobody may call without a session. */
export const PROTECTED = /\.admin\.|^audit\.|^user\.|^taxonomy\.pickers$|^dashboard\./;

/** Percent-encodes UTF-8 bytes (lone surrogates become U+FFFD, as a browser sends them). */
export function pct(text: string): string {
  let out = '';
  for (const byte of Buffer.from(text, 'utf8')) {
    const c = String.fromCharCode(byte);
    out += /[A-Za-z0-9\-_.~]/.test(c) ? c : `%${byte.toString(16).toUpperCase().padStart(2, '0')}`;
  }
  return out;
}

export const describeInput = (value: unknown) => {
  const text = typeof value === 'string' ? value : (JSON.stringify(value) ?? 'undefined');
  return text.length > 200 ? `${text.slice(0, 200)}… (${text.length} chars)` : text;
};

/** The server a fuzz file runs against, and an admin's session cookie on it. */
export async function startFuzzServer(): Promise<{ server: TestServer; adminCookie: string }> {
  // Workers started first: the first import or download would otherwise wait for one to load
  // from source, past the request timeout on a clean clone's busy cores (seen in CI).
  const server = await startTestServer({ demo: 60, warmWorkers: true });
  return { server, adminCookie: await sessionCookie(server, ADMIN) };
}

/** Requests and checks on the server `current()` returns once it has started. */
export function fuzzRequests(current: () => TestServer) {
  const seen = new Map<string, number>();

  async function send(pathname: string, init: RequestInit = {}): Promise<number> {
    const response = await current().fetch(pathname, {
      ...init,
      signal: AbortSignal.timeout(TIMEOUT_MS),
    });
    await response.arrayBuffer();
    const bucket = `${Math.floor(response.status / 100)}xx`;
    seen.set(bucket, (seen.get(bucket) ?? 0) + 1);
    return response.status;
  }

  /** Runs `body`, then asserts the database is exactly as it was before. */
  async function unchanged(body: () => Promise<void>) {
    const before = checksumDataTables(current().handle.sqlite);
    await body();
    const after = checksumDataTables(current().handle.sqlite);
    const changed = Object.keys(after).filter((t) => after[t] !== before[t]);
    expect(changed, 'tables changed by bad input').toEqual([]);
  }

  return { seen, send, unchanged };
}
