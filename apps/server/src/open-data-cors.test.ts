/**
 * CORS over real HTTP: another site's script may read the open data (and
 * its OpenAPI document), with a preflight for reads only, while /trpc, the
 * auth routes, the admin and the pages stay same-origin.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from './test-server';

const ELSEWHERE = 'https://kommun.example.org';
let server: TestServer;

beforeAll(async () => {
  server = await startTestServer({ demo: 3 });
});
afterAll(async () => {
  await server.close();
});

const fromElsewhere = (pathname: string, init: RequestInit = {}) =>
  server.fetch(pathname, { ...init, headers: { origin: ELSEWHERE, ...init.headers } });

describe('open data for other sites', () => {
  it.each([
    '/api/v1/areas',
    '/api/v1/clusters',
    '/api/v1/members?limit=2',
    '/api/v1/members.csv',
    '/api/v1/members.json',
    '/api/openapi.json',
  ])('%s may be read from another origin', async (pathname) => {
    const response = await fromElsewhere(pathname);
    expect(response.status).toBe(200);
    expect(response.headers.get('access-control-allow-origin')).toBe('*');
    expect(response.headers.get('cross-origin-resource-policy')).toBe('cross-origin');
    expect(response.headers.get('access-control-expose-headers')).toMatch(/ETag/);
    // Never credentials with a wildcard: a browser would then refuse the answer.
    expect(response.headers.get('access-control-allow-credentials')).toBeNull();
    await response.arrayBuffer();
  });

  it('says so on errors too, so another site can read why', async () => {
    const response = await fromElsewhere('/api/v1/members/no-such-member');
    expect(response.status).toBe(404);
    expect(response.headers.get('access-control-allow-origin')).toBe('*');
    await response.arrayBuffer();
  });

  it('answers a preflight for a read with the headers asked for', async () => {
    const response = await fromElsewhere('/api/v1/members', {
      method: 'OPTIONS',
      headers: {
        'access-control-request-method': 'GET',
        'access-control-request-headers': 'if-none-match',
      },
    });
    expect(response.status).toBe(204);
    expect(response.headers.get('access-control-allow-origin')).toBe('*');
    expect(response.headers.get('access-control-allow-methods')).toBe('GET, HEAD');
    expect(response.headers.get('access-control-allow-headers')).toBe('if-none-match');
  });

  it('gives a preflight for a write no permission', async () => {
    const response = await fromElsewhere('/api/v1/members', {
      method: 'OPTIONS',
      headers: { 'access-control-request-method': 'POST' },
    });
    expect(response.status).toBe(204);
    expect(response.headers.get('access-control-allow-origin')).toBeNull();
    expect(response.headers.get('access-control-allow-methods')).toBeNull();
  });

  it.each(['/trpc/area.list', '/api/auth/get-session', '/admin/', '/medlemmar', '/'])(
    '%s stays same-origin',
    async (pathname) => {
      const response = await fromElsewhere(pathname);
      expect(response.headers.get('access-control-allow-origin')).toBeNull();
      expect(response.headers.get('cross-origin-resource-policy')).toBe('same-origin');
      await response.arrayBuffer();
    },
  );
});
