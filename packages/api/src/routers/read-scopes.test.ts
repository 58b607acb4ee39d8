/**
 * The `.meta({ reads })` of every public query against the SQL it really
 * runs. The server keeps a stored answer while the declared scopes are
 * unchanged, so a table read but not declared would serve stale answers.
 *
 * Each call runs on its own new connection (so fresh services: no facet
 * index, ResultCache or statement cache from an earlier call hides a read),
 * every statement executed on that connection is logged, the tables named in
 * its SQL are looked up in sqlite_schema and mapped to scopes through
 * SCOPE_TABLES, and those scopes must be among the declared ones.
 *
 * REST: /api/v1/areas|clusters|members|members/:slug call these procedures
 * (apps/server/src/open-data.ts), so they inherit the declarations checked
 * here. The downloads (members.csv/json) read exportPublishedMembers directly
 * and are made again when PUBLISHED_EXPORT_SCOPES move (downloadGeneration()
 * in apps/server/src/download-route.ts); that list is checked the same way.
 */
import { DATA_SCOPES, openDatabase, SCOPE_TABLES, type DataScope, type Sqlite } from '@cos/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createContextInner } from '../context';
import { appRouter, createCaller } from '../root';
import { exportPublishedMembers, PUBLISHED_EXPORT_SCOPES } from '../services/member-export';
import { createTestApi, type TestApi } from '../test-support';
import { protectedProcedure } from '../trpc';

/** Public queries that declare nothing on purpose (they count as reading everything). */
const UNDECLARED: Record<string, string> = {
  'session.me': 'answers the signed-in user from the request, reads no table',
};

/** Tables whose rows are derived from several scopes (written by their triggers). */
const DERIVED: Record<string, readonly DataScope[]> = {
  member_search: ['members', 'areas', 'clusters'],
  // Written by the members' triggers only (migration 0014).
  member_stems: ['members'],
  search_terms: ['members'],
};

/** Change-tracking bookkeeping: reading it is how freshness works, not data. */
const BOOKKEEPING = new Set([
  'data_scopes',
  'member_changes',
  'sqlite_sequence',
  'search_sync_paused',
]);

interface Fixtures {
  member: string;
  area: string;
  cluster: string;
  article: string;
  tag: string;
  municipality: string;
  /** Page 2 of the directory by name, and of a ranked search (the keyset and previous-page paths). */
  namePage2: string;
  rankedPage2: string;
}

/** Representative valid inputs per public query: each must reach rows. */
const INPUTS: Record<string, (f: Fixtures) => unknown[]> = {
  'area.list': () => [undefined],
  'area.bySlug': (f) => [{ slug: f.area }],
  'cluster.list': () => [undefined],
  'cluster.bySlug': (f) => [{ slug: f.cluster }],
  'member.directory': (f) => [
    {},
    { q: 'ab' },
    { q: 'förpackning', sort: 'relevance' },
    { area: [f.area], cluster: [f.cluster], sort: 'newest' },
    { municipality: [f.municipality, 'outside', 'unknown'], kind: ['company'], size: ['1-9'] },
    { limit: 2, sort: 'name' },
    { limit: 2, cursor: f.namePage2 },
    { q: 'ab', limit: 2, cursor: f.rankedPage2 },
  ],
  'member.bySlug': (f) => [{ slug: f.member }],
  'article.list': (f) => [{}, { tag: f.tag }, { cluster: f.cluster, limit: 1 }],
  'article.bySlug': (f) => [{ slug: f.article }, { slug: f.article, locale: 'en' }],
  'statistics.overview': () => [undefined],
  'statistics.demoPresence': () => [undefined],
  'openData.catalogue': () => [undefined],
  'search.site': () => [{ q: 'förpackning' }, { q: 'livsmedel och' }, { q: 'lansering' }],
  'session.me': () => [undefined],
  'joinRequest.suggestClusters': (f) => [
    { areas: [f.area], municipalityCode: f.municipality },
    { areas: [] },
  ],
};

