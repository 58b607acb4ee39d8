/**
 * Security over real HTTP with real sessions (signed in through better-auth):
 * - the role × procedure matrix: every procedure of the router (the test
 *   fails when one is added without a row here) called anonymously, by the
 *   opentech editor on their own cluster's record and on another cluster's,
 *   and by an admin, each with a valid input so that only the permission
 *   decides; every refusal leaves the database unchanged;
 * - expired, forged, tampered and unsigned session cookies, and the cookies
 *   of a disabled or deleted account, are refused;
 * - cross-site posts (forms: urlencoded, text/plain, multipart; other
 *   origins, Origin: null, Sec-Fetch-Site cross-site and same-site) are
 *   refused, for tRPC, the CSV import and sign-in/sign-out;
 * - security headers on every kind of response.
 * The sign-in burst limit is in security-rate-limit.test.ts (a process of its
 * own: better-auth's limiter is one Map per process). This file signs in 6
 * times, under the default limit of 10 a minute.
 */
import { randomBytes } from 'node:crypto';
import {
  appRouter,
  createCaller,
  createContextInner,
  createUser,
  type SessionUser,
} from '@cos/api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN, EDITOR, cookieHeader, startTestServer, type TestServer } from '../test-server';
import { checksumDatabase, checksumTables } from './checksum';
import {
  listProcedures,
  reply,
  sessionCookie,
  signIn,
  trpcCode,
  trpcData,
  trpcMutation,
  trpcQuery,
} from './http';

type Actor = 'anonymous' | 'editorOwn' | 'editorOther' | 'admin';
type Target = 'own' | 'other';
/**
 * Who may call a procedure:
 * public — everyone; signedIn — any account (editors see their own scope);
 * cluster — admins, and editors on their own cluster's records only;
 * admin — admins only.
 */
type Rule = 'public' | 'signedIn' | 'cluster' | 'admin';

const EXPECTED: Record<Rule, Record<Actor, number>> = {
  public: { anonymous: 200, editorOwn: 200, editorOther: 200, admin: 200 },
  signedIn: { anonymous: 401, editorOwn: 200, editorOther: 200, admin: 200 },
  cluster: { anonymous: 401, editorOwn: 200, editorOther: 403, admin: 200 },
  admin: { anonymous: 401, editorOwn: 403, editorOther: 403, admin: 200 },
};

let server: TestServer;
let admin: ReturnType<typeof createCaller>;
const cookies: Record<Exclude<Actor, 'anonymous'>, string> = {
  editorOwn: '',
  editorOther: '',
  admin: '',
};
let ownClusterId = 0;
let otherClusterId = 0;
let otherClusterSlug = '';
let publishedMember = '';
let publishedArticle = '';
let n = 0;
const unique = (word: string) => `${word} ${++n} ${randomBytes(3).toString('hex')}`;

beforeAll(async () => {
  server = await startTestServer({ demo: 40 });
  const sqlite = server.handle.sqlite;
  const adminUser = sqlite
    .prepare('SELECT id, email, name, role, cluster_id AS clusterId FROM users WHERE email = ?')
    .get(ADMIN.email) as SessionUser;
  admin = createCaller(createContextInner({ handle: server.handle, user: adminUser }));
  ownClusterId = sqlite
    .prepare("SELECT id FROM clusters WHERE slug = 'opentech'")
    .pluck()
    .get() as number;
  const other = sqlite
    .prepare("SELECT id, slug FROM clusters WHERE slug <> 'opentech' ORDER BY id LIMIT 1")
    .get() as { id: number; slug: string };
  otherClusterId = other.id;
  otherClusterSlug = other.slug;
  publishedMember = sqlite
    .prepare("SELECT slug FROM members WHERE status = 'published' ORDER BY id LIMIT 1")
    .pluck()
    .get() as string;
  publishedArticle = sqlite
    .prepare("SELECT slug FROM articles WHERE status = 'published' ORDER BY id LIMIT 1")
    .pluck()
    .get() as string;
  cookies.admin = await sessionCookie(server, ADMIN);
  cookies.editorOwn = await sessionCookie(server, EDITOR);
  // The same editor session, aimed at another cluster's records.
  cookies.editorOther = cookies.editorOwn;
}, 60_000);

