/**
 * Scoped freshness of the site's pages (Astro, rendered in-process through
 * the tRPC caller): a page's stored answer records what its procedure calls
 * read, so an article write leaves a member page stored and a member write
 * drops it. Needs the built site (`pnpm --filter @cos/web build`).
 */
import { openDatabase } from '@cos/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from './test-server';
import { webDistFolder } from './web-site';

let server: TestServer;
let slug: string;

beforeAll(async () => {
  if (!webDistFolder())
    throw new Error('build the public site first: pnpm --filter @cos/web build');
  server = await startTestServer({ demo: 10, frontends: true });
  slug = server.handle.sqlite
    .prepare("SELECT slug FROM members WHERE status = 'published' ORDER BY id LIMIT 1")
    .pluck()
    .get() as string;
}, 60_000);

afterAll(async () => {
  await server.close();
});

const page = async (path: string) => {
  const response = await server.fetch(path);
  expect(response.status, path).toBe(200);
  return { hit: response.headers.get('x-cache') === 'hit', html: await response.text() };
};

function elsewhere(sql: string, ...params: unknown[]) {
  const other = openDatabase({ url: server.handle.path });
  try {
    other.sqlite.prepare(sql).run(...params);
  } finally {
    other.close();
  }
}

describe('stored pages', () => {
  it('keep a member page through an article write and drop it after a member write', async () => {
    const member = `/medlemmar/${slug}`;
    const news = '/nyheter';
    for (const path of [member, news]) {
      await page(path);
      expect((await page(path)).hit, path).toBe(true);
    }
    elsewhere(
      "UPDATE articles SET title_sv = 'Helt ny rubrik' WHERE id = (SELECT min(id) FROM articles)",
    );
    expect((await page(member)).hit).toBe(true);
    const articles = await page(news);
    expect(articles.hit).toBe(false);
    expect(articles.html).toContain('Helt ny rubrik');

    elsewhere("UPDATE members SET name = 'Omdöpt Medlem AB' WHERE slug = ?", slug);
    const renamed = await page(member);
    expect(renamed.hit).toBe(false);
    expect(renamed.html).toContain('Omdöpt Medlem AB');
    expect((await page(news)).hit).toBe(true);
  });
});
