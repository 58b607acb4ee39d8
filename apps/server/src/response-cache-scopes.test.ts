/**
 * Scoped freshness through the real server: a stored answer records what it
 * read (members, articles …) and a write drops only the answers that read
 * what it touched — through the admin API, or committed by another
 * connection (the CLI, another process). A sign-in touches nothing public.
 */
import { openDatabase } from '@cos/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN, cookieHeader, startTestServer, type TestServer } from './test-server';

let server: TestServer;
let slug: string;
let word: string;

const MEMBER = () => `/api/v1/members/${slug}`;
const DIRECTORY = '/api/v1/members?limit=5';
const SEARCH = () => `/api/v1/members?q=${word}&limit=50`;
const ARTICLES = `/trpc/article.list?input=${encodeURIComponent(JSON.stringify({}))}`;
const AREAS = '/api/v1/areas';

beforeAll(async () => {
  server = await startTestServer({ demo: 30 });
  slug = (
    server.handle.sqlite
      .prepare("SELECT slug FROM members WHERE status = 'published' ORDER BY id LIMIT 1")
      .get() as { slug: string }
  ).slug;
  // A word no member's text holds (the search below finds only what we write).
  word = `zqx${Date.now().toString(36)}`;
}, 60_000);

afterAll(async () => {
  await server.close();
});

/** Asks twice: the second answer must come from the store. */
async function stored(path: string) {
  await server.fetch(path);
  const again = await server.fetch(path);
  expect(again.status, path).toBe(200);
  expect(again.headers.get('x-cache'), path).toBe('hit');
}

async function cacheOf(path: string) {
  const response = await server.fetch(path);
  expect(response.status, path).toBe(200);
  return { hit: response.headers.get('x-cache') === 'hit', body: await response.text() };
}

/** A write committed by another connection to the same file, as the CLI would. */
function elsewhere(sql: string, ...params: unknown[]) {
  const other = openDatabase({ url: server.handle.path });
  try {
    other.sqlite.prepare(sql).run(...params);
  } finally {
    other.close();
  }
}

async function signIn() {
  const response = await server.fetch('/api/auth/sign-in/email', {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: server.origin },
    body: JSON.stringify(ADMIN),
  });
  expect(response.status).toBe(200);
  return cookieHeader(response);
}

describe('stored answers are dropped only by writes to what they read', () => {
  it('an article write through the admin API leaves member answers stored', async () => {
    for (const path of [MEMBER(), DIRECTORY, AREAS, ARTICLES]) await stored(path);
    const cookie = await signIn();
    const article = server.handle.sqlite
      .prepare('SELECT id, version FROM articles ORDER BY id LIMIT 1')
      .get() as { id: number; version: number };
    const update = await server.fetch('/trpc/article.admin.update', {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: server.origin, cookie },
      body: JSON.stringify({
        id: article.id,
        version: article.version,
        title: { sv: 'Ny rubrik', en: 'New title' },
      }),
    });
    expect(update.status).toBe(200);

    expect((await cacheOf(MEMBER())).hit).toBe(true);
    expect((await cacheOf(DIRECTORY)).hit).toBe(true);
    expect((await cacheOf(AREAS)).hit).toBe(true);
    const articles = await cacheOf(ARTICLES);
    expect(articles.hit).toBe(false);
    expect(articles.body).toContain('Ny rubrik');
  });

  it('a member write by another connection drops member answers at once, not the articles', async () => {
    for (const path of [MEMBER(), DIRECTORY, SEARCH(), ARTICLES]) await stored(path);
    expect(JSON.parse((await cacheOf(SEARCH())).body)).toMatchObject({ total: 0 });

    elsewhere(
      "UPDATE members SET description_sv = description_sv || ' ' || ? WHERE slug = ?",
      word,
      slug,
    );
    const search = await cacheOf(SEARCH());
    expect(search.hit).toBe(false);
    const found = JSON.parse(search.body) as { total: number; items: { slug: string }[] };
    expect(found.total).toBe(1);
    expect(found.items.map((i) => i.slug)).toEqual([slug]);
    const member = await cacheOf(MEMBER());
    expect(member.hit).toBe(false);
    expect(member.body).toContain(word);
    expect((await cacheOf(DIRECTORY)).hit).toBe(false);
    expect((await cacheOf(ARTICLES)).hit).toBe(true);
  });

  it('a sign-in (sessions, sign-in limits) drops nothing public', async () => {
    const paths = [MEMBER(), DIRECTORY, SEARCH(), AREAS, ARTICLES];
    for (const path of paths) await stored(path);
    const failed = await server.fetch('/api/auth/sign-in/email', {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: server.origin },
      body: JSON.stringify({ ...ADMIN, password: 'not the password at all' }),
    });
    expect(failed.status).toBeGreaterThanOrEqual(400);
    const cookie = await signIn();
    // a signed-in read goes the normal way and stores nothing
    const signedIn = await server.fetch(MEMBER(), { headers: { cookie } });
    expect(signedIn.headers.get('x-cache')).toBeNull();
    for (const path of paths) expect((await cacheOf(path)).hit, path).toBe(true);
  });

  it('a write to a member scope by the CLI-like connection shows in the area counts', async () => {
    await stored(AREAS);
    const before = JSON.parse((await cacheOf(AREAS)).body) as {
      items: { slug: string; memberCount: number }[];
    };
    const area = before.items[0];
    if (!area) throw new Error('no areas');
    const member = server.handle.sqlite
      .prepare(
        `SELECT m.id FROM members m WHERE m.status = 'published' AND NOT EXISTS (
           SELECT 1 FROM member_areas ma JOIN areas a ON a.id = ma.area_id WHERE ma.member_id = m.id AND a.slug = ?)
         ORDER BY m.id LIMIT 1`,
      )
      .get(area.slug) as { id: number };
    elsewhere(
      'INSERT INTO member_areas (member_id, area_id) SELECT ?, id FROM areas WHERE slug = ?',
      member.id,
      area.slug,
    );
    const after = await cacheOf(AREAS);
    expect(after.hit).toBe(false);
    const counted = (JSON.parse(after.body) as typeof before).items.find(
      (a) => a.slug === area.slug,
    );
    expect(counted?.memberCount).toBe(area.memberCount + 1);
  });
});
