/**
 * The development loop: under `pnpm dev` the admin runs on Vite's dev server
 * (http://localhost:5173) and the site on `astro dev` (http://localhost:4321),
 * both proxying /trpc and /api here with the browser's Origin unchanged. With
 * NODE_ENV=development those origins may sign in and write; any other origin
 * is still refused, and the refusal names the address to use.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { allowedOrigins, DEV_SERVER_ORIGINS } from './config';
import { ADMIN, cookieHeader, startTestServer, TEST_ORIGIN, type TestServer } from './test-server';
import type { AuthRefusal } from './wire-types';

const VITE = DEV_SERVER_ORIGINS[0];
let server: TestServer;

beforeAll(async () => {
  server = await startTestServer({
    allowedOrigins: allowedOrigins(TEST_ORIGIN, { NODE_ENV: 'development' }),
  });
}, 60_000);

afterAll(async () => {
  await server.close();
});

function signInFrom(origin: string): Promise<Response> {
  return server.fetch('/api/auth/sign-in/email', {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin },
    body: JSON.stringify(ADMIN),
  });
}

const areaCount = () =>
  (server.handle.sqlite.prepare('SELECT count(*) AS n FROM areas').get() as { n: number }).n;

describe('in development', () => {
  it("signs in and saves from the admin's Vite dev server", async () => {
    const signedIn = await signInFrom(VITE);
    expect(signedIn.status).toBe(200);
    const cookie = cookieHeader(signedIn);
    expect(cookie).toMatch(/session_token=/);

    const before = areaCount();
    const created = await server.fetch('/trpc/area.admin.create', {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: VITE, cookie },
      body: JSON.stringify({
        slug: 'dev-loop',
        name: { sv: 'Utvecklingsslinga', en: 'Development loop' },
        summary: { sv: 'Prov', en: 'Test' },
        sortOrder: 99,
      }),
    });
    expect(created.status, await created.clone().text()).toBe(200);
    expect(areaCount()).toBe(before + 1);
  });

  it('still refuses any other origin, naming the address to use', async () => {
    const refused = await signInFrom('http://localhost:5174');
    expect(refused.status).toBe(403);
    expect(((await refused.json()) as AuthRefusal).useOrigin).toBe(TEST_ORIGIN);
  });
});
