/**
 * The direct path for plain GET queries (trpc-route.ts) answers exactly as
 * tRPC's own handler does. A request with a `trpc-accept` header that is not
 * the streaming one takes the handler's way and gets the same answer from
 * tRPC, so the two are compared byte for byte: results, errors (not found,
 * bad input, unparsable input), status and the headers tRPC sets.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from './test-server';

let server: TestServer;
let slug = '';

beforeAll(async () => {
  server = await startTestServer({ demo: 40 });
  slug = server.handle.sqlite
    .prepare("SELECT slug FROM members WHERE status = 'published' ORDER BY id LIMIT 1")
    .pluck()
    .get() as string;
}, 60_000);

afterAll(() => server.close());

/** The same request twice: by the direct path, and by tRPC's handler. */
async function both(url: string) {
  const direct = await server.app.inject({ method: 'GET', url });
  const handler = await server.app.inject({
    method: 'GET',
    url,
    // Any value but application/jsonl: tRPC answers as usual, our route leaves it to tRPC.
    headers: { 'trpc-accept': 'application/json' },
  });
  return { direct, handler };
}

const input = (value: unknown) => encodeURIComponent(JSON.stringify(value));

describe('direct GET queries', () => {
  it.each([
    ['a member by slug', () => `/trpc/member.bySlug?input=${input({ slug })}`, 200],
    ['a query without input', () => '/trpc/area.list', 200],
    ['a directory page', () => `/trpc/member.directory?input=${input({ limit: 5 })}`, 200],
    ['an unknown slug', () => `/trpc/member.bySlug?input=${input({ slug: 'no-such' })}`, 404],
    ['invalid input', () => `/trpc/member.bySlug?input=${input({ slug: 42 })}`, 400],
    ['input that is not JSON', () => '/trpc/member.bySlug?input=%7Bslug', 400],
    ['an unknown procedure', () => '/trpc/member.nothing', 404],
    ['a mutation by GET', () => '/trpc/session.updateProfile?input=%7B%7D', 405],
  ])('%s: the same status, body and tRPC headers as the handler', async (_name, url, status) => {
    const { direct, handler } = await both(url());
    expect(direct.statusCode).toBe(status);
    expect(direct.statusCode).toBe(handler.statusCode);
    expect(direct.body).toBe(handler.body);
    for (const name of ['content-type', 'allow'])
      expect(direct.headers[name], name).toBe(handler.headers[name]);
    expect(String(direct.headers.vary)).toContain('trpc-accept, accept');
  });

  it('answers batches through the handler, as before', async () => {
    const response = await server.app.inject({
      method: 'GET',
      url: `/trpc/area.list,member.bySlug?batch=1&input=${input({ 1: { slug } })}`,
    });
    expect(response.statusCode).toBe(200);
    const body = response.json<{ result: { data: unknown } }[]>();
    expect(body).toHaveLength(2);
    expect(body[1]?.result.data).toMatchObject({ slug });
  });
});
