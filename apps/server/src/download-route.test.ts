/**
 * The register downloads over real HTTP (download-route.ts): made once per
 * data generation and served from that file (the same ETag and
 * Last-Modified until a write), compressed once (brotli and gzip give the
 * very same bytes back), 304 for a client that has them, a per-address limit
 * (429 with Retry-After, in the visitor's language), and a flood that leaves
 * /healthz and an admin's writes answering.
 */
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { probeWhileAbused } from './abuse-support';
import { chooseEncoding } from './download-route';
import { sessionCookie, trpcMutation, trpcQuery } from './reliability/http';
import { ADMIN, startTestServer, type TestServer } from './test-server';

/** A raw request (fetch would decompress what it asked for): the bytes as sent. */
async function rawGet(server: TestServer, path: string, headers: Record<string, string> = {}) {
  const response = await server.app.inject({ method: 'GET', url: path, headers });
  return response;
}

describe('choosing the encoding', () => {
  it('takes the highest q among br, gzip and identity', () => {
    expect(chooseEncoding(undefined)).toBe('identity');
    expect(chooseEncoding('gzip, deflate, br')).toBe('br');
    expect(chooseEncoding('gzip')).toBe('gzip');
    expect(chooseEncoding('br;q=0.5, gzip;q=0.9')).toBe('gzip');
    expect(chooseEncoding('*')).toBe('br');
    expect(chooseEncoding('br;q=0, gzip;q=0')).toBe('identity');
    expect(chooseEncoding('deflate')).toBe('identity');
  });
});

describe('a register download', () => {
  let server: TestServer;
  let cookie = '';
  beforeAll(async () => {
    server = await startTestServer({
      demo: 300,
      downloadLimits: { atOnce: 100, perMinute: 1_000 },
    });
    cookie = await sessionCookie(server, ADMIN);
  }, 60_000);
  afterAll(() => server.close());

  it('is made once per data generation and served from that file until a write', async () => {
    const first = await rawGet(server, '/api/v1/members.csv');
    expect(first.statusCode).toBe(200);
    const etag = first.headers.etag;
    const madeAt = first.headers['last-modified'];
    expect(etag).toMatch(/^"[0-9a-f]{32}"$/);
    expect(first.headers['content-length']).toBe(String(first.rawPayload.byteLength));

    const again = await rawGet(server, '/api/v1/members.csv');
    expect(again.headers.etag).toBe(etag);
    expect(again.headers['last-modified']).toBe(madeAt);
    expect(again.rawPayload.equals(first.rawPayload)).toBe(true);

    // A client holding it gets 304, no body.
    const notModified = await rawGet(server, '/api/v1/members.csv', {
      'if-none-match': etag ?? '',
    });
    expect(notModified.statusCode).toBe(304);
    expect(notModified.rawPayload.byteLength).toBe(0);

    // A write: the next download is made anew and has the change.
    const [row] = server.handle.sqlite
      .prepare("SELECT id, version FROM members WHERE status = 'published' ORDER BY id LIMIT 1")
      .all() as { id: number; version: number }[];
    if (!row) throw new Error('no published member');
    const written = await trpcMutation(
      server,
      'member.admin.update',
      JSON.stringify({ id: row.id, version: row.version, name: 'Nyskriven Nedladdning AB' }),
      cookie,
    );
    expect(written.status).toBe(200);
    const after = await rawGet(server, '/api/v1/members.csv');
    expect(after.headers.etag).not.toBe(etag);
    expect(after.rawPayload.toString('utf8')).toContain('Nyskriven Nedladdning AB');
  });

  it('comes compressed as asked, the same bytes once decompressed', async () => {
    const plain = await rawGet(server, '/api/v1/members.json');
    const br = await rawGet(server, '/api/v1/members.json', { 'accept-encoding': 'gzip, br' });
    const gz = await rawGet(server, '/api/v1/members.json', { 'accept-encoding': 'gzip' });
    expect(br.headers['content-encoding']).toBe('br');
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(br.headers.vary).toMatch(/accept-encoding/i);
    expect(br.headers.etag).toBe(`${String(plain.headers.etag).slice(0, -1)}-br"`);
    expect(br.rawPayload.byteLength).toBeLessThan(plain.rawPayload.byteLength / 3);
    expect(brotliDecompressSync(br.rawPayload).equals(plain.rawPayload)).toBe(true);
    expect(gunzipSync(gz.rawPayload).equals(plain.rawPayload)).toBe(true);
    // Through fetch, as a browser would: the JSON reads as the rows.
    const rows = (await (await server.fetch('/api/v1/members.json')).json()) as unknown[];
    expect(rows.length).toBeGreaterThan(0);
  });

  it('keeps one file per set of filters, however the query string orders them', async () => {
    const a = await rawGet(server, '/api/v1/members.csv?area=tech&kind=company&area=food');
    const b = await rawGet(server, '/api/v1/members.csv?kind=company&area=food&area=tech');
    expect(a.statusCode).toBe(200);
    expect(b.headers.etag).toBe(a.headers.etag);
    expect(b.headers['last-modified']).toBe(a.headers['last-modified']);
  });
});

