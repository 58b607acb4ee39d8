/**
 * The bounds on one tRPC request over real HTTP (trpc-limits.ts): procedures
 * per batch, URL length, body size and depth, the anonymous answer's size —
 * each refusal a 4xx in tRPC's error shape that does not echo the request —
 * and the clients' batch link splitting by the same numbers, so the admin
 * never meets a refusal.
 */
import type { AppRouter } from '@cos/api';
import { TRPC_BATCH_LIMITS } from '@cos/domain';
import { createTRPCClient, httpBatchLink } from '@trpc/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { probeWhileAbused } from './abuse-support';
import { sessionCookie } from './reliability/http';
import { ADMIN, startTestServer, type TestServer } from './test-server';
import { TRPC_ANONYMOUS_ANSWER_LIMIT, TRPC_BODY_LIMIT, TRPC_MAX_URL } from './trpc-limits';
import type { TrpcErrorBody } from './wire-types';

let server: TestServer;
let adminCookie = '';
/** The procedures and URL length of every /trpc request the server received. */
const received: { procedures: number; urlLength: number }[] = [];

beforeAll(async () => {
  server = await startTestServer({ demo: 400 });
  // A second listener on the Node server sees every request as it arrives.
  server.app.server.on('request', (request: { url?: string }) => {
    const url = request.url ?? '';
    if (!url.startsWith('/trpc/')) return;
    const path = url.slice('/trpc/'.length).split('?')[0] ?? '';
    received.push({
      procedures: decodeURIComponent(path).split(',').length,
      urlLength: url.length,
    });
  });
  adminCookie = await sessionCookie(server, ADMIN);
}, 60_000);
afterAll(() => server?.close());

const MAX = TRPC_BATCH_LIMITS.maxItems;

/** A GET batch of `count` directory queries, the i-th asking for page i+1 of 100. */
function directoryBatch(count: number, marker = 'p'): string {
  const paths = Array.from({ length: count }, () => 'member.directory').join(',');
  const inputs = Object.fromEntries(
    Array.from({ length: count }, (_, i) => [i, { limit: 100, page: (i % 4) + 1, q: undefined }]),
  );
  return `/trpc/${paths}?batch=1&marker=${marker}&input=${encodeURIComponent(JSON.stringify(inputs))}`;
}

async function refusalOf(response: Response) {
  const text = await response.text();
  return { text, body: JSON.parse(text) as TrpcErrorBody };
}