type AnyProcedure = {
  _def: { type: string; meta?: { reads?: readonly DataScope[] }; middlewares: unknown[] };
};

const protectedStep = (protectedProcedure as unknown as AnyProcedure)._def.middlewares.at(-1);
const procedures = appRouter._def.procedures as unknown as Record<string, AnyProcedure>;
/** Queries anyone may call: not behind protectedProcedure's sign-in step. */
const publicQueries = Object.entries(procedures)
  .filter(([, p]) => p._def.type === 'query' && !p._def.middlewares.includes(protectedStep))
  .map(([path]) => path)
  .sort();

type StatementMethod = 'all' | 'get' | 'iterate' | 'run';
const METHODS: StatementMethod[] = ['all', 'get', 'iterate', 'run'];

/** Logs the SQL of every statement executed on `sqlite` while installed. */
function logStatements(sqlite: Sqlite): { sources: string[]; stop: () => void } {
  const proto = Object.getPrototypeOf(sqlite.prepare('SELECT 1')) as Record<
    StatementMethod,
    (this: { source: string; database: Sqlite }, ...args: unknown[]) => unknown
  >;
  const sources: string[] = [];
  const originals = METHODS.map((m) => [m, proto[m]] as const);
  for (const [name, original] of originals) {
    proto[name] = function (...args) {
      if (this.database === sqlite) sources.push(this.source);
      return original.apply(this, args);
    };
  }
  // exec() runs SQL without a statement object.
  const exec = sqlite.exec.bind(sqlite);
  sqlite.exec = (source: string) => {
    sources.push(source);
    return exec(source);
  };
  return {
    sources,
    stop: () => {
      for (const [name, original] of originals) proto[name] = original;
      sqlite.exec = exec;
    },
  };
}

let api: TestApi;
let fixtures: Fixtures;
let tables: Set<string>;
const scopeOfTable = new Map<string, DataScope>(
  DATA_SCOPES.flatMap((scope) => SCOPE_TABLES[scope].map((t) => [t, scope] as const)),
);

/** The scopes of the tables named in the SQL; tables without a scope are returned apart. */
function scopesRead(sources: string[]): { scopes: Set<DataScope>; unscoped: Set<string> } {
  const scopes = new Set<DataScope>();
  const unscoped = new Set<string>();
  for (const source of sources) {
    // String literals ('published') are not names; every identifier token that is a table is read.
    const names = source.replace(/'(?:[^']|'')*'/g, "''").match(/[A-Za-z_][A-Za-z0-9_]*/g) ?? [];
    for (const name of names) {
      const table = name.toLowerCase();
      if (!tables.has(table) || BOOKKEEPING.has(table)) continue;
      const base = Object.keys(DERIVED).find((d) => table === d || table.startsWith(`${d}_`));
      const scope = scopeOfTable.get(table);
      if (base) for (const s of DERIVED[base] ?? []) scopes.add(s);
      else if (scope) scopes.add(scope);
      else unscoped.add(table);
    }
  }
  return { scopes, unscoped };
}

/** Runs fn on a new connection to the test database, logging what it executes. */
async function traced(fn: (sqlite: Sqlite, caller: ReturnType<typeof createCaller>) => unknown) {
  const handle = openDatabase({ url: api.handle.path });
  const log = logStatements(handle.sqlite);
  try {
    const caller = createCaller(createContextInner({ handle }));
    const result: unknown = await fn(handle.sqlite, caller);
    return { result, ...scopesRead(log.sources), statements: log.sources.length };
  } finally {
    log.stop();
    handle.close();
  }
}

function callByPath(caller: unknown, path: string, input: unknown): Promise<unknown> {
  const fn = path
    .split('.')
    .reduce<unknown>((at, key) => (at as Record<string, unknown>)[key], caller);
  return (fn as (input: unknown) => Promise<unknown>)(input);
}

const one = (sqlite: Sqlite, sql: string) => {
  const value = sqlite.prepare(sql).pluck().get() as string | undefined;
  if (value === undefined) throw new Error(`No fixture row for: ${sql}`);
  return value;
};

