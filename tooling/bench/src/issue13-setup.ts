/**
 * What the issue-13 cases need around them: a server build to run (this
 * checkout's or another's, e.g. a clean clone of the commit before, for the
 * "before" figures), its database with a bench administrator, the data the
 * visitors' URLs are drawn from, and a server started with extra settings.
 */
import path from 'node:path';
import Database from 'better-sqlite3';
import { BENCH_ADMIN } from './admin-client';
import { freePort, start, timed, waitUntilOk, type Started } from './processes';
import { Q3_SLUG_SQL } from './cases';
import type { MixData } from './visitor-mix';

export interface Target {
  /** 'after' (this checkout) or 'before' (BENCH_COMPARE_DIR). */
  label: string;
  /** The apps/server folder of the build to run, and its built server (its dist, or a copy). */
  serverDir: string;
  dist: string;
  db: string;
  /** The server's environment (DATABASE_URL, AUTH_SECRET, …; PORT and PUBLIC_ORIGIN come per start). */
  env: Record<string, string>;
  /** Whether that build serves the public site (apps/web built). */
  pages: boolean;
}

export async function createBenchAdmin(t: Target): Promise<void> {
  await timed(
    process.execPath,
    [
      path.join(t.dist, 'cli.js'),
      'user:create',
      '--email',
      BENCH_ADMIN.email,
      '--password',
      BENCH_ADMIN.password,
      '--role',
      'admin',
      '--name',
      'Bench Admin',
    ],
    t.env,
    t.serverDir,
  );
}

export interface Running extends Started {
  base: string;
  origin: string;
}

export async function startTarget(t: Target, extra: Record<string, string> = {}): Promise<Running> {
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const server = start(
    process.execPath,
    [path.join(t.dist, 'main.js')],
    { ...t.env, PORT: String(port), PUBLIC_ORIGIN: base, ...extra },
    t.serverDir,
  );
  await waitUntilOk(`${base}/healthz`, 60_000);
  // Our own server answered, not something else that took the port meanwhile.
  if (server.child.exitCode !== null) throw new Error(`${t.label}: the server exited at start`);
  return { ...server, base, origin: base };
}

/** Published demo members spread over the file, areas and clusters, from the database itself. */
export function readMixData(db: string, pages: boolean): MixData & { writeIds: number[] } {
  const sqlite = new Database(db, { readonly: true });
  try {
    const published = sqlite
      .prepare(
        "SELECT id, slug FROM members WHERE status = 'published' AND is_demo = 1 ORDER BY id",
      )
      .all() as { id: number; slug: string }[];
    const every = (n: number) =>
      published.filter((_, i) => i % Math.max(1, Math.floor(published.length / n)) === 0);
    return {
      slugs: every(600).map((m) => m.slug),
      writeIds: every(20)
        .map((m) => m.id)
        .slice(0, 20),
      areas: sqlite.prepare('SELECT slug FROM areas ORDER BY id').pluck().all() as string[],
      clusters: sqlite.prepare('SELECT slug FROM clusters ORDER BY id').pluck().all() as string[],
      words: ['ab', 'lund', 'malmö', 'energi', 'food', 'tech', 'hälsa', 'innovation', 'packaging'],
      municipalities: ['1280', '1281', '1283', '1290', '1282', '1261', 'outside'],
      kinds: ['company', 'startup', 'academia', 'public-sector', 'investor'],
      cursors: [],
      pages,
    };
  } finally {
    sqlite.close();
  }
}

/** The page-2 cursor of each filter query, asked from the running server (REST, 20 a page). */
export async function cursorsFor(
  base: string,
  filters: string[],
): Promise<{ filters: string; cursor: string }[]> {
  const out: { filters: string; cursor: string }[] = [];
  for (const f of filters) {
    const response = await fetch(`${base}/api/v1/members?${f ? `${f}&` : ''}limit=20`);
    const body = (await response.json()) as { nextCursor?: string | null };
    if (response.ok && body.nextCursor) out.push({ filters: f, cursor: body.nextCursor });
  }
  return out;
}

/** Q3's member (the middle published demo member) in this target's database. */
export function q3Slug(db: string): string {
  const sqlite = new Database(db, { readonly: true });
  try {
    return (sqlite.prepare(Q3_SLUG_SQL).get() as { slug: string }).slug;
  } finally {
    sqlite.close();
  }
}

/**
 * Asks for every URL once (a few at a time), so the "stored" runs start with
 * the answers stored, as on a site visitors have been browsing for a while.
 */
export async function prime(base: string, urls: readonly string[], concurrency = 4): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < urls.length) {
      const url = urls[next++] ?? '/';
      await (await fetch(`${base}${url}`)).arrayBuffer();
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
}