afterAll(async () => {
  await server.close();
});

// ---------- fixtures, made in-process by an admin ----------

const clusterOf = (t: Target) => (t === 'own' ? ownClusterId : otherClusterId);

async function member(t: Target) {
  const { member } = await admin.member.admin.create({
    name: unique('Matrisbolaget'),
    kind: 'company',
    memberships: [{ clusterId: clusterOf(t), since: null }],
    status: 'published',
  });
  return member;
}
async function article(t: Target) {
  return admin.article.admin.create({
    title: { sv: unique('Matrisnyhet'), en: '' },
    clusterId: clusterOf(t),
  });
}
async function area() {
  return admin.area.admin.create({
    slug: `matris-${++n}`,
    name: { sv: unique('Matrisområde'), en: '' },
  });
}
async function cluster() {
  return admin.cluster.admin.create({ name: unique('Matriskluster') });
}
async function user() {
  return admin.user.create({
    email: `matris.${++n}@example.test`,
    password: 'matrix horse battery staple',
    name: unique('Matris'),
    role: 'editor',
    clusterId: otherClusterId,
  });
}
/** The newest audit entry about a record, for restore. */
const lastEntry = (entity: string, id: number | string) =>
  server.handle.sqlite
    .prepare('SELECT max(id) FROM audit_log WHERE entity = ? AND entity_id = ?')
    .pluck()
    .get(entity, String(id)) as number;

type Input = (t: Target) => unknown;

