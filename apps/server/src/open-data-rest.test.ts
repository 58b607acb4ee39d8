/**
 * The open-data REST routes over real HTTP: a temp SQLite file with 200 demo
 * members, the Fastify app on a free port, and global fetch — the health
 * answer and its security headers, the lists, filters, bad parameters, one
 * member and the CSV export. The OpenAPI document is checked in openapi.test.ts.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { json } from './http-test-client';
import { parseCsv, startTestServer, type TestServer } from './test-server';
import type { RestAreas, RestClusters, RestDirectory, RestError, RestMember } from './wire-types';

let server: TestServer;

beforeAll(async () => {
  server = await startTestServer({ demo: 200 });
}, 60_000);

afterAll(async () => {
  await server.close();
});

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
    const areaBody = await json<RestAreas>(areas);
    expect(areaBody.items).toHaveLength(6);
    expect(areaBody.licence.name).toBeTruthy();
    expect(areaBody.licence.url).toMatch(/^https:\/\//);

    const clusters = await json<RestClusters>(await server.fetch('/api/v1/clusters'));
    expect(clusters.items).toHaveLength(7);
    // Source notes in both languages and the sources (issue 16); the old one-string note is gone.
    const packbridge = clusters.items.find((c) => c.slug === 'packbridge');
    expect(packbridge?.sourceNoteText.sv).toMatch(/^Medlemsantalet \(122, 2012\)/);
    expect(packbridge?.sourceNoteText.en).toMatch(/^The member count \(122, 2012\)/);
    expect(packbridge?.sources).toEqual([
      { title: { sv: 'Offentliga källor', en: 'Public sources' }, year: 2012, url: null },
    ]);
    for (const c of clusters.items) expect(c).not.toHaveProperty('sourceNote');
    expect(clusters.licence.name).toBeTruthy();
  });

  it('filters members by area and municipality, with total and facets', async () => {
    const response = await server.fetch('/api/v1/members?area=tech&municipality=1280&limit=100');
    expect(response.status).toBe(200);
    const body = await json<RestDirectory>(response);
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
    expect((await json<RestError>(badLimit)).message).toMatch(/limit/i);

    const badMunicipality = await server.fetch('/api/v1/members?municipality=9999');
    expect(badMunicipality.status).toBe(400);
    expect((await json<RestError>(badMunicipality)).message).toMatch(/municipality/i);
  });

  it('keeps "outside Skåne" and "municipality not known" apart in filters, facets and members', async () => {
    const outside = await json<RestDirectory>(
      await server.fetch('/api/v1/members?municipality=outside&limit=100&demo=include'),
    );
    const unknown = await json<RestDirectory>(
      await server.fetch('/api/v1/members?municipality=unknown&limit=100&demo=include'),
    );
    // Demo members (asked for: open data leaves them out by default) include some marked outside Skåne; seed members with no municipality are not known.
    expect(outside.items.length).toBeGreaterThan(0);
    for (const item of outside.items)
      expect([item.municipality, item.outsideSkane]).toEqual([null, true]);
    expect(unknown.items.map((i) => i.slug)).toEqual(expect.arrayContaining(['ericsson', 'sony']));
    for (const item of unknown.items)
      expect([item.municipality, item.outsideSkane]).toEqual([null, false]);
    const facet = (value: string) => outside.facets.municipality.find((f) => f.value === value);
    expect(facet('outside')?.count).toBe(outside.total);
    expect(facet('unknown')?.count).toBe(unknown.total);
    const ericsson = await json<RestMember>(await server.fetch('/api/v1/members/ericsson'));
    expect([ericsson.municipality, ericsson.outsideSkane]).toEqual([null, false]);

    const csv = parseCsv(
      (
        await (await server.fetch('/api/v1/members.csv?municipality=outside&demo=include')).text()
      ).replace(/^\uFEFF/, ''),
    );
    const [header, ...rows] = csv;
    const column = (header ?? []).indexOf('outside_skane');
    expect(column).toBeGreaterThan(-1);
    expect(rows).toHaveLength(outside.total);
    for (const row of rows) expect(row[column]).toBe('true');
    const known = parseCsv(
      (
        await (await server.fetch('/api/v1/members.csv?municipality=unknown&demo=include')).text()
      ).replace(/^\uFEFF/, ''),
    );
    expect(known.slice(1).map((r) => r[column])).toEqual(unknown.items.map(() => 'false'));
  });

  it('gives each cluster link in the download with its kind: founders are not members', async () => {
    const [header, ...rows] = parseCsv(
      (await (await server.fetch('/api/v1/members.csv')).text()).replace(/^\uFEFF/, ''),
    );
    const at = (name: string) => (header ?? []).indexOf(name);
    const lund = rows.find((r) => r[at('slug')] === 'lunds-universitet');
    expect(lund?.[at('clusters')]).toBe('opentech;packbridge');
    expect(lund?.[at('cluster_relations')]).toBe('opentech:founder;packbridge:founder');
    // The default data's links are founders and agenda co-leads only; the demo members are members.
    const json = (await (await server.fetch('/api/v1/members.json?demo=include')).json()) as {
      slug: string;
      cluster_relations: string | null;
    }[];
    const relations = new Set(
      json.flatMap((m) => (m.cluster_relations ?? '').split(';').filter(Boolean)),
    );
    expect([...relations].some((r) => r.endsWith(':member'))).toBe(true);
    expect([...relations].every((r) => /:(member|founder|partner|agenda-co-lead)$/.test(r))).toBe(
      true,
    );
  });

  it('serves one member by slug and 404 for an unknown one', async () => {
    const found = await server.fetch('/api/v1/members/lunds-universitet');
    expect(found.status).toBe(200);
    expect((await json<RestMember>(found)).slug).toBe('lunds-universitet');

    const missing = await server.fetch('/api/v1/members/nope');
    expect(missing.status).toBe(404);
    expect((await json<RestError>(missing)).error).toBe('NOT_FOUND');
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

      const { total } = await json<RestDirectory>(await server.fetch(`/api/v1/members${filter}`));
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
});