describe('a tRPC batch', () => {
  it(`of ${MAX} procedures is answered, of ${MAX + 1} refused as 400 without echoing it`, async () => {
    const ok = await server.fetch(directoryBatch(MAX), { headers: { cookie: adminCookie } });
    expect(ok.status).toBe(200);
    expect((await ok.json()) as unknown[]).toHaveLength(MAX);

    const paths = Array.from({ length: MAX + 1 }, (_, i) => `member.bySlug${i}`).join(',');
    const input = encodeURIComponent(JSON.stringify({ 0: { slug: 'secret-input-value' } }));
    const refused = await server.fetch(`/trpc/${paths}?batch=1&input=${input}`);
    expect(refused.status).toBe(400);
    const { text, body } = await refusalOf(refused);
    expect(body.error.data.code).toBe('BAD_REQUEST');
    expect(body.error.data.messageCode).toBe('request.batchTooLarge');
    expect(body.error.message).toBe(`At most ${MAX} calls in one request`);
    expect(text).not.toContain('bySlug');
    expect(text).not.toContain('secret-input-value');
  });

  it('is refused in Swedish when the visitor asks for Swedish', async () => {
    const paths = Array.from({ length: MAX + 1 }, () => 'area.list').join(',');
    const refused = await server.fetch(`/trpc/${paths}?batch=1`, {
      headers: { 'accept-language': 'sv-SE,sv;q=0.9,en;q=0.8' },
    });
    expect(refused.status).toBe(400);
    expect((await refusalOf(refused)).body.error.message).toBe(
      `Högst ${MAX} anrop i en och samma begäran`,
    );
  });

  it('with a URL over the bound is 414, a body over the bound 413, deep JSON 400', async () => {
    const long = await server.fetch(
      `/trpc/member.directory?input=${encodeURIComponent(JSON.stringify({ q: 'x'.repeat(TRPC_MAX_URL) }))}`,
    );
    expect(long.status).toBe(414);
    expect((await refusalOf(long)).text).not.toContain('xxxx');

    const big = await server.fetch('/trpc/member.admin.create', {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: server.origin, cookie: adminCookie },
      body: JSON.stringify({ name: 'y'.repeat(TRPC_BODY_LIMIT) }),
    });
    expect(big.status).toBe(413);
    const bigBody = await refusalOf(big);
    expect(bigBody.body.error.data.code).toBe('PAYLOAD_TOO_LARGE');
    expect(bigBody.text).not.toContain('yyyy');

    const deepInput = encodeURIComponent('['.repeat(500) + ']'.repeat(500));
    const deepGet = await server.fetch(`/trpc/member.directory?input=${deepInput}`);
    expect(deepGet.status).toBe(400);
    expect((await refusalOf(deepGet)).body.error.data.messageCode).toBe('request.tooDeep');

    const deepPost = await server.fetch('/trpc/member.admin.create', {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: server.origin, cookie: adminCookie },
      body: '{"name":'.repeat(50_000) + '1' + '}'.repeat(50_000),
    });
    expect(deepPost.status).toBe(400);
    expect((await refusalOf(deepPost)).body.error.data.messageCode).toBe('request.tooDeep');
  });

  it('whose anonymous answer would exceed the bound is 413; signed in it is answered', async () => {
    const url = directoryBatch(MAX, 'anonymous');
    const signedIn = await server.fetch(url, { headers: { cookie: adminCookie } });
    expect(signedIn.status).toBe(200);
    expect((await signedIn.arrayBuffer()).byteLength).toBeGreaterThan(TRPC_ANONYMOUS_ANSWER_LIMIT);

    const anonymous = await server.fetch(url);
    expect(anonymous.status).toBe(413);
    const { text, body } = await refusalOf(anonymous);
    expect(body.error.data.messageCode).toBe('request.answerTooLarge');
    expect(text).not.toContain('member.directory');
    // Not stored by the response cache either: asked again, it is refused again.
    const again = await server.fetch(url);
    expect(again.status).toBe(413);
    expect(again.headers.get('x-cache')).toBeNull();
  });
});

describe('the clients', () => {
  it('split many calls at once into batches the server accepts', async () => {
    // The admin's and the site's link options: TRPC_BATCH_LIMITS (apps/admin/src/lib/api.ts).
    const client = createTRPCClient<AppRouter>({
      links: [
        httpBatchLink({
          url: `${server.baseUrl}/trpc`,
          headers: { cookie: adminCookie },
          ...TRPC_BATCH_LIMITS,
        }),
      ],
    });
    received.length = 0;
    // 45 lookups in one tick (as an import's duplicate check does), some with long inputs.
    const results = await Promise.all(
      Array.from({ length: 45 }, (_, i) =>
        client.member.directory.query({
          limit: 1,
          q: i % 3 === 0 ? `sök ${'å'.repeat(90)}` : undefined,
        }),
      ),
    );
    expect(results).toHaveLength(45);
    expect(received.length).toBeGreaterThanOrEqual(3);
    for (const request of received) {
      expect(request.procedures).toBeLessThanOrEqual(MAX);
      expect(request.urlLength).toBeLessThanOrEqual(TRPC_BATCH_LIMITS.maxURLLength);
    }
  });
});

describe('a flood of the largest batches', () => {
  it('leaves /healthz answering while it goes on', async () => {
    let n = 0;
    const flood = await probeWhileAbused({
      connections: 16,
      abuse: async () => {
        // Distinct URLs, so every batch is computed (none comes from the response cache).
        n += 1;
        const response = await server.fetch(directoryBatch(MAX, `flood${n}`));
        await response.arrayBuffer();
        return response.status;
      },
      probe: async () => (await server.fetch('/healthz')).status,
      probes: 5,
    });
    expect(flood.probes.length).toBeGreaterThanOrEqual(5);
    expect(new Set(flood.probes)).toEqual(new Set([200]));
    expect(flood.abuseDuring).toBeGreaterThan(0);
    // Every batch was answered or refused for its size: nothing failed.
    expect([...flood.abuseStatuses.keys()].every((s) => s === 200 || s === 413)).toBe(true);
  }, 120_000);
});