/** Every procedure: who may call it, and a valid input aimed at an own or another cluster's record. */
const MATRIX: Record<string, { rule: Rule; input: Input }> = {
  'area.list': { rule: 'public', input: () => undefined },
  'area.bySlug': { rule: 'public', input: () => ({ slug: 'tech' }) },
  'cluster.list': { rule: 'public', input: () => undefined },
  'cluster.bySlug': { rule: 'public', input: () => ({ slug: 'opentech' }) },
  'member.directory': { rule: 'public', input: () => ({}) },
  'member.bySlug': { rule: 'public', input: () => ({ slug: publishedMember }) },
  'article.list': { rule: 'public', input: () => ({}) },
  'article.bySlug': { rule: 'public', input: () => ({ slug: publishedArticle }) },
  'statistics.overview': { rule: 'public', input: () => undefined },
  'session.me': { rule: 'public', input: () => undefined },

  'session.taxonomy': { rule: 'signedIn', input: () => undefined },
  'session.attention': { rule: 'signedIn', input: () => undefined },
  'member.admin.list': { rule: 'signedIn', input: () => ({}) },
  'member.admin.duplicates': { rule: 'signedIn', input: () => ({ name: 'Lunds universitet' }) },
  'member.admin.import': {
    rule: 'signedIn',
    input: () => ({ rows: [{ name: unique('Importbolaget') }], dryRun: true }),
  },
  'article.admin.list': { rule: 'signedIn', input: () => undefined },

  'member.admin.get': { rule: 'cluster', input: async (t) => ({ id: (await member(t)).id }) },
  'member.admin.create': {
    rule: 'cluster',
    input: (t) => ({
      name: unique('Nybolaget'),
      kind: 'company',
      memberships: [{ clusterId: clusterOf(t) }],
    }),
  },
  'member.admin.update': {
    rule: 'cluster',
    input: async (t) => {
      const m = await member(t);
      return { id: m.id, version: m.version, name: unique('Ändrat') };
    },
  },
  'member.admin.setStatus': {
    rule: 'cluster',
    input: async (t) => {
      const m = await member(t);
      return { id: m.id, version: m.version, action: 'archive' };
    },
  },
  'member.admin.delete': {
    rule: 'cluster',
    input: async (t) => {
      const m = await member(t);
      return { id: m.id, version: m.version };
    },
  },
  'audit.list': {
    rule: 'cluster',
    input: async (t) => ({ entity: 'member', entityId: String((await member(t)).id) }),
  },
  'audit.restore': {
    rule: 'cluster',
    input: async (t) => {
      const m = await member(t);
      const changed = await admin.member.admin.update({
        id: m.id,
        version: m.version,
        name: unique('Före'),
      });
      return { entryId: lastEntry('member', m.id), side: 'before', version: changed.version };
    },
  },
  'article.admin.get': { rule: 'cluster', input: async (t) => ({ id: (await article(t)).id }) },
  'article.admin.create': {
    rule: 'cluster',
    input: (t) => ({ title: { sv: unique('Ny nyhet') }, clusterId: clusterOf(t) }),
  },
  'article.admin.update': {
    rule: 'cluster',
    input: async (t) => {
      const a = await article(t);
      return { id: a.id, version: a.version, title: { sv: unique('Ändrad nyhet') } };
    },
  },
  'article.admin.setStatus': {
    rule: 'cluster',
    input: async (t) => {
      const a = await article(t);
      return { id: a.id, version: a.version, action: 'publish' };
    },
  },
  'article.admin.delete': {
    rule: 'cluster',
    input: async (t) => {
      const a = await article(t);
      return { id: a.id, version: a.version };
    },
  },
  'article.admin.restore': {
    rule: 'cluster',
    input: async (t) => {
      const a = await article(t);
      const changed = await admin.article.admin.update({
        id: a.id,
        version: a.version,
        title: { sv: unique('Före'), en: '' },
      });
      return { entryId: lastEntry('article', a.id), side: 'before', version: changed.version };
    },
  },

  'area.admin.list': { rule: 'admin', input: () => undefined },
  'area.admin.get': { rule: 'admin', input: async () => ({ id: (await area()).id }) },
  'area.admin.create': {
    rule: 'admin',
    input: () => ({ slug: `ny-${++n}`, name: { sv: unique('Nytt område') } }),
  },
  'area.admin.update': {
    rule: 'admin',
    input: async () => {
      const a = await area();
      return { id: a.id, version: a.version, name: { sv: unique('Ändrat område') } };
    },
  },
  'area.admin.delete': {
    rule: 'admin',
    input: async () => {
      const a = await area();
      return { id: a.id, version: a.version };
    },
  },
  'area.admin.restore': {
    rule: 'admin',
    input: async () => {
      const a = await area();
      const changed = await admin.area.admin.update({
        id: a.id,
        version: a.version,
        name: { sv: unique('Före'), en: '' },
      });
      return { entryId: lastEntry('area', a.id), side: 'before', version: changed.version };
    },
  },
  'cluster.admin.list': { rule: 'admin', input: () => undefined },
  // Editors may not manage clusters, not even their own: 'own' aims at opentech itself.
  'cluster.admin.get': {
    rule: 'admin',
    input: async (t) => ({ id: t === 'own' ? ownClusterId : (await cluster()).id }),
  },
  'cluster.admin.create': { rule: 'admin', input: () => ({ name: unique('Nytt kluster') }) },
  'cluster.admin.update': {
    rule: 'admin',
    input: async (t) => {
      const c = t === 'own' ? await admin.cluster.admin.get({ id: ownClusterId }) : await cluster();
      return { id: c.id, version: c.version, shortName: 'Ändrat' };
    },
  },
  'cluster.admin.setStatus': {
    rule: 'admin',
    input: async (t) => {
      const c = t === 'own' ? await admin.cluster.admin.get({ id: ownClusterId }) : await cluster();
      return { id: c.id, version: c.version, action: 'archive' };
    },
  },
  'cluster.admin.delete': {
    rule: 'admin',
    input: async (t) => {
      const c = t === 'own' ? await admin.cluster.admin.get({ id: ownClusterId }) : await cluster();
      return { id: c.id, version: c.version };
    },
  },
  'cluster.admin.restore': {
    rule: 'admin',
    input: async () => {
      const c = await cluster();
      const changed = await admin.cluster.admin.update({
        id: c.id,
        version: c.version,
        shortName: 'Före',
      });
      return { entryId: lastEntry('cluster', c.id), side: 'before', version: changed.version };
    },
  },
  'user.list': { rule: 'admin', input: () => undefined },
  'user.create': {
    rule: 'admin',
    input: () => ({
      email: `ny.${++n}@example.test`,
      password: 'new user battery staple',
      name: unique('Ny'),
      role: 'editor',
      clusterId: otherClusterId,
    }),
  },
  'user.update': {
    rule: 'admin',
    input: async () => {
      const u = await user();
      return { id: u.id, version: u.version, name: unique('Ändrad') };
    },
  },
  'user.delete': {
    rule: 'admin',
    input: async () => {
      const u = await user();
      return { id: u.id, version: u.version };
    },
  },
};

