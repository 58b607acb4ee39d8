/**
 * Malformed and hostile request bodies against every route of the server —
 * better-auth's /api/auth/* (which reads bodies itself), /trpc, /api/admin/*,
 * /api/v1/* and the rest: JSON nested 100,000 deep, bodies larger than any
 * limit, invalid UTF-8, truncated JSON, prototype keys, wrong or missing
 * content types, every method. Always a 4xx (or the route's normal answer),
 * never a 5xx, never a change to the database, and the server answers
 * /healthz afterwards. The route list is checked against the server's own
 * routing table, so a new route is not left out by accident.
 */
import { appRouter } from '@cos/api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { JSON_MAX_DEPTH } from '../json-limits';
import type { TestServer } from '../test-server';
import { checksumTables } from './checksum';
import { listProcedures } from './http';
import { fuzzRequests, startFuzzServer } from './fuzz-support';

let server: TestServer;
let adminCookie = '';
const { send } = fuzzRequests(() => server);

/**
 * Runs `body`, then asserts no table changed — but the sign-in limiter's own
 * bookkeeping (sign_in_* tables), which counts every sign-in attempt, junk or not.
 */
async function unchanged(body: () => Promise<void>) {
  const data = () =>
    Object.entries(checksumTables(server.handle.sqlite)).filter(([t]) => !t.startsWith('sign_in_'));
  const before = data();
  await body();
  expect(data()).toEqual(before);
}

beforeAll(async () => {
  ({ server, adminCookie } = await startFuzzServer());
  // The import worker thread starts with the first import (seconds from the TypeScript sources):
  // started here, so no request below waits for it.
  const warm = await server.fetch('/api/admin/members/import?dryRun=true', {
    method: 'POST',
    headers: { 'content-type': 'text/csv', origin: server.origin, cookie: adminCookie },
    body: 'Namn\nVarm AB\n',
  });
  expect(warm.status).toBe(200);
}, 120_000);
afterAll(() => server?.close());

/** `send`, naming the request when it fails (a timeout says nothing about which). */
async function sendNamed(what: string, url: string, init: RequestInit): Promise<number> {
  try {
    return await send(url, init);
  } catch (error) {
    throw new Error(`${what}: ${String(error)}`, { cause: error });
  }
}

/** Each route of the routing table, and addresses that reach it. */
const ROUTES: Record<string, string[]> = {
  '/healthz': ['/healthz'],
  '/api/auth/*': [
    '/api/auth/sign-in/email',
    '/api/auth/sign-out',
    '/api/auth/get-session',
    '/api/auth/update-user',
    '/api/auth/sign-up/email',
  ],
  '/api/admin/members/export': ['/api/admin/members/export?format=csv'],
  '/api/admin/members/import': [
    '/api/admin/members/import?dryRun=true',
    '/api/admin/members/import?dryRun=false',
  ],
  '/api/admin/images': ['/api/admin/images?field=logo'],
  '/api/admin/images/:hash': [`/api/admin/images/${'a'.repeat(64)}`],
  '/api/v1/areas': ['/api/v1/areas'],
  '/api/v1/clusters': ['/api/v1/clusters'],
  '/api/v1/members': ['/api/v1/members'],
  '/api/v1/members/:slug': ['/api/v1/members/nope'],
  '/api/v1/members.csv': ['/api/v1/members.csv'],
  '/api/v1/members.json': ['/api/v1/members.json'],
  '/api/openapi.json': ['/api/openapi.json'],
  '/api/dcat.rdf': ['/api/dcat.rdf'],
  '/trpc/:path': [
    ...listProcedures(appRouter)
      .filter((_, i) => i % 4 === 0)
      .map((p) => `/trpc/${p.path}`),
    '/trpc/member.admin.create',
    '/trpc/session.updateProfile',
    '/trpc/member.directory,area.list?batch=1',
  ],
  '/media/:file': [`/media/${'b'.repeat(64)}-96.webp`],
  '/share/:locale/:kind/:file': ['/share/sv/member/nope.1.png'],
};

