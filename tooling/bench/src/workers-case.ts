/**
 * "1 vs 2 workers": the same public reads against the production build started
 * with WORKERS=1 and WORKERS=2 on the same database file — a stored answer
 * (the response cache) and computed ones (Cache-Control: no-cache, so every
 * request runs the query) — from the load generator in its own process.
 *
 * `measureWorkers()` is what run.ts calls; `tsx src/workers-case.ts` runs it
 * alone on a fresh demo database (BENCH_MEMBERS, BENCH_SECONDS, BENCH_WORKERS
 * = "1,2", BENCH_ROUNDS) and prints the table. On a 2-core machine the load generator takes
 * a core too, so 2 workers cannot reach 2× there: read the figures with the
 * machine's core count beside them.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { Q1, Q3_SLUG_SQL } from './cases';
import { measure, type LoadResult } from './load';
import { start, timed, waitUntilOk } from './processes';

export interface WorkersCase {
  name: string;
  path: string;
  /** Computed: every request asks for a fresh answer (no stored one). */
  fresh: boolean;
}

export interface WorkersRow extends WorkersCase {
  workers: number;
  result: LoadResult;
  /**
   * CPU the server's processes (primary and workers) used during the run, in cores
   * (CPU seconds / wall seconds, warm-up included): on a shared machine this shows
   * whether the server could use the cores at all.
   */
  serverCores: number;
}

/** utime + stime of a process and its children, in seconds (Linux /proc; 0 elsewhere). */
function cpuSeconds(pid: number | undefined): number {
  if (pid === undefined) return 0;
  try {
    const children = readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8')
      .trim()
      .split(/\s+/)
      .filter(Boolean)
      .map(Number);
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const own = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    // Fields 14 and 15 (utime, stime) in clock ticks of 1/100 s; `own` starts at field 3.
    const ticks = Number(own[11]) + Number(own[12]);
    return ticks / 100 + children.reduce((sum, child) => sum + cpuSeconds(child), 0);
  } catch {
    return 0;
  }
}

export function workersCases(slug: string): WorkersCase[] {
  const q1 = new URLSearchParams({
    area: Q1.area.join(','),
    municipality: Q1.municipality.join(','),
    sort: Q1.sort,
    limit: String(Q1.limit),
  });
  return [
    { name: 'Q3 member by slug (REST), stored', path: `/api/v1/members/${slug}`, fresh: false },
    { name: 'Q3 member by slug (REST), computed', path: `/api/v1/members/${slug}`, fresh: true },
    { name: 'Q1 directory filter (REST), computed', path: `/api/v1/members?${q1}`, fresh: true },
  ];
}

export interface MeasureWorkersOptions {
  /** apps/server/dist/main.js and its directory. */
  main: string;
  serverDir: string;
  /** DATABASE_URL, AUTH_SECRET, … of the other cases. */
  env: Record<string, string>;
  port: number;
  cases: WorkersCase[];
  counts?: number[];
  /** Each count is measured this many times, interleaved (1, 2, 1, 2): on a shared machine the load drifts. */
  rounds?: number;
  seconds?: number;
  connections?: number;
}

/** For each worker count: start the server, wait until every worker answers, measure each case. */
export async function measureWorkers(options: MeasureWorkersOptions): Promise<WorkersRow[]> {
  const { main, serverDir, env, port, cases, counts = [1, 2], rounds = 1, seconds = 15 } = options;
  const rows: WorkersRow[] = [];
  const runs = Array.from({ length: rounds }, () => counts).flat();
  for (const workers of runs) {
    const server = start(
      process.execPath,
      [main],
      {
        ...env,
        PORT: String(port),
        WORKERS: String(workers),
        WORKER_HEADER: '1',
        LOG_LEVEL: 'warn',
      },
      serverDir,
    );
    try {
      await allWorkersUp(`http://127.0.0.1:${port}/healthz`, workers);
      for (const c of cases) {
        const cpuBefore = cpuSeconds(server.child.pid);
        const wallBefore = performance.now();
        const result = await measure(`http://127.0.0.1:${port}${c.path}`, {
          duration: seconds,
          connections: options.connections,
          fresh: c.fresh,
        });
        const cpu = cpuSeconds(server.child.pid) - cpuBefore;
        const serverCores = cpu / ((performance.now() - wallBefore) / 1000);
        rows.push({ ...c, workers, result, serverCores });
      }
    } finally {
      await server.stop();
    }
  }
  return rows;
}

