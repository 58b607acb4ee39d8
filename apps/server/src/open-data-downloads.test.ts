import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseCsv, startTestServer, type TestServer } from './test-server';
import type { RestDirectory, RestDownloadRow, RestError } from './wire-types';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({ demo: 60 });
});
afterAll(() => server.close());

describe('open-data downloads', () => {
  it('members.json is every published member matching the filters, the same rows as members.csv', async () => {
    const query = 'area=tech&municipality=1280&municipality=1281';
    const response = await server.fetch(`/api/v1/members.json?${query}`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/application\/json/);
    expect(response.headers.get('content-disposition')).toMatch(/attachment; filename=".*\.json"/);
    const rows = (await response.json()) as RestDownloadRow[];
    const page = (await (
      await server.fetch(`/api/v1/members?${query}&limit=1`)
    ).json()) as RestDirectory;
    expect(rows).toHaveLength(page.total);
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) {
      expect(['1280', '1281']).toContain(row.municipality_code);
      expect(row.outside_skane).toBe(false);
      expect(row.areas?.split(';')).toContain('tech');
    }
    const csv = parseCsv(
      (await (await server.fetch(`/api/v1/members.csv?${query}`)).text()).replace(/^\uFEFF/, ''),
    );
    const slugColumn = csv[0]?.indexOf('slug') ?? -1;
    expect(csv.slice(1).map((r) => r[slugColumn])).toEqual(rows.map((r) => r.slug));
  });

  it('refuses a bad filter with 400 naming it, and is described in the OpenAPI document', async () => {
    const bad = await server.fetch('/api/v1/members.json?kind=rocket');
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as RestError).message).toMatch(/^kind/);
    const doc = (await (await server.fetch('/api/openapi.json')).json()) as {
      paths: Record<string, unknown>;
    };
    expect(Object.keys(doc.paths)).toContain('/api/v1/members.json');
  });
});

describe('demo members in open data', () => {
  const demoCount = () =>
    server.handle.sqlite
      .prepare("SELECT count(*) FROM members WHERE is_demo = 1 AND status = 'published'")
      .pluck()
      .get() as number;
  const realCount = () =>
    server.handle.sqlite
      .prepare("SELECT count(*) FROM members WHERE is_demo = 0 AND status = 'published'")
      .pluck()
      .get() as number;

  it.each(['json', 'csv'])(
    'members.%s leaves them out, and ?demo=include is its own stored file with them in',
    async (format) => {
      expect(demoCount()).toBeGreaterThan(0);
      const rows = async (query: string) => {
        const response = await server.fetch(`/api/v1/members.${format}${query}`);
        expect(response.status).toBe(200);
        const text = await response.text();
        const etag = response.headers.get('etag');
        const n =
          format === 'json'
            ? (JSON.parse(text) as unknown[]).length
            : parseCsv(text.replace(/^\uFEFF/, '')).length - 1;
        return { n, etag };
      };
      const plain = await rows('');
      const included = await rows('?demo=include');
      expect(plain.n).toBe(realCount());
      expect(included.n).toBe(realCount() + demoCount());
      expect(included.etag).not.toBe(plain.etag);
      // The same variant again is the same stored file.
      expect((await rows('?demo=exclude')).etag).toBe(plain.etag);
    },
  );

  it('the REST list leaves them out too; an unknown value is refused naming the field', async () => {
    const plain = (await (await server.fetch('/api/v1/members?limit=1')).json()) as RestDirectory;
    const included = (await (
      await server.fetch('/api/v1/members?limit=1&demo=include')
    ).json()) as RestDirectory;
    expect(plain.total).toBe(realCount());
    expect(included.total).toBe(realCount() + demoCount());
    const bad = await server.fetch('/api/v1/members.csv?demo=yes');
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as RestError).message).toMatch(/^demo: .*exclude, include/);
  });
});

describe('a download in progress', () => {
  // Enough rows (~6 MB of CSV) that the client is still reading while the test writes.
  let big: TestServer;
  beforeAll(async () => {
    big = await startTestServer({ demo: 20_000 });
  }, 60_000);
  afterAll(() => big.close());

  const write = () => {
    const { sqlite } = big.handle;
    sqlite.transaction(() => {
      sqlite.prepare("UPDATE members SET name = name || '' WHERE id = 1").run();
    })();
  };

  // The file is made by the download worker on a connection of its own, and then streamed from
  // disk: no statement of the server's connection stays open while a client reads slowly.
  it('does not hold up writes, and a download given up halfway leaves nothing open', async () => {
    // With the demo members (asked for): enough rows that the client is still reading.
    for (const path of ['/api/v1/members.csv?demo=include', '/api/v1/members.json?demo=include']) {
      const response = await big.fetch(path);
      expect(response.status).toBe(200);
      const reader = response.body?.getReader();
      if (!reader) throw new Error('no body');
      expect((await reader.read()).done).toBe(false);
      expect(write).not.toThrow();
      await reader.cancel();
      expect(write).not.toThrow();
    }
    // Given up halfway, the address's turns come back (when the server sees the sockets close):
    // two at once are answered again.
    let whole = '';
    await expect
      .poll(
        async () => {
          const pair = await Promise.all([
            big.fetch('/api/v1/members.csv?demo=include'),
            big.fetch('/api/v1/members.csv?demo=include'),
          ]);
          const texts = await Promise.all(pair.map((r) => r.text()));
          whole = texts[0] ?? '';
          return pair.map((r) => r.status);
        },
        { timeout: 10_000 },
      )
      .toEqual([200, 200]);
    const published = big.handle.sqlite
      .prepare("SELECT count(*) FROM members WHERE status = 'published'")
      .pluck()
      .get() as number;
    expect(parseCsv(whole.replace(/^\uFEFF/, ''))).toHaveLength(published + 1);
  }, 60_000);
});
