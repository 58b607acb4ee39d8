/**
 * The response cache: the class on its own (scoped validity, size, TTL), then
 * through the real server — what is stored, what never is, and that no
 * stored answer outlives a write, whether it comes through the API or from
 * another connection (the CLI, another process).
 */
import { get } from 'node:http';
import type { DataScope } from '@cos/api';
import { DATA_SCOPES, openDatabase } from '@cos/db';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { ResponseCache } from './response-cache';
import { ADMIN, cookieHeader, startTestServer, type TestServer } from './test-server';
import type { RestMember } from './wire-types';

describe('ResponseCache', () => {
  const body = (text: string) => Buffer.from(text);
  /** Versions that tests move by hand: every scope at 0 until set. */
  const versions = () => {
    const now: Record<DataScope, number> = Object.fromEntries(
      DATA_SCOPES.map((scope) => [scope, 0]),
    ) as Record<DataScope, number>;
    return now;
  };
  /** A request that read these scopes (none: it counts as reading every scope). */
  const reading = (cache: ResponseCache, scopes: DataScope[] = []) => {
    const reads = cache.begin();
    reads.log.add(scopes);
    return reads;
  };

  it('serves what was stored while nothing changed, with an ETag added', () => {
    const now = versions();
    const cache = new ResponseCache(() => ({ ...now }));
    expect(cache.get('/a')).toBeUndefined();
    const headers = cache.set(
      '/a',
      reading(cache, ['members']),
      { 'content-type': 'application/json', vary: 'x' },
      body('{}'),
    );
    expect(headers.etag).toMatch(/^W\/"/);
    expect(headers).not.toHaveProperty('vary');
    const hit = cache.get('/a');
    expect(hit?.body.toString()).toBe('{}');
    expect(hit?.headers['content-type']).toBe('application/json');
  });

  it('drops an answer when a scope it read moves, and never stores one computed across a write', () => {
    const now = versions();
    const cache = new ResponseCache(() => ({ ...now }));
    cache.set('/members', reading(cache, ['members', 'areas']), {}, body('old'));
    cache.set('/articles', reading(cache, ['articles']), {}, body('news'));
    cache.set('/undescribed', reading(cache), {}, body('all'));
    now.articles++;
    // an article write: the member answer stays, the article one and the undescribed one go
    expect(cache.get('/members')?.body.toString()).toBe('old');
    expect(cache.get('/articles')).toBeUndefined();
    expect(cache.get('/undescribed')).toBeUndefined();
    const started = reading(cache, ['members']);
    now.members++;
    expect(cache.get('/members')).toBeUndefined();
    // computed from the versions before the write but finished after it: unusable
    cache.set('/b', started, {}, body('stale'));
    expect(cache.get('/b')).toBeUndefined();
    expect(cache.size).toBe(0);
  });

  it('keeps within its byte budget, letting the least recently used go', () => {
    const now = versions();
    const cache = new ResponseCache(() => ({ ...now }), { maxBytes: 3000 });
    cache.set('/1', reading(cache), {}, Buffer.alloc(1000));
    cache.set('/2', reading(cache), {}, Buffer.alloc(1000));
    cache.get('/1'); // now /2 is the least recently used
    cache.set('/3', reading(cache), {}, Buffer.alloc(1000));
    expect(cache.get('/2')).toBeUndefined();
    expect(cache.get('/1')).toBeDefined();
    expect(cache.get('/3')).toBeDefined();
  });

  it('forgets an answer after its time to live', async () => {
    const now = versions();
    const cache = new ResponseCache(() => ({ ...now }), { ttlMs: 20 });
    cache.set('/a', reading(cache), {}, body('x'));
    expect(cache.get('/a')).toBeDefined();
    await vi.waitFor(() => expect(cache.get('/a')).toBeUndefined(), { timeout: 2000 });
  });
});

describe('the response cache in the server', () => {
  let server: TestServer;
  let slug: string;

  beforeAll(async () => {
    server = await startTestServer({ demo: 20 });
    slug = (
      server.handle.sqlite
        .prepare("SELECT slug FROM members WHERE status = 'published' ORDER BY id LIMIT 1")
        .get() as { slug: string }
    ).slug;
  }, 60_000);

  afterAll(async () => {
    await server.close();
  });

  const memberName = async (path: string, init?: RequestInit) => {
    const response = await server.fetch(path, init);
    expect(response.status).toBe(200);
    return { response, name: ((await response.json()) as RestMember).name };
  };

  it('answers a repeated anonymous read from the cache, with the same bytes and headers', async () => {
    const path = `/api/v1/members/${slug}`;
    const first = await server.fetch(path);
    const firstBody = await first.text();
    expect(first.headers.get('x-cache')).toBeNull();
    const second = await server.fetch(path);
    expect(second.headers.get('x-cache')).toBe('hit');
    expect(await second.text()).toBe(firstBody);
    expect(second.headers.get('etag')).toBe(first.headers.get('etag'));
    expect(second.headers.get('content-type')).toBe(first.headers.get('content-type'));
    // security headers are set per request, so a stored answer has them too
    expect(second.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(second.headers.get('x-content-type-options')).toBe('nosniff');

    // (node:http, because fetch adds Cache-Control: no-cache to conditional requests)
    const revalidated = await new Promise<{ status?: number; body: string }>((resolve, reject) => {
      get(
        `${server.baseUrl}${path}`,
        { headers: { 'if-none-match': first.headers.get('etag') ?? '' } },
        (response) => {
          let text = '';
          response.on('data', (chunk: Buffer) => (text += chunk.toString()));
          response.on('end', () => resolve({ status: response.statusCode, body: text }));
        },
      ).on('error', reject);
    });
    expect(revalidated).toEqual({ status: 304, body: '' });
    // fetch's conditional request says no-cache: computed again, and still 304 when it matches
    const computed = await server.fetch(path, {
      headers: { 'if-none-match': first.headers.get('etag') ?? '' },
    });
    expect(computed.status).toBe(304);
    expect(computed.headers.get('x-cache')).toBeNull();
    expect(computed.headers.get('etag')).toBe(first.headers.get('etag'));
  });

  it('stores public tRPC queries (the web Response is read once and kept)', async () => {
    const path = `/trpc/member.bySlug?input=${encodeURIComponent(JSON.stringify({ slug }))}`;
    const first = await server.fetch(path);
    expect(first.status).toBe(200);
    const text = await first.text();
    const second = await server.fetch(path);
    expect(second.headers.get('x-cache')).toBe('hit');
    expect(await second.text()).toBe(text);
    expect(JSON.parse(text)).toMatchObject({ result: { data: { slug } } });
  });

  it('never answers from the cache with a cookie, after no-cache, or with an error', async () => {
    const path = `/api/v1/members/${slug}`;
    await server.fetch(path);
    expect((await server.fetch(path)).headers.get('x-cache')).toBe('hit');
    const withCookie = await server.fetch(path, { headers: { cookie: 'a=b' } });
    expect(withCookie.headers.get('x-cache')).toBeNull();
    const noCache = await server.fetch(path, { headers: { 'cache-control': 'no-cache' } });
    expect(noCache.headers.get('x-cache')).toBeNull();

    const missing = '/api/v1/members/no-such-member-anywhere';
    expect((await server.fetch(missing)).status).toBe(404);
    const again = await server.fetch(missing);
    expect(again.status).toBe(404);
    expect(again.headers.get('x-cache')).toBeNull();
  });

  it('shows a commit by another connection at once', async () => {
    const path = `/api/v1/members/${slug}`;
    const { name: before } = await memberName(path);
    expect((await server.fetch(path)).headers.get('x-cache')).toBe('hit');

    const other = openDatabase({ url: server.handle.path });
    try {
      other.sqlite.prepare('UPDATE members SET name = ? WHERE slug = ?').run(`${before} AB`, slug);
    } finally {
      other.close();
    }
    const { response, name } = await memberName(path);
    expect(name).toBe(`${before} AB`);
    expect(response.headers.get('x-cache')).toBeNull();
  });

  it('shows an update through the admin API to the next anonymous visitor', async () => {
    const path = `/api/v1/members/${slug}`;
    await memberName(path);
    expect((await server.fetch(path)).headers.get('x-cache')).toBe('hit');

    const signIn = await server.fetch('/api/auth/sign-in/email', {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: server.origin },
      body: JSON.stringify(ADMIN),
    });
    expect(signIn.status).toBe(200);
    const cookie = cookieHeader(signIn);
    const { id, version } = server.handle.sqlite
      .prepare('SELECT id, version FROM members WHERE slug = ?')
      .get(slug) as { id: number; version: number };
    const update = await server.fetch('/trpc/member.admin.update', {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: server.origin, cookie },
      body: JSON.stringify({ id, version, name: 'Renamed Through The Admin' }),
    });
    expect(update.status).toBe(200);

    const { response, name } = await memberName(path);
    expect(name).toBe('Renamed Through The Admin');
    expect(response.headers.get('x-cache')).toBeNull();
  });
});