/** /healthz answers once one worker listens; wait until `count` distinct workers have. */
async function allWorkersUp(url: string, count: number, timeoutMs = 60_000): Promise<void> {
  await waitUntilOk(url, timeoutMs);
  const seen = new Set<string>();
  const started = performance.now();
  while (seen.size < count) {
    seen.add(await answeringWorker(url));
    if (performance.now() - started > timeoutMs)
      throw new Error(`only ${seen.size} of ${count} workers answered within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

/** x-cos-worker of one GET on a new connection (no keep-alive: the primary hands each to the next worker). */
function answeringWorker(url: string): Promise<string> {
  return new Promise((resolve, reject) => {
    http
      .get(url, { agent: false }, (response) => {
        response.resume();
        response.on('end', () => resolve(String(response.headers['x-cos-worker'] ?? '')));
      })
      .on('error', reject);
  });
}

/**
 * A Markdown table: one line per case, 1 worker beside N, with the ratio. With
 * several rounds, a cell is the round with the most requests per second (the
 * one least disturbed by whatever else the machine ran).
 */
export function renderWorkersTable(rows: WorkersRow[]): string {
  const counts = [...new Set(rows.map((r) => r.workers))].sort((a, b) => a - b);
  const names = [...new Set(rows.map((r) => r.name))];
  const head = counts.map((n) => `${n} worker${n === 1 ? '' : 's'}: req/s (p99 ms) cores`);
  const lines = [
    `| case | ${head.join(' | ')} | ${counts.at(-1)} vs ${counts[0]} |`,
    `| --- | ${counts.map(() => '---:').join(' | ')} | ---: |`,
  ];
  for (const name of names) {
    const of = (n: number) =>
      rows
        .filter((r) => r.name === name && r.workers === n)
        .sort((a, b) => b.result.requestsPerSecond - a.result.requestsPerSecond)[0];
    const cells = counts.map((n) => {
      const r = of(n);
      if (!r) return '–';
      const { requestsPerSecond, p99 } = r.result;
      return `${Math.round(requestsPerSecond)} (${p99}) ${r.serverCores.toFixed(2)}`;
    });
    const first = of(counts[0] ?? 1)?.result.requestsPerSecond ?? 0;
    const last = of(counts.at(-1) ?? 1)?.result.requestsPerSecond ?? 0;
    lines.push(`| ${name} | ${cells.join(' | ')} | ${first ? (last / first).toFixed(2) : '–'}× |`);
  }
  return lines.join('\n');
}

async function runAlone(): Promise<void> {
  const root = path.resolve(import.meta.dirname, '../../..');
  const serverDir = path.join(root, 'apps/server');
  // BENCH_SERVER_DIST: a copy of dist/ beside it, when others rebuild dist/ meanwhile.
  const dist = path.resolve(serverDir, process.env.BENCH_SERVER_DIST ?? 'dist');
  const work = mkdtempSync(path.join(os.tmpdir(), 'cos-bench-workers-'));
  const env = {
    DATABASE_URL: path.join(work, 'bench.db'),
    AUTH_SECRET: 'bench-secret-bench-secret-bench-secret',
  };
  try {
    const members = process.env.BENCH_MEMBERS ?? '100000';
    await timed(
      process.execPath,
      [path.join(dist, 'cli.js'), 'seed', '--demo', members],
      env,
      serverDir,
    );
    const db = new Database(env.DATABASE_URL, { readonly: true });
    const { slug } = db.prepare(Q3_SLUG_SQL).get() as { slug: string };
    db.close();
    const rows = await measureWorkers({
      main: path.join(dist, 'main.js'),
      serverDir,
      env,
      port: 3903,
      cases: workersCases(slug),
      counts: (process.env.BENCH_WORKERS ?? '1,2').split(',').map(Number),
      rounds: Number(process.env.BENCH_ROUNDS ?? 1),
      seconds: Number(process.env.BENCH_SECONDS ?? 15),
    });
    process.stdout.write(
      `${members} members, ${os.availableParallelism()} cores, load generator in its own process\n\n` +
        `${renderWorkersTable(rows)}\n`,
    );
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await runAlone();
