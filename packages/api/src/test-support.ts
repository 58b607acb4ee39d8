/**
 * Helpers for this package's tests only (not exported from the package):
 * a fresh SQLite file in its own temp folder, migrated and seeded with the
 * default data (and optionally demo members), plus tRPC callers for an
 * anonymous visitor, an admin and an editor of any cluster — no HTTP.
 */
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openDatabase, runMigrations, users, type DatabaseHandle, type Sqlite } from '@cos/db';
import { generateDemoData } from '@cos/db/demo';
import { seedDefaultData } from '@cos/db/seed';
import type { MemberDirectoryQueryInput } from '@cos/domain';
import { getErrorShape, TRPCError } from '@trpc/server';
import { ZodError } from 'zod';
import type { Actor } from './actor';
import { createContextInner } from './context';
import { appRouter, createCaller } from './root';

export type Caller = ReturnType<typeof createCaller>;
export type DirectoryItem = Awaited<ReturnType<Caller['member']['directory']>>['items'][number];

export interface TestApiOptions {
  /** Demo members to generate after the default data (default 0). */
  demo?: number;
  /** Seed for the demo generator (default 7). */
  demoSeed?: number;
}

export interface TestApi {
  handle: DatabaseHandle;
  sqlite: Sqlite;
  anonymous: Caller;
  admin: Caller;
  adminUser: Actor;
  /** A caller signed in as the editor of the cluster with this slug. */
  editor: (clusterSlug: string, options?: { crossSite?: boolean }) => Caller;
  editorUser: (clusterSlug: string) => Actor;
  callerFor: (user: Actor | null, options?: { crossSite?: boolean }) => Caller;
  areaId: (slug: string) => number;
  clusterId: (slug: string) => number;
  memberId: (slug: string) => number;
  count: (table: string) => number;
  /** sha256 over every row of every table (FTS shadow tables included). */
  checksum: () => string;
  cleanup: () => void;
}

export const ADMIN_USER: Actor = {
  id: 'user-admin',
  email: 'admin.person@example.test',
  name: 'Ada Admin',
  role: 'admin',
  clusterId: null,
};

export function createTestApi(options: TestApiOptions = {}): TestApi {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'cos-api-test-'));
  const handle = openDatabase({ url: path.join(dir, 'test.db') });
  runMigrations(handle.db);
  seedDefaultData(handle.db);
  if (options.demo)
    generateDemoData(handle.sqlite, { count: options.demo, seed: options.demoSeed ?? 7 });
  const sqlite = handle.sqlite;

  const idOf = (table: 'areas' | 'clusters' | 'members', slug: string): number => {
    const row = sqlite.prepare(`SELECT id FROM ${table} WHERE slug = ?`).get(slug) as
      { id: number } | undefined;
    if (!row) throw new Error(`No ${table} row with slug ${slug}`);
    return row.id;
  };

  const editorUser = (clusterSlug: string): Actor => ({
    id: `user-editor-${clusterSlug}`,
    email: `editor.${clusterSlug}@example.test`,
    name: `Editor of ${clusterSlug}`,
    role: 'editor',
    clusterId: idOf('clusters', clusterSlug),
  });

  // The users exist in the database too, so a leak of their e-mail addresses would be possible.
  handle.db
    .insert(users)
    .values([
      {
        id: ADMIN_USER.id,
        name: ADMIN_USER.name,
        email: ADMIN_USER.email,
        role: 'admin',
        clusterId: null,
      },
      ...['opentech', 'packbridge'].map((slug) => {
        const u = editorUser(slug);
        return {
          id: u.id,
          name: u.name,
          email: u.email,
          role: 'editor' as const,
          clusterId: u.clusterId,
        };
      }),
    ])
    .run();

  const callerFor = (user: Actor | null, opts: { crossSite?: boolean } = {}) =>
    createCaller(createContextInner({ handle, user, crossSite: opts.crossSite ?? false }));

  return {
    handle,
    sqlite,
    anonymous: callerFor(null),
    admin: callerFor(ADMIN_USER),
    adminUser: ADMIN_USER,
    editor: (clusterSlug, opts) => callerFor(editorUser(clusterSlug), opts),
    editorUser,
    callerFor,
    areaId: (slug) => idOf('areas', slug),
    clusterId: (slug) => idOf('clusters', slug),
    memberId: (slug) => idOf('members', slug),
    count: (table) =>
      (sqlite.prepare(`SELECT count(*) AS n FROM "${table}"`).get() as { n: number }).n,
    checksum: () => checksumDatabase(sqlite),
    cleanup: () => {
      handle.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/**
 * Every row of every table, sorted by content (some FTS5 shadow tables are
 * WITHOUT ROWID), hashed: equal exactly when the stored data is.
 */
export function checksumDatabase(sqlite: Sqlite): string {
  const hash = createHash('sha256');
  const tables = sqlite
    .prepare("SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name")
    .pluck()
    .all() as string[];
  for (const name of tables) {
    const rows = sqlite
      .prepare(`SELECT * FROM "${name}"`)
      .raw()
      .all()
      .map((row) =>
        JSON.stringify(row, (_key, value: unknown) =>
          Buffer.isBuffer(value) ? value.toString('hex') : value,
        ),
      )
      .sort();
    hash.update(`${name}\n${rows.join('\n')}\n`);
  }
  return hash.digest('hex');
}

/** Awaits a call that must fail and returns its TRPCError (fails the test otherwise). */
export async function trpcError(
  call: Promise<unknown> | (() => Promise<unknown>),
): Promise<TRPCError> {
  try {
    await (typeof call === 'function' ? call() : call);
  } catch (error) {
    if (error instanceof TRPCError) return error;
    throw new Error(`Expected a TRPCError, got ${String(error)}`, { cause: error });
  }
  throw new Error('Expected the call to fail, but it succeeded');
}

/** The field names an error blames: zod issue paths, or a service's FieldError field. */
export function blamedFields(error: TRPCError): string[] {
  const cause = error.cause;
  if (cause instanceof ZodError) return cause.issues.map((i) => i.path.map(String).join('.'));
  const field = (cause as { field?: unknown } | undefined)?.field;
  return typeof field === 'string' ? [field] : [];
}

/** The error as a client would receive it, through trpc.ts's errorFormatter. */
export function formattedError(error: TRPCError, procedurePath: string) {
  return getErrorShape({
    config: appRouter._def._config,
    error,
    type: 'mutation',
    path: procedurePath,
    input: undefined,
    ctx: undefined,
  });
}

/** Every key of every object anywhere inside a value. */
export function allKeys(value: unknown, into = new Set<string>()): Set<string> {
  if (Array.isArray(value)) {
    for (const v of value) allKeys(v, into);
  } else if (value !== null && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      into.add(k);
      allKeys(v, into);
    }
  }
  return into;
}

/** Walks the public directory page by page and returns every item, checking the pages as it goes. */
export async function allDirectoryPages(
  caller: Caller,
  input: MemberDirectoryQueryInput,
): Promise<{ items: DirectoryItem[]; total: number; pages: number }> {
  const items: DirectoryItem[] = [];
  let cursor: string | undefined;
  let total = -1;
  let pages = 0;
  for (;;) {
    const page = await caller.member.directory({ ...input, cursor });
    pages++;
    if (total === -1) total = page.total;
    else if (page.total !== total)
      throw new Error(`total changed between pages: ${total} → ${page.total}`);
    items.push(...page.items);
    if (page.nextCursor === null) break;
    if (pages > 10_000) throw new Error('pagination does not end');
    cursor = page.nextCursor;
  }
  return { items, total, pages };
}