describe('downloads from one address', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ demo: 300, downloadLimits: { atOnce: 2, perMinute: 6 } });
  }, 60_000);
  afterAll(() => server.close());

  it('are refused past the limit with 429, Retry-After and the reason in Swedish or English', async () => {
    // 16 at once: two are answered, the rest are told to come back.
    const parallel = await Promise.all(
      Array.from({ length: 16 }, () =>
        server.fetch('/api/v1/members.csv', { headers: { 'accept-language': 'sv' } }),
      ),
    );
    const statuses = parallel.map((r) => r.status).sort();
    expect(statuses.filter((s) => s === 200)).toHaveLength(2);
    expect(statuses.filter((s) => s === 429)).toHaveLength(14);
    const refused = parallel.find((r) => r.status === 429);
    expect(Number(refused?.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    const body = (await refused?.json()) as { messageCode: string; message: string };
    expect(body.messageCode).toBe('download.tooMany');
    expect(body.message).toMatch(
      /^För många nedladdningar från din adress; försök igen om \d+ sekunder$/,
    );
    await Promise.all(parallel.map((r) => r.arrayBuffer().catch(() => undefined)));

    // One after the other: six a minute, then 429 until a turn has come back.
    const sequential: number[] = [];
    for (let i = 0; i < 6; i++) {
      const response = await server.fetch('/api/v1/members.json');
      await response.arrayBuffer();
      sequential.push(response.status);
    }
    expect(sequential.filter((s) => s === 429).length).toBeGreaterThan(0);
    const last = await server.fetch('/api/v1/members.json');
    expect(last.status).toBe(429);
    expect(((await last.json()) as { message: string }).message).toMatch(/^Too many downloads/);
  });
});

describe('a flood of downloads', () => {
  let server: TestServer;
  let cookie = '';
  beforeAll(async () => {
    // Limits out of the way: every download of the flood is really served.
    server = await startTestServer({
      demo: 20_000,
      downloadLimits: { atOnce: 1_000, perMinute: 1_000_000 },
    });
    cookie = await sessionCookie(server, ADMIN);
  }, 120_000);
  afterAll(() => server.close());

  it('leaves /healthz and an admin write answering while it goes on', async () => {
    const [row] = server.handle.sqlite
      .prepare("SELECT id FROM members WHERE status = 'published' ORDER BY id LIMIT 1")
      .all() as { id: number }[];
    if (!row) throw new Error('no published member');
    let n = 0;
    const flood = await probeWhileAbused({
      connections: 16,
      abuse: async () => {
        const response = await server.fetch(
          n++ % 2 ? '/api/v1/members.csv' : '/api/v1/members.json',
        );
        await response.arrayBuffer();
        return response.status;
      },
      // Alternately the health check and an admin's save (which also moves the generation, so
      // the flood keeps having new files made).
      probe: async () => {
        if (n % 2) return (await server.fetch('/healthz')).status;
        const read = await trpcQuery(server, 'member.admin.get', { id: row.id }, cookie);
        const { version } = ((await read.json()) as { result: { data: { version: number } } })
          .result.data;
        const written = await trpcMutation(
          server,
          'member.admin.update',
          JSON.stringify({ id: row.id, version, name: `Flodtest ${n} AB` }),
          cookie,
        );
        await written.arrayBuffer();
        return written.status;
      },
      probes: 6,
    });
    expect(flood.probes.length).toBeGreaterThanOrEqual(6);
    expect(new Set(flood.probes)).toEqual(new Set([200]));
    expect(flood.abuseDuring).toBeGreaterThan(0);
    expect([...flood.abuseStatuses.keys()]).toEqual([200]);
  }, 180_000);
});