async function call(
  path: string,
  type: 'query' | 'mutation',
  input: unknown,
  cookie: string | undefined,
) {
  const response =
    type === 'query'
      ? await trpcQuery(server, path, input, cookie)
      : await trpcMutation(server, path, JSON.stringify(input ?? null), cookie);
  return reply(response);
}

describe('the role × procedure matrix', () => {
  const procedures = listProcedures(appRouter);

  it('has a row for every procedure of the router', () => {
    expect(Object.keys(MATRIX).sort()).toEqual(procedures.map((p) => p.path).sort());
  });

  it('lets each role do exactly what it may, and refusals change nothing', async () => {
    const mismatches: string[] = [];
    const table: string[] = [];
    for (const { path, type } of procedures) {
      const row = MATRIX[path];
      if (!row) continue;
      const got: string[] = [];
      for (const actor of ['anonymous', 'editorOwn', 'editorOther', 'admin'] as const) {
        // An admin is shown on another cluster's record: admins' rights are not cluster-bound.
        const target: Target = actor === 'editorOwn' || actor === 'anonymous' ? 'own' : 'other';
        const input = await row.input(target);
        const before = checksumDatabase(server.handle.sqlite);
        const result = await call(
          path,
          type,
          input,
          actor === 'anonymous' ? undefined : cookies[actor],
        );
        const expected = EXPECTED[row.rule][actor];
        got.push(`${actor}=${result.status}`);
        if (result.status !== expected) {
          mismatches.push(
            `${path} as ${actor}: expected ${expected}, got ${result.status} ${JSON.stringify(result.body).slice(0, 200)}`,
          );
        }
        if (result.status !== 200 && checksumDatabase(server.handle.sqlite) !== before)
          mismatches.push(
            `${path} as ${actor}: refused with ${result.status} but changed the database`,
          );
        if (result.status === 401) expect(trpcCode(result.body)).toBe('UNAUTHORIZED');
        if (result.status === 403) expect(trpcCode(result.body)).toBe('FORBIDDEN');
      }
      table.push(`${path.padEnd(26)} ${row.rule.padEnd(8)} ${got.join(' ')}`);
    }
    expect(mismatches, table.join('\n')).toEqual([]);
  }, 60_000);

  it("scopes an editor's lists to their own cluster", async () => {
    const members = await call('member.admin.list', 'query', { limit: 100 }, cookies.editorOwn);
    const items = trpcData<{ items: { id: number }[] }>(members.body).items;
    expect(items.length).toBeGreaterThan(0);
    const inOwn = server.handle.sqlite
      .prepare('SELECT member_id FROM memberships WHERE cluster_id = ?')
      .pluck()
      .all(ownClusterId) as number[];
    for (const item of items) expect(inOwn).toContain(item.id);

    const articles = await call('article.admin.list', 'query', undefined, cookies.editorOwn);
    for (const a of trpcData<{ clusterId: number | null }[]>(articles.body))
      expect(a.clusterId).toBe(ownClusterId);

    // The whole audit trail, or another cluster's member's history, is not theirs to read.
    expect((await call('audit.list', 'query', {}, cookies.editorOwn)).status).toBe(403);
    expect((await call('user.list', 'query', undefined, cookies.editorOwn)).status).toBe(403);
  });

  it("an editor's import writes into their own cluster only", async () => {
    const before = checksumDatabase(server.handle.sqlite);
    const result = await call(
      'member.admin.import',
      'mutation',
      { rows: [{ name: unique('Fel kluster AB'), clusters: otherClusterSlug }], dryRun: false },
      cookies.editorOwn,
    );
    expect(result.status).toBe(200);
    expect(trpcData<{ created: number; invalid: number }>(result.body)).toMatchObject({
      created: 0,
      invalid: 1,
    });
    expect(checksumDatabase(server.handle.sqlite)).toBe(before);
  });

  it('an editor cannot move a member of theirs into another cluster', async () => {
    const m = await member('own');
    const before = checksumDatabase(server.handle.sqlite);
    const result = await call(
      'member.admin.update',
      'mutation',
      { id: m.id, version: m.version, memberships: [{ clusterId: otherClusterId }] },
      cookies.editorOwn,
    );
    expect(result.status).toBe(403);
    expect(checksumDatabase(server.handle.sqlite)).toBe(before);
  });
});