/** The route patterns in Fastify's printed routing tree, rebuilt from its nesting. */
function routingTable(printed: string): string[] {
  const patterns: string[] = [];
  const stack: string[] = [];
  for (const line of printed.split('\n')) {
    const match = /^([│\s]*)[├└]── (\S+) \(/.exec(line);
    if (!match) continue;
    const depth = (match[1] ?? '').length / 4;
    stack.length = depth;
    const parent = stack.join('');
    const segment = match[2] ?? '';
    stack.push(segment);
    patterns.push(`${parent}${segment}`);
  }
  return patterns;
}

const deepArray = '['.repeat(100_000) + ']'.repeat(100_000);
const deepObject = '{"a":'.repeat(100_000) + '1' + '}'.repeat(100_000);
const justTooDeep = '['.repeat(JSON_MAX_DEPTH + 1) + ']'.repeat(JSON_MAX_DEPTH + 1);

const BODIES: { name: string; type?: string; body: string | Uint8Array<ArrayBuffer> }[] = [
  { name: 'deep array', type: 'application/json', body: deepArray },
  { name: 'deep object', type: 'application/json', body: deepObject },
  { name: 'one level too deep', type: 'application/json', body: justTooDeep },
  {
    name: 'invalid UTF-8',
    type: 'application/json',
    body: new Uint8Array([0x7b, 0x22, 0x61, 0x22, 0x3a, 0x22, 0xc3, 0x28, 0xff, 0x22, 0x7d]),
  },
  { name: 'truncated JSON', type: 'application/json', body: '{"email": "a@b.se", "pass' },
  { name: 'prototype key', type: 'application/json', body: '{"__proto__": {"admin": true}}' },
  {
    name: 'constructor.prototype',
    type: 'application/json',
    body: '{"constructor": {"prototype": {"admin": true}}}',
  },
  { name: 'JSON as latin1', type: 'application/json; charset=latin1', body: '{"a":"\u00e5"}' },
  { name: 'text', type: 'text/plain', body: 'hello' },
  {
    name: 'form',
    type: 'application/x-www-form-urlencoded',
    body: 'a=1&b[c]=2&' + 'x'.repeat(100),
  },
  { name: 'multipart junk', type: 'multipart/form-data; boundary=zz', body: '--zz\r\nbroken' },
  { name: 'no content type', body: '{"a":1}' },
  { name: 'empty JSON', type: 'application/json', body: '' },
  { name: 'XML', type: 'application/xml', body: '<!DOCTYPE x [<!ENTITY a "a">]><x>&a;</x>' },
];

/** Over every body limit (the largest is the import's 64 MB; the default is 5 MB). */
const HUGE = new Uint8Array(6 * 1024 * 1024).fill(0x61);

describe('malformed bodies on every route', () => {
  it("covers every route of the server's routing table", () => {
    const table = routingTable(server.app.printRoutes({ commonPrefix: false }));
    // Fastify prints the auth route's wildcard as a bare "*".
    const known = Object.keys(ROUTES).map((p) => (p === '/api/auth/*' ? '*' : p));
    expect(table.sort()).toEqual(known.sort());
  });

  const cases = Object.values(ROUTES).flat();
  // Signing out is what that route is for (whatever the body): the admin stays signed in.
  const adminCases = cases.filter((url) => url !== '/api/auth/sign-out');
  it.each(['anonymous', 'admin'] as const)(
    'as %s: no 5xx for any malformed body, method or content type, and nothing written',
    async (who) => {
      const cookie: Record<string, string> = who === 'admin' ? { cookie: adminCookie } : {};
      await unchanged(async () => {
        for (const url of who === 'admin' ? adminCases : cases) {
          for (const method of ['POST', 'PATCH']) {
            for (const { name, type, body } of BODIES) {
              const status = await sendNamed(`${who} ${method} ${url} ${name}`, url, {
                method,
                headers: {
                  origin: server.origin,
                  ...(type ? { 'content-type': type } : {}),
                  ...cookie,
                },
                body,
              });
              expect(status, `${who} ${method} ${url} ${name}`).toBeLessThan(500);
            }
          }
          const huge = await send(url, {
            method: 'POST',
            headers: { origin: server.origin, 'content-type': 'application/json', ...cookie },
            body: HUGE,
          }).catch(() => 0);
          // A 413, or the connection closed by the server before the rest was read (or, under
          // the import's 64 MB limit, a 400: not JSON).
          expect([0, 400, 401, 403, 404, 405, 413, 415], `${who} huge ${url}`).toContain(huge);
        }
      });
      expect(await send('/healthz')).toBe(200);
    },
    300_000,
  );

  it('answers deep JSON to sign-in with 400 in better-auth’s shape, in the visitor’s language', async () => {
    for (const body of [deepArray.slice(0, 60_000), justTooDeep]) {
      const response = await server.fetch('/api/auth/sign-in/email', {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          origin: server.origin,
          'accept-language': 'sv',
        },
        body,
      });
      expect(response.status).toBe(400);
      const answer = (await response.json()) as {
        code: string;
        messageCode: string;
        message: string;
      };
      expect(answer.code).toBe('BAD_REQUEST');
      expect(answer.messageCode).toBe('request.tooDeep');
      expect(answer.message).toBe(
        `JSON-innehållet är nästlat för djupt (högst ${JSON_MAX_DEPTH} nivåer)`,
      );
    }
  });
});
