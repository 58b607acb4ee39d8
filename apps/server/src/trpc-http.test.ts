/**
 * tRPC, sign-in and cross-site protection over real HTTP: a temp SQLite file
 * with 200 demo members, the Fastify app on a free port, and global fetch —
 * public and admin queries, batches, sessions, CSRF, stale writes, editor
 * scope and bad bodies. The sign-in rate limit is tested in rate-limit.test.ts:
 * better-auth's memory store is one Map per process, shared by every auth
 * instance, so it needs a process (test file) of its own. This file signs in
 * 4 times, under the default 10.
 */
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { httpTestClient, json } from './http-test-client';
import { ADMIN, EDITOR, cookieHeader, startTestServer, type TestServer } from './test-server';
import type { AuthRefusal, Outputs, TrpcErrorBody, TrpcResult } from './wire-types';

let server: TestServer;

beforeAll(async () => {
  server = await startTestServer({ demo: 200 });
}, 60_000);

afterAll(async () => {
  await server.close();
});

const { signIn, signedInCookie, mutate, query, countMembersNamed } = httpTestClient(() => server);

describe('tRPC over HTTP', () => {
  it('serves public queries and refuses admin ones without a session', async () => {
    const areas = await query('area.list', undefined);
    expect(areas.status).toBe(200);
    expect((await json<TrpcResult<Outputs['area']['list']>>(areas)).result.data).toHaveLength(6);

    const admin = await query('member.admin.list', {});
    expect(admin.status).toBe(401);
    expect((await json<TrpcErrorBody>(admin)).error.data.code).toBe('UNAUTHORIZED');
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
    const { member } = (await json<TrpcResult<Outputs['member']['admin']['create']>>(response))
      .result.data;
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
    const refused = await json<TrpcErrorBody>(evil);
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
    const body = await json<AuthRefusal>(response);
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
    const before = (await json<TrpcResult<Outputs['member']['admin']['get']>>(got)).result.data;

    const first = await mutate(
      'member.admin.update',
      JSON.stringify({ id, version: before.version, name: `${before.name} (uppdaterad)` }),
      { cookie },
    );
    expect(first.status).toBe(200);
    const updated = (await json<TrpcResult<Outputs['member']['admin']['update']>>(first)).result
      .data;
    expect(updated.version).toBeGreaterThan(before.version);

    const stale = await mutate(
      'member.admin.update',
      JSON.stringify({ id, version: before.version, name: 'Gammal version' }),
      {
        cookie,
      },
    );
    expect(stale.status).toBe(409);
    const error = (await json<TrpcErrorBody>(stale)).error;
    expect(error.data.code).toBe('CONFLICT');
    // The wire carries the current record of whichever entity conflicted: here a member.
    const current = error.data.current as Outputs['member']['admin']['get'] | undefined;
    expect(current?.version).toBe(updated.version);
    // …and who saved that version, by name and role (never an e-mail address), and when.
    const savedBy = (error.data as { savedBy?: { name: string; role: string; at: string } })
      .savedBy;
    expect(savedBy).toMatchObject({ name: 'Ada Admin', role: 'admin' });
    expect(Number.isNaN(Date.parse(savedBy?.at ?? ''))).toBe(false);
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
    expect((await json<TrpcErrorBody>(response)).error.data.code).toBe('FORBIDDEN');
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