describe('session cookies', () => {
  const list = (cookie: string) => trpcQuery(server, 'member.admin.list', {}, cookie);
  const create = (cookie: string) =>
    trpcMutation(
      server,
      'member.admin.create',
      JSON.stringify({ name: unique('Kaka AB'), kind: 'company' }),
      cookie,
    );
  const importCsv = (cookie: string) =>
    server.fetch('/api/admin/members/import?dryRun=false', {
      method: 'POST',
      headers: { 'content-type': 'text/csv', origin: server.origin, cookie },
      body: `namn\n${unique('Kakimport AB')}\n`,
    });

  /**
   * The cookie is refused everywhere a session counts, and nothing is written
   * (better-auth may delete an expired session row it is shown: that is all).
   */
  async function refused(cookie: string, why: string) {
    const withoutSessions = () => {
      const { sessions: _sessions, ...rest } = checksumTables(server.handle.sqlite);
      return rest;
    };
    const before = withoutSessions();
    expect((await list(cookie)).status, `${why}: query`).toBe(401);
    expect((await create(cookie)).status, `${why}: mutation`).toBe(401);
    expect((await importCsv(cookie)).status, `${why}: import`).toBe(401);
    const me = await reply(await trpcQuery(server, 'session.me', undefined, cookie));
    expect(trpcData(me.body), `${why}: session.me`).toBeNull();
    expect(withoutSessions(), why).toEqual(before);
  }

  const token = (cookie: string) => {
    const value = /session_token=([^;]+)/.exec(cookie)?.[1] ?? '';
    return decodeURIComponent(value);
  };

  it('refuses an expired session', async () => {
    const cookie = await sessionCookie(server, ADMIN);
    expect((await list(cookie)).status).toBe(200);
    const [raw = ''] = token(cookie).split('.');
    const changed = server.handle.sqlite
      .prepare('UPDATE sessions SET expires_at = ? WHERE token = ?')
      .run(Date.now() - 60_000, raw).changes;
    expect(changed).toBe(1);
    await refused(cookie, 'expired');
  });

  it('refuses forged, tampered and unsigned cookies', async () => {
    const name = /([\w.-]*session_token)=/.exec(cookies.admin)?.[1] ?? 'better-auth.session_token';
    const real = token(cookies.admin);
    const [raw = '', signature = ''] = real.split('.');
    const flipped = `${signature.slice(0, -2)}${signature.endsWith('AA') ? 'BB' : 'AA'}`;
    const forged: Record<string, string> = {
      random: `${name}=${randomBytes(24).toString('hex')}`,
      'random, signed-looking': `${name}=${encodeURIComponent(`${randomBytes(16).toString('hex')}.${randomBytes(32).toString('base64')}`)}`,
      'tampered signature': `${name}=${encodeURIComponent(`${raw}.${flipped}`)}`,
      unsigned: `${name}=${encodeURIComponent(raw)}`,
      'token of the signature': `${name}=${encodeURIComponent(`${signature}.${raw}`)}`,
      empty: `${name}=`,
    };
    for (const [why, cookie] of Object.entries(forged)) await refused(cookie, why);
    // The real cookie still works: the refusals were about the forgeries.
    expect((await list(cookies.admin)).status).toBe(200);
  });

  it('refuses the session of a disabled account, and of a deleted one', async () => {
    const credentials = {
      email: 'snart.avstangd@example.test',
      password: 'soon disabled battery staple',
    };
    const created = await createUser(server.handle, {
      ...credentials,
      name: 'Snart Avstängd',
      role: 'editor',
      clusterId: ownClusterId,
    });
    const cookie = await sessionCookie(server, credentials);
    expect((await list(cookie)).status).toBe(200);
    server.handle.sqlite.prepare('UPDATE users SET disabled = 1 WHERE id = ?').run(created.id);
    await refused(cookie, 'disabled');

    const other = { email: 'snart.borta@example.test', password: 'soon deleted battery staple' };
    await createUser(server.handle, {
      ...other,
      name: 'Snart Borta',
      role: 'editor',
      clusterId: ownClusterId,
    });
    const otherCookie = await sessionCookie(server, other);
    expect((await list(otherCookie)).status).toBe(200);
    const record = (await admin.user.list()).find((u) => u.email === other.email);
    expect(record).toBeDefined();
    const deleted = await call(
      'user.delete',
      'mutation',
      { id: record?.id, version: record?.version },
      cookies.admin,
    );
    expect(deleted.status).toBe(200);
    await refused(otherCookie, 'deleted');
  });
});

