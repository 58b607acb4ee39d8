/**
 * The whole server over real HTTP: a temp SQLite file, the Fastify app on a
 * free port, and global fetch — headers, open data, CSV, OpenAPI, tRPC,
 * sign-in, CSRF, stale writes, editor scope and bad bodies. The sign-in
 * rate limit is tested in rate-limit.test.ts: better-auth's memory store is
 * one Map per process, shared by every auth instance, so it needs a process
 * (test file) of its own. This file signs in 4 times, under the default 10.
 */
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ADMIN,
  EDITOR,
  cookieHeader,
  parseCsv,
  startTestServer,
  type TestServer,
} from './test-server';

interface Licence {
  name: string;
  url: string;
}
interface DirectoryItem {
  slug: string;
  name: string;
  municipality: { code: string; name: string } | null;
  areas: { slug: string }[];
}
interface Directory {
  licence: Licence;
  items: DirectoryItem[];
  total: number;
  nextCursor: string | null;
  facets: Record<string, { value: string; count: number }[]>;
}
interface ApiError {
  error: string;
  message: string;
}
interface TrpcError {
  error: {
    message: string;
    data: { code: string; httpStatus: number; current?: { version: number } };
  };
}
interface MemberRecord {
  id: number;
  slug: string;
  name: string;
  version: number;
}

async function json<T>(response: Response): Promise<T> {
  return (await response.json()) as T;
}

let server: TestServer;

beforeAll(async () => {
  server = await startTestServer({ demo: 200 });
}, 60_000);

afterAll(async () => {
  await server.close();
});

const countMembersNamed = (name: string) =>
  (
    server.handle.sqlite.prepare('SELECT count(*) AS n FROM members WHERE name = ?').get(name) as {
      n: number;
    }
  ).n;

async function signIn(credentials: { email: string; password: string }): Promise<Response> {
  return server.fetch('/api/auth/sign-in/email', {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: server.origin },
    body: JSON.stringify(credentials),
  });
}

async function signedInCookie(credentials: { email: string; password: string }): Promise<string> {
  const response = await signIn(credentials);
  expect(response.status).toBe(200);
  const cookie = cookieHeader(response);
  expect(cookie).toMatch(/session_token=/);
  return cookie;
}