/** The cursor of the second page of a directory query (through the ordinary caller). */
async function page2(input: { q?: string }): Promise<string> {
  const page = await api.anonymous.member.directory({ ...input, limit: 2 });
  if (!page.nextCursor) throw new Error('The directory has one page only: seed more members');
  return page.nextCursor;
}

beforeAll(async () => {
  api = createTestApi({ demo: 120 });
  const s = api.sqlite;
  tables = new Set(
    (
      s
        .prepare("SELECT name FROM sqlite_schema WHERE type IN ('table', 'view')")
        .pluck()
        .all() as string[]
    ).map((n) => n.toLowerCase()),
  );
  fixtures = {
    member: one(s, "SELECT slug FROM members WHERE status = 'published' ORDER BY id"),
    area: one(
      s,
      `SELECT a.slug FROM areas a JOIN member_areas ma ON ma.area_id = a.id
       JOIN members m ON m.id = ma.member_id WHERE m.status = 'published'`,
    ),
    cluster: one(
      s,
      `SELECT c.slug FROM clusters c JOIN memberships ms ON ms.cluster_id = c.id
       JOIN members m ON m.id = ms.member_id WHERE m.status = 'published' AND c.status = 'published'`,
    ),
    article: one(s, "SELECT slug FROM articles WHERE status = 'published' ORDER BY id"),
    tag: one(
      s,
      `SELECT t.tag FROM article_tags t JOIN articles a ON a.id = t.article_id
       WHERE a.status = 'published'`,
    ),
    municipality: one(
      s,
      'SELECT municipality_code FROM members WHERE municipality_code IS NOT NULL',
    ),
    namePage2: await page2({}),
    rankedPage2: await page2({ q: 'ab' }),
  };
});

afterAll(() => api.cleanup());

describe('declared read scopes of the public queries', () => {
  it('finds the public queries, and each has an input entry', () => {
    expect(publicQueries.length).toBeGreaterThan(5);
    const missing = publicQueries.filter((p) => !(p in INPUTS));
    expect(missing, `add representative inputs for ${missing.join(', ')} to INPUTS`).toEqual([]);
    const gone = Object.keys(INPUTS).filter((p) => !publicQueries.includes(p));
    expect(gone, 'INPUTS names procedures that are no longer public queries').toEqual([]);
  });

  it('declares meta.reads on every public query, unless it deliberately reads everything', () => {
    const undeclared = publicQueries.filter((p) => !procedures[p]?._def.meta?.reads);
    expect(undeclared.sort()).toEqual(Object.keys(UNDECLARED).sort());
  });

  it.each(publicQueries)('%s reads only the scopes it declares', async (path) => {
    const declared = procedures[path]?._def.meta?.reads;
    const inputs = INPUTS[path]?.(fixtures) ?? [];
    for (const input of inputs) {
      const run = await traced((_sqlite, caller) => callByPath(caller, path, input));
      const what = `${path}(${JSON.stringify(input)})`;
      expect([...run.unscoped], `${what} reads tables without a data scope`).toEqual([]);
      if (!declared) continue; // UNDECLARED: counts as reading every scope
      const extra = [...run.scopes].filter((s) => !declared.includes(s));
      expect(extra, `${what} reads scopes missing from its meta.reads`).toEqual([]);
      // The call must have reached data, or it proves nothing.
      expect(run.scopes.size, `${what} read no scoped table`).toBeGreaterThan(0);
      expect(JSON.stringify(run.result).length).toBeGreaterThan(20);
    }
  });

  it('the downloads read only the scopes of their generation', async () => {
    const queries = [{}, { q: 'ab', area: [fixtures.area], municipality: ['outside' as const] }];
    for (const query of queries) {
      const run = await traced((sqlite) => [...exportPublishedMembers(sqlite, query)]);
      expect([...run.unscoped]).toEqual([]);
      expect([...run.scopes].filter((s) => !PUBLISHED_EXPORT_SCOPES.includes(s))).toEqual([]);
      expect(run.scopes.has('members')).toBe(true);
    }
  });
});