describe('cross-site requests', () => {
  const evil = 'http://evil.example';
  const count = (name: string) =>
    server.handle.sqlite
      .prepare('SELECT count(*) FROM members WHERE name = ?')
      .pluck()
      .get(name) as number;

  it('refuses cross-site form posts and fetches to tRPC mutations, writing nothing', async () => {
    const name = 'Formulärbolaget AB';
    const json = JSON.stringify({ name, kind: 'company' });
    const cases: [string, string, Record<string, string>][] = [
      [
        'urlencoded form from another site',
        `name=${encodeURIComponent(name)}&kind=company`,
        {
          'content-type': 'application/x-www-form-urlencoded',
          origin: evil,
          'sec-fetch-site': 'cross-site',
        },
      ],
      // <form enctype="text/plain"> can send a body that is valid JSON.
      [
        'text/plain form carrying JSON',
        json,
        { 'content-type': 'text/plain', origin: evil, 'sec-fetch-site': 'cross-site' },
      ],
      [
        'multipart form',
        `--x\r\nContent-Disposition: form-data; name="name"\r\n\r\n${name}\r\n--x--\r\n`,
        {
          'content-type': 'multipart/form-data; boundary=x',
          origin: evil,
          'sec-fetch-site': 'cross-site',
        },
      ],
      [
        'JSON fetch from another origin',
        json,
        { 'content-type': 'application/json', origin: evil },
      ],
      [
        'JSON fetch marked cross-site, no Origin',
        json,
        { 'content-type': 'application/json', origin: '', 'sec-fetch-site': 'cross-site' },
      ],
      [
        'JSON fetch from a sibling subdomain (same-site)',
        json,
        {
          'content-type': 'application/json',
          origin: 'http://evil.localhost:3000',
          'sec-fetch-site': 'same-site',
        },
      ],
      [
        'Origin: null (sandboxed frame)',
        json,
        { 'content-type': 'application/json', origin: 'null' },
      ],
    ];
    const before = checksumDatabase(server.handle.sqlite);
    for (const [why, body, headers] of cases) {
      const sent = Object.fromEntries(Object.entries(headers).filter(([, v]) => v !== ''));
      const response = await server.fetch('/trpc/member.admin.create', {
        method: 'POST',
        headers: { cookie: cookies.admin, ...sent },
        body,
      });
      await response.arrayBuffer();
      expect(response.status, why).toBeGreaterThanOrEqual(400);
      expect(response.status, why).toBeLessThan(500);
    }
    expect(count(name)).toBe(0);
    expect(checksumDatabase(server.handle.sqlite)).toBe(before);
  });

  it('refuses a cross-site CSV upload (text/plain is a form-able content type)', async () => {
    const before = checksumDatabase(server.handle.sqlite);
    const attempts: Record<string, string>[] = [
      { origin: evil, 'sec-fetch-site': 'cross-site' },
      { 'sec-fetch-site': 'cross-site' },
    ];
    for (const headers of attempts) {
      const response = await server.fetch('/api/admin/members/import?dryRun=false', {
        method: 'POST',
        headers: { 'content-type': 'text/plain', cookie: cookies.admin, ...headers },
        body: 'namn\nUppladdat AB\n',
      });
      expect(response.status).toBe(403);
    }
    expect(checksumDatabase(server.handle.sqlite)).toBe(before);
  });

  it('refuses sign-in (forms or not) and sign-out from another site', async () => {
    const credentials = `email=${encodeURIComponent(ADMIN.email)}&password=${encodeURIComponent(ADMIN.password)}`;
    const forms: [string, string][] = [
      // Not a form, but from another origin: refused too (login CSRF).
      ['application/json', JSON.stringify(ADMIN)],
      ['application/x-www-form-urlencoded', credentials],
      // <form enctype="text/plain"> can send a body that is valid JSON.
      ['text/plain', JSON.stringify(ADMIN)],
      [
        'multipart/form-data; boundary=x',
        `--x\r\nContent-Disposition: form-data; name="email"\r\n\r\n${ADMIN.email}\r\n--x\r\nContent-Disposition: form-data; name="password"\r\n\r\n${ADMIN.password}\r\n--x--\r\n`,
      ],
    ];
    for (const [contentType, body] of forms) {
      const response = await server.fetch('/api/auth/sign-in/email', {
        method: 'POST',
        headers: { 'content-type': contentType, origin: evil, 'sec-fetch-site': 'cross-site' },
        body,
      });
      await response.arrayBuffer();
      expect(response.status, contentType).toBeGreaterThanOrEqual(400);
      expect(response.status, contentType).toBeLessThan(500);
      expect(cookieHeader(response), contentType).not.toMatch(/session_token=[^;]/);
    }

    const signOutEvil = await server.fetch('/api/auth/sign-out', {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: evil, cookie: cookies.admin },
      body: '{}',
    });
    expect(signOutEvil.status).toBe(403);
    // The session survived the attempt.
    expect((await trpcQuery(server, 'member.admin.list', {}, cookies.admin)).status).toBe(200);
  });
});