function mutate(
  procedure: string,
  body: string,
  headers: Record<string, string>,
): Promise<Response> {
  return server.fetch(`/trpc/${procedure}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: server.origin, ...headers },
    body,
  });
}

function query(procedure: string, input: unknown, cookie?: string): Promise<Response> {
  const search = input === undefined ? '' : `?input=${encodeURIComponent(JSON.stringify(input))}`;
  return server.fetch(`/trpc/${procedure}${search}`, { headers: cookie ? { cookie } : {} });
}

describe('health and security headers', () => {
  it('answers /healthz with strict headers', async () => {
    const response = await server.fetch('/healthz');
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: 'ok' });

    const csp = response.headers.get('content-security-policy') ?? '';
    const scriptSrc = csp.split(';').find((d) => d.trim().startsWith('script-src')) ?? '';
    expect(scriptSrc).toContain("'self'");
    expect(scriptSrc).not.toContain("'unsafe-inline'");
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('referrer-policy')).toBeTruthy();
    const framing = response.headers.get('x-frame-options') ?? '';
    expect(framing !== '' || csp.includes("frame-ancestors 'none'")).toBe(true);
  });
});

describe('open data REST', () => {
  it('lists the six areas and the seven clusters with a licence', async () => {
    const areas = await server.fetch('/api/v1/areas');
    expect(areas.status).toBe(200);
    const areaBody = await json<{ licence: Licence; items: unknown[] }>(areas);
    expect(areaBody.items).toHaveLength(6);
    expect(areaBody.licence.name).toBeTruthy();
    expect(areaBody.licence.url).toMatch(/^https:\/\//);

    const clusters = await json<{ licence: Licence; items: unknown[] }>(
      await server.fetch('/api/v1/clusters'),
    );
    expect(clusters.items).toHaveLength(7);
    expect(clusters.licence.name).toBeTruthy();
  });

  it('filters members by area and municipality, with total and facets', async () => {
    const response = await server.fetch('/api/v1/members?area=tech&municipality=1280&limit=100');
    expect(response.status).toBe(200);
    const body = await json<Directory>(response);
    expect(body.total).toBeGreaterThan(0);
    expect(body.items.length).toBe(Math.min(body.total, 100));
    for (const item of body.items) {
      expect(item.municipality?.code).toBe('1280');
      expect(item.areas.map((a) => a.slug)).toContain('tech');
    }
    expect(Object.keys(body.facets)).toEqual(
      expect.arrayContaining(['area', 'cluster', 'municipality', 'kind', 'size']),
    );
    expect(body.licence.name).toBeTruthy();
  });

  it('refuses bad parameters with 400 naming the field', async () => {
    const badLimit = await server.fetch('/api/v1/members?limit=abc');
    expect(badLimit.status).toBe(400);
    expect((await json<ApiError>(badLimit)).message).toMatch(/limit/i);

    const badMunicipality = await server.fetch('/api/v1/members?municipality=9999');
    expect(badMunicipality.status).toBe(400);
    expect((await json<ApiError>(badMunicipality)).message).toMatch(/municipality/i);
  });

  it('serves one member by slug and 404 for an unknown one', async () => {
    const found = await server.fetch('/api/v1/members/lunds-universitet');
    expect(found.status).toBe(200);
    expect((await json<{ slug: string }>(found)).slug).toBe('lunds-universitet');

    const missing = await server.fetch('/api/v1/members/nope');
    expect(missing.status).toBe(404);
    expect((await json<ApiError>(missing)).error).toBe('NOT_FOUND');
  });

  it.each(['', '?area=tech&municipality=1280'])(
    'exports CSV%s with a BOM and as many rows as the JSON total',
    async (filter) => {
      const response = await server.fetch(`/api/v1/members.csv${filter}`);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toMatch(/^text\/csv/);
      const bytes = Buffer.from(await response.arrayBuffer());
      expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);

      const rows = parseCsv(bytes.subarray(3).toString('utf8'));
      const [header, ...data] = rows;
      expect(header).toEqual(
        expect.arrayContaining(['slug', 'name', 'municipality', 'description_sv', 'areas']),
      );
      const width = header?.length ?? 0;
      for (const row of data) expect(row).toHaveLength(width);

      const { total } = await json<Directory>(await server.fetch(`/api/v1/members${filter}`));
      expect(data).toHaveLength(total);

      const column = (name: string) => (header ?? []).indexOf(name);
      if (filter !== '') {
        for (const row of data) {
          expect(row[column('municipality_code')]).toBe('1280');
          expect(row[column('municipality')]).toBe('Malmö');
          expect(row[column('areas')]?.split(';')).toContain('tech');
        }
      } else {
        const text = data.flat().join('\n');
        expect(text).toMatch(/[åäöÅÄÖ]/);
        expect(text).not.toContain('\uFFFD');
        expect(data.some((row) => row[column('slug')] === 'lunds-universitet')).toBe(true);
      }
    },
  );

  it('describes itself in OpenAPI 3.1', async () => {
    const doc = await json<{
      openapi: string;
      info: { license: { name: string } };
      paths: Record<string, unknown>;
    }>(await server.fetch('/api/openapi.json'));
    expect(doc.openapi).toBe('3.1.0');
    expect(doc.info.license.name).toBeTruthy();
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining([
        '/api/v1/areas',
        '/api/v1/clusters',
        '/api/v1/members',
        '/api/v1/members/{slug}',
        '/api/v1/members.csv',
      ]),
    );
  });
});

describe('tRPC over HTTP', () => {
  it('serves public queries and refuses admin ones without a session', async () => {
    const areas = await query('area.list', undefined);
    expect(areas.status).toBe(200);
    expect((await json<{ result: { data: unknown[] } }>(areas)).result.data).toHaveLength(6);

    const admin = await query('member.admin.list', {});
    expect(admin.status).toBe(401);
    expect((await json<TrpcError>(admin)).error.data.code).toBe('UNAUTHORIZED');
  });

  it('answers a batch of many procedures (a long path segment), as the admin sends', async () => {
    const paths = Array.from({ length: 8 }, () => 'statistics.overview').join(',');
    const input = encodeURIComponent(JSON.stringify({}));
    const response = await server.fetch(`/trpc/${paths}?batch=1&input=${input}`);
    expect(response.status).toBe(200);
    expect(await json<unknown[]>(response)).toHaveLength(8);
  });
});

describe('sessions and cross-site protection', () => {
  let cookie: string;

  beforeAll(async () => {
    const response = await signIn(ADMIN);
    expect(response.status).toBe(200);
    const setCookie =
      response.headers.getSetCookie().find((c) => c.includes('session_token=')) ?? '';
    expect(setCookie).toMatch(/;\s*HttpOnly/i);
    expect(setCookie).toMatch(/;\s*SameSite=Lax/i);
    cookie = cookieHeader(response);
  });

  it('creates a member for a signed-in admin from our own origin', async () => {
    const response = await mutate(
      'member.admin.create',
      JSON.stringify({ name: 'Provbolaget AB', kind: 'company' }),
      { cookie },
    );
    expect(response.status).toBe(200);
    const { member } = (await json<{ result: { data: { member: MemberRecord } } }>(response)).result
      .data;
    expect(member.name).toBe('Provbolaget AB');
    expect(countMembersNamed('Provbolaget AB')).toBe(1);

    const read = await query('member.admin.get', { id: member.id }, cookie);
    expect(read.status).toBe(200);
  });

  it('refuses writes from another origin or a cross-site fetch, writing nothing', async () => {
    const body = JSON.stringify({ name: 'Ondskan AB', kind: 'company' });
    const evil = await mutate('member.admin.create', body, {
      cookie,
      origin: 'http://evil.example',
    });
    expect(evil.status).toBe(403);
    const refused = await json<TrpcError & { error: { data: { useOrigin: string } } }>(evil);
    expect(refused.error.data.code).toBe('FORBIDDEN');
    // The refusal names the address that works, so the admin can say so.
    expect(refused.error.data.useOrigin).toBe(server.origin);

    const crossSite = await mutate('member.admin.create', body, {
      cookie,
      'sec-fetch-site': 'cross-site',
    });
    expect(crossSite.status).toBe(403);
    expect(countMembersNamed('Ondskan AB')).toBe(0);
  });

  it('refuses sign-in from another address by naming the address to use, not as bad credentials', async () => {
    const response = await server.fetch('/api/auth/sign-in/email', {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: 'http://127.0.0.1:3000' },
      body: JSON.stringify(ADMIN),
    });
    expect(response.status).toBe(403);
    const body = await json<{ code: string; message: string; useOrigin: string }>(response);
    expect(body.code).toBe('ORIGIN_NOT_ALLOWED');
    expect(body.useOrigin).toBe(server.origin);
    expect(body.message).toContain(server.origin);
    expect(response.headers.getSetCookie().some((c) => c.includes('session_token='))).toBe(false);
  });

  it('refuses a forged session cookie and a wrong password', async () => {
    const forged = `better-auth.session_token=${randomBytes(24).toString('hex')}`;
    const list = await query('member.admin.list', {}, forged);
    expect(list.status).toBe(401);
    const write = await mutate(
      'member.admin.create',
      JSON.stringify({ name: 'Falskt AB', kind: 'company' }),
      { cookie: forged },
    );
    expect(write.status).toBe(401);
    expect(countMembersNamed('Falskt AB')).toBe(0);

    const wrong = await signIn({ email: ADMIN.email, password: 'wrong password entirely' });
    expect(wrong.status).toBe(401);
    expect(
      wrong.headers
        .getSetCookie()
        .some((c) => c.includes('session_token=') && !/Max-Age=0/i.test(c)),
    ).toBe(false);
  });

  it('ends the session on sign-out', async () => {
    const own = await signedInCookie(ADMIN);
    expect((await query('member.admin.list', {}, own)).status).toBe(200);
    const out = await server.fetch('/api/auth/sign-out', {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: server.origin, cookie: own },
      body: '{}',
    });
    expect(out.status).toBe(200);
    const after = await query('member.admin.list', {}, own);
    expect(after.status).toBe(401);
    // The other session is untouched.
    expect((await query('member.admin.list', {}, cookie)).status).toBe(200);
  });

  it('refuses a stale write with 409 and the current version', async () => {
    const id = (
      server.handle.sqlite
        .prepare("SELECT id FROM members WHERE slug = 'lunds-universitet'")
        .get() as { id: number }
    ).id;
    const got = await query('member.admin.get', { id }, cookie);
    expect(got.status).toBe(200);
    const before = (await json<{ result: { data: MemberRecord } }>(got)).result.data;

    const first = await mutate(
      'member.admin.update',
      JSON.stringify({ id, version: before.version, name: `${before.name} (uppdaterad)` }),
      { cookie },
    );
    expect(first.status).toBe(200);
    const updated = (await json<{ result: { data: MemberRecord } }>(first)).result.data;
    expect(updated.version).toBeGreaterThan(before.version);

    const stale = await mutate(
      'member.admin.update',
      JSON.stringify({ id, version: before.version, name: 'Gammal version' }),
      {
        cookie,
      },
    );
    expect(stale.status).toBe(409);
    const error = (await json<TrpcError>(stale)).error;
    expect(error.data.code).toBe('CONFLICT');
    expect(error.data.current?.version).toBe(updated.version);
    expect(countMembersNamed('Gammal version')).toBe(0);
  });

  it('keeps an editor to their own cluster', async () => {
    const editorCookie = await signedInCookie(EDITOR);
    const outside = server.handle.sqlite
      .prepare(
        `SELECT id FROM members WHERE id NOT IN (
           SELECT ms.member_id FROM memberships ms JOIN clusters c ON c.id = ms.cluster_id WHERE c.slug = 'opentech')
         ORDER BY id LIMIT 1`,
      )
      .get() as { id: number };
    const response = await query('member.admin.get', { id: outside.id }, editorCookie);
    expect(response.status).toBe(403);
    expect((await json<TrpcError>(response)).error.data.code).toBe('FORBIDDEN');
  });

  it('answers malformed mutation bodies with 4xx, never 5xx', async () => {
    const before = countMembersNamed('x'.repeat(10));
    const bodies: [string, Record<string, string>][] = [
      ['this is not json', {}],
      ['{"name": "Halv', {}],
      ['[1, 2, 3]', {}],
      ['null', {}],
      ['"just a string"', {}],
      [JSON.stringify({ name: 'x'.repeat(1_000_000), kind: 'company' }), {}],
      [JSON.stringify('x'.repeat(6 * 1024 * 1024)), {}],
      ['plain text', { 'content-type': 'text/plain' }],
    ];
    for (const [body, headers] of bodies) {
      const response = await mutate('member.admin.create', body, { cookie, ...headers });
      expect(response.status, `${body.slice(0, 30)} → ${response.status}`).toBeGreaterThanOrEqual(
        400,
      );
      expect(response.status, `${body.slice(0, 30)} → ${response.status}`).toBeLessThan(500);
    }
    expect(countMembersNamed('x'.repeat(10))).toBe(before);
  });
});
