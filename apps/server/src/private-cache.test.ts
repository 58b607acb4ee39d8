/**
 * Caching headers over real HTTP: every answer to a signed-in request (a
 * session cookie or an Authorization header) says `Cache-Control: private,
 * no-store` — tRPC, REST, the admin's routes, the auth routes, 304s and
 * errors — while anonymous answers keep their own caching; and HSTS is sent
 * only when the public origin is https.
 */
import { testImage } from '@cos/api/test-images';
import { createAuth } from '@cos/api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from './app';
import { sessionCookie, trpcQuery } from './reliability/http';
import { PRIVATE_CACHE_CONTROL, securityHeaders } from './security-headers';
import { ADMIN, EDITOR, startTestServer, type TestServer } from './test-server';

let server: TestServer;
let admin: string;
let editor: string;
let image: string;
let memberSlug: string;

beforeAll(async () => {
  server = await startTestServer({ demo: 5 });
  admin = await sessionCookie(server, ADMIN);
  editor = await sessionCookie(server, EDITOR);
  const upload = await server.fetch('/api/admin/images?field=logo', {
    method: 'POST',
    headers: { 'content-type': 'application/octet-stream', cookie: admin, origin: server.origin },
    body: new Uint8Array(await testImage({ width: 200, height: 100 })),
  });
  expect(upload.status).toBe(201);
  const { hash } = (await upload.json()) as { hash: string };
  image = `/media/${hash}-96.webp`;
  memberSlug = server.handle.sqlite
    .prepare("SELECT slug FROM members WHERE status = 'published' LIMIT 1")
    .pluck()
    .get() as string;
}, 60_000);
afterAll(async () => {
  await server.close();
});

const get = (path: string, headers: Record<string, string> = {}) => server.fetch(path, { headers });

async function cacheControl(response: Response): Promise<string | null> {
  await response.arrayBuffer();
  return response.headers.get('cache-control');
}

describe('Cache-Control on signed-in answers', () => {
  it('is private, no-store on tRPC, REST, admin and auth answers to a session cookie', async () => {
    const answers = {
      trpcQuery: await trpcQuery(server, 'session.profile', undefined, admin),
      trpcBatch: await get(`/trpc/session.me,session.profile?batch=1&input=%7B%7D`, {
        cookie: admin,
      }),
      rest: await get(`/api/v1/members/${memberSlug}`, { cookie: admin }),
      export: await get('/api/admin/members/export?format=csv', { cookie: admin }),
      getSession: await get('/api/auth/get-session', { cookie: admin }),
      openApi: await get('/api/openapi.json', { cookie: editor }),
    };
    for (const [name, response] of Object.entries(answers)) {
      expect(response.status, name).toBeLessThan(500);
      expect(await cacheControl(response), name).toBe(PRIVATE_CACHE_CONTROL);
    }
  });

  it('is private, no-store on errors to signed-in requests', async () => {
    const answers = {
      forbidden: await trpcQuery(server, 'user.list', undefined, editor),
      badInput: await trpcQuery(server, 'area.bySlug', { slug: 42 }, admin),
      notFound: await get('/api/v1/members/no-such-member', { cookie: admin }),
      noRoute: await get('/no/such/route', { cookie: admin }),
      closedAuthRoute: await get('/api/auth/list-sessions', { cookie: admin }),
    };
    for (const [name, response] of Object.entries(answers)) {
      expect(response.status, name).toBeGreaterThanOrEqual(400);
      expect(await cacheControl(response), name).toBe(PRIVATE_CACHE_CONTROL);
    }
  });

  it('is private, no-store on a 304 to a signed-in request; an anonymous 304 keeps its caching', async () => {
    const first = await get(image);
    const etag = first.headers.get('etag') ?? '';
    const publicCaching = await cacheControl(first);
    expect(publicCaching).toMatch(/^public/);
    const anonymous = await get(image, { 'if-none-match': etag });
    expect(anonymous.status).toBe(304);
    expect(await cacheControl(anonymous)).toBe(publicCaching);
    const signedIn = await get(image, { 'if-none-match': etag, cookie: admin });
    expect(signedIn.status).toBe(304);
    expect(signedIn.headers.get('etag')).toBe(etag);
    expect(await cacheControl(signedIn)).toBe(PRIVATE_CACHE_CONTROL);
  });

  it('is private, no-store for any Authorization header and for the sign-in answer itself', async () => {
    const bearer = await get(image, { authorization: 'Bearer not-a-real-token' });
    expect(await cacheControl(bearer)).toBe(PRIVATE_CACHE_CONTROL);
    const signIn = await server.fetch('/api/auth/sign-in/email', {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: server.origin },
      body: JSON.stringify(EDITOR),
    });
    expect(signIn.status).toBe(200);
    expect(await cacheControl(signIn)).toBe(PRIVATE_CACHE_CONTROL);
  });

  it('leaves anonymous answers their own caching, also after signed-in requests for the same URL', async () => {
    const path = image;
    const before = await cacheControl(await get(path));
    expect(before).toBe('public, max-age=31536000, immutable');
    expect(await cacheControl(await get(path, { cookie: admin }))).toBe(PRIVATE_CACHE_CONTROL);
    // A cookie that is not a session (some other site's on the same host) is anonymous.
    expect(await cacheControl(await get(path, { cookie: 'theme=dark' }))).toBe(before);
    expect(await cacheControl(await get(path))).toBe(before);
    const query = await trpcQuery(server, 'session.me', undefined);
    expect(query.status).toBe(200);
    expect(await cacheControl(query)).not.toBe(PRIVATE_CACHE_CONTROL);
  });
});

describe('HSTS', () => {
  it('is sent only when the public origin is https', async () => {
    expect(securityHeaders('http://localhost:3000')).not.toHaveProperty(
      'strict-transport-security',
    );
    expect(securityHeaders('https://kluster.example.se')).toMatchObject({
      'strict-transport-security': 'max-age=31536000; includeSubDomains',
    });
    // Over HTTP with an http origin (the test server): no HSTS on any answer.
    for (const response of [await get('/healthz'), await get(image, { cookie: admin })]) {
      await response.arrayBuffer();
      expect(response.headers.get('strict-transport-security')).toBeNull();
    }
    // An app whose public origin is https (TLS ends at a proxy in front) sends it.
    const origin = 'https://kluster.example.se';
    const auth = createAuth(server.handle, {
      baseURL: origin,
      secret: 'test-secret-that-is-at-least-32-characters-long',
    });
    const app = await buildApp({ handle: server.handle, auth, origin });
    try {
      const health = await app.inject({ method: 'GET', url: '/healthz' });
      expect(health.headers['strict-transport-security']).toBe(
        'max-age=31536000; includeSubDomains',
      );
    } finally {
      await app.close();
    }
  });
});