describe('response headers', () => {
  const requests: [string, RequestInit?][] = [
    ['/healthz'],
    ['/api/v1/members?limit=1'],
    ['/api/v1/members.csv?limit=1'],
    ['/api/v1/members/finns-inte'],
    ['/api/v1/members?limit=nope'],
    ['/api/openapi.json'],
    ['/trpc/area.list'],
    ['/trpc/member.admin.list'],
    ['/api/auth/get-session'],
    ['/no/such/page'],
    [
      '/api/admin/members/import',
      { method: 'POST', body: 'x', headers: { 'content-type': 'text/csv' } },
    ],
  ];

  it.each(requests)('%s carries the security headers', async (pathname, init) => {
    const response = await server.fetch(pathname, init);
    await response.arrayBuffer();
    const csp = response.headers.get('content-security-policy') ?? '';
    const directives = new Map(
      csp
        .split(';')
        .map((d) => d.trim().split(/\s+/))
        .filter((parts) => parts[0])
        .map(([name = '', ...values]) => [name, values]),
    );
    const scripts = directives.get('script-src') ?? directives.get('default-src') ?? [];
    expect(scripts, csp).toContain("'self'");
    expect(scripts).not.toContain("'unsafe-inline'");
    expect(scripts).not.toContain("'unsafe-eval'");
    expect(scripts).not.toContain('*');
    expect(directives.get('object-src')).toEqual(["'none'"]);
    expect(directives.get('base-uri')).toEqual(["'self'"]);
    const frameAncestors = directives.get('frame-ancestors');
    const xfo = response.headers.get('x-frame-options');
    expect(frameAncestors?.join(' ') === "'none'" || xfo === 'DENY' || xfo === 'SAMEORIGIN').toBe(
      true,
    );
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('referrer-policy')).toMatch(
      /^(no-referrer|same-origin|strict-origin|strict-origin-when-cross-origin)$/,
    );
    expect(response.headers.get('x-powered-by')).toBeNull();
  });

  it('sets the session cookie HttpOnly and SameSite, never readable by scripts', async () => {
    const response = await signIn(server, EDITOR);
    expect(response.status).toBe(200);
    const session = response.headers.getSetCookie().find((c) => c.includes('session_token='));
    expect(session).toMatch(/;\s*HttpOnly/i);
    expect(session).toMatch(/;\s*SameSite=(Lax|Strict)/i);
    expect(session).toMatch(/;\s*Path=\//i);
  });
});
