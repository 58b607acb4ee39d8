/**
 * pnpm bench — the whole benchmark in one run (see BENCHMARKS.md):
 * a 100,000-member database, the raw limit and the production server side by
 * side under the same load, pages, bulk import/export, seeding, RSS and
 * start-up, computed ranked search with facets (search-case.ts), the issue-13
 * cases (freshness under writes, computed Q3, compressed bytes, floods,
 * workers), then the reliability tests at large sizes.
 * Settings: BENCH_MEMBERS and BENCH_SECONDS shrink it for a quick look;
 * BENCH_CASES=freshness,flood runs only those groups (select.ts);
 * BENCH_FRESHNESS=writes|submissions runs only the admin-writes or the
 * public-submissions half of the freshness group (submissions-case.ts);
 * BENCH_CASE_SECONDS is the measured window of the issue-13 cases (default:
 * BENCH_SECONDS, at most 10); BENCH_COMPARE_DIR=/path/to/other/checkout runs
 * the issue-13 cases on that checkout's built server too ("before");
 * BENCH_RELIABILITY=0 leaves the reliability tests out.
 */
import { cpSync, existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { openDatabase } from '@cos/db';
import { runBulk } from './bulk';
import { captureQueryPlan } from './capture';
import { apiCases, pageCases, Q3_SLUG_SQL } from './cases';
import { runIssue13, ISSUE13_CASES } from './issue13-run';
import { renderIssue13 } from './issue13-report';
import { measure } from './load';
import { runReliability } from './reliability';
import { freePort, start, timed, waitUntilOk } from './processes';
import { renderReport, type Measurements } from './report';
import { replaceBlock } from './report-file';
import { runSearch } from './search-case';
import { selectCases } from './select';

const ROOT = path.resolve(import.meta.dirname, '../../..');
const SERVER = path.join(ROOT, 'apps/server');
// Other work may rebuild apps/server/dist during a long run: BENCH_SNAPSHOT=1 runs a copy of it
// (beside it, so its packages resolve the same), removed at the end.
// BENCH_SERVER_DIST (relative to apps/server, as workers-case.ts reads it) runs another build folder.
const DIST = process.env.BENCH_SERVER_DIST
  ? path.resolve(SERVER, process.env.BENCH_SERVER_DIST)
  : process.env.BENCH_SNAPSHOT === '1'
    ? snapshotDist()
    : path.join(SERVER, 'dist');
const MAIN = path.join(DIST, 'main.js');
const CLI = path.join(DIST, 'cli.js');
const MEMBERS = Number(process.env.BENCH_MEMBERS ?? 100_000);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 15);
const CASE_SECONDS = Number(process.env.BENCH_CASE_SECONDS ?? Math.min(SECONDS, 10));
const COMPARE_DIR = process.env.BENCH_COMPARE_DIR || undefined;
const cases = selectCases(process.env.BENCH_CASES);
if (process.env.BENCH_RELIABILITY === '0') cases.delete('reliability');

function snapshotDist(): string {
  const copy = path.join(SERVER, `.bench-dist-${process.pid}`);
  cpSync(path.join(SERVER, 'dist'), copy, { recursive: true });
  process.on('exit', () => rmSync(copy, { recursive: true, force: true }));
  return copy;
}

if (!existsSync(MAIN))
  throw new Error('Build first: pnpm build (the bench measures the production build)');
const work = mkdtempSync(path.join(tmpdir(), 'cos-bench-'));
const db = path.join(work, 'bench.db');
const env = {
  DATABASE_URL: db,
  LOG_LEVEL: process.env.BENCH_LOG_LEVEL ?? 'info',
  AUTH_SECRET: 'bench-secret-bench-secret-bench-secret',
};
const log = (message: string) => console.warn(`[bench] ${message}`);
const needsRaw = cases.has('api') || cases.has('q3');
const API_PORT = await freePort();
const RAW_PORT = await freePort();

try {
  // The reliability tests start their own servers: alone, they need no database here.
  const needsDb = [...cases].some((c) => c !== 'reliability');
  let seedMs = 0;
  let slug = '';
  const planFile = path.join(work, 'plan.json');
  if (needsDb) {
    log(`seeding ${MEMBERS} demo members…`);
    seedMs = await timed(process.execPath, [CLI, 'seed', '--demo', String(MEMBERS)], env, SERVER);
    const handle = openDatabase({ url: db });
    slug = (handle.sqlite.prepare(Q3_SLUG_SQL).get() as { slug: string }).slug;
    if (needsRaw) writeFileSync(planFile, JSON.stringify(await captureQueryPlan(handle, slug)));
    handle.close();
  }

  let startupMs = 0;
  if (cases.has('bulk')) {
    log('start-up…');
    const startups: number[] = [];
    for (let i = 0; i < 3; i++) {
      const server = start(process.execPath, [MAIN], { ...env, PORT: String(API_PORT) }, SERVER);
      startups.push(await waitUntilOk(`http://127.0.0.1:${API_PORT}/healthz`));
      await server.stop();
    }
    startupMs = [...startups].sort((a, b) => a - b)[1] ?? 0;
  }

  const raw = needsRaw
    ? start(
        process.execPath,
        [
          '--conditions=source',
          '--import',
          'tsx',
          path.join(import.meta.dirname, 'raw-server.ts'),
          db,
          planFile,
          String(RAW_PORT),
        ],
        {},
        SERVER,
      )
    : null;
  if (raw) await waitUntilOk(`http://127.0.0.1:${RAW_PORT}/q3`);

  const rawResults = {} as Measurements['raw'];
  const apiResults: Measurements['api'] = [];
  const pages: Measurements['pages'] = [];
  let peakRssMb = 0;
  // Every case twice: as repeated requests are answered (the response cache sends stored bytes)
  // and with Cache-Control: no-cache, so every answer is computed through the whole stack.
  const modes = ['stored', 'computed'] as const;
  if (cases.has('api') || cases.has('pages')) {
    const api = start(process.execPath, [MAIN], { ...env, PORT: String(API_PORT) }, SERVER);
    await waitUntilOk(`http://127.0.0.1:${API_PORT}/healthz`);
    if (cases.has('api')) {
      for (const q of ['q1', 'q2', 'q3'] as const) {
        log(`raw ${q}…`);
        rawResults[q] = await measure(`http://127.0.0.1:${RAW_PORT}/${q}`, { duration: SECONDS });
      }
      for (const mode of modes) {
        for (const c of apiCases(slug)) {
          log(`${c.name}, ${mode}`);
          const url = `http://127.0.0.1:${API_PORT}${c.path}`;
          const result = await measure(url, { duration: SECONDS, fresh: mode === 'computed' });
          apiResults.push({ name: c.name, raw: c.raw, mode, result });
        }
      }
    }
    const home = await fetch(`http://127.0.0.1:${API_PORT}/medlemmar`);
    if (home.ok && cases.has('pages')) {
      for (const mode of modes) {
        for (const p of pageCases(slug)) {
          log(`${p.name}, ${mode}`);
          const url = `http://127.0.0.1:${API_PORT}${p.path}`;
          const result = await measure(url, { duration: SECONDS, fresh: mode === 'computed' });
          pages.push({ name: p.name, mode, result });
        }
      }
    }
    peakRssMb = api.peakRssMb();
    await api.stop();
  }

  const search = cases.has('search')
    ? await runSearch({ db, main: MAIN, serverDir: SERVER, env, port: API_PORT, log })
    : null;

  const issue13 = await runIssue13({
    cases,
    timing: { warmup: 3, seconds: CASE_SECONDS },
    work,
    members: MEMBERS,
    serverDir: SERVER,
    dist: DIST,
    db,
    compareDir: COMPARE_DIR,
    rawQ3Url: `http://127.0.0.1:${RAW_PORT}/q3`,
    log,
  });
  await raw?.stop();

  const bulk = cases.has('bulk')
    ? await runBulk({ cli: CLI, serverDir: SERVER, env, work, db, members: MEMBERS, log })
    : null;
  const reliability = cases.has('reliability') ? await runReliability(SERVER, log) : [];

  const report = renderReport({
    members: MEMBERS,
    seconds: SECONDS,
    raw: rawResults,
    api: apiResults,
    pages: cases.has('pages') ? pages : null,
    bulk: bulk && { ...bulk, seedMs, startupMs, peakRssMb },
    reliability,
    search,
  });
  const issue13Report = renderIssue13(
    issue13,
    `Measured ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC, ${MEMBERS.toLocaleString('en-GB')} demo members, 3 s warm-up and ${CASE_SECONDS} s measured per case` +
      (COMPARE_DIR
        ? `; _before_: the built server of ${COMPARE_DIR}, measured in the same run, case by case just before _after_ (this checkout).`
        : '.'),
  );
  // The report is the output of this command.
  // eslint-disable-next-line no-console
  console.log(issue13.length > 0 ? `${report}\n\n${issue13Report}` : report);
  const target = path.join(ROOT, 'BENCHMARKS.md');
  const full = MEMBERS === 100_000 && SECONDS >= 15;
  const forced = process.env.BENCH_WRITE === '1';
  if (existsSync(target) && full && (['api', 'pages', 'bulk'] as const).every((c) => cases.has(c)))
    if (replaceBlock(target, 'bench:results', report)) log('BENCHMARKS.md updated (results)');
  // The issue-13 block (before and after): from a full run with all its cases and BENCH_COMPARE_DIR,
  // or on request (BENCH_WRITE=1).
  if (
    existsSync(target) &&
    ((full && COMPARE_DIR) || forced) &&
    ISSUE13_CASES.every((c) => cases.has(c))
  )
    if (replaceBlock(target, 'bench:issue13', issue13Report))
      log('BENCHMARKS.md updated (issue 13)');
} finally {
  rmSync(work, { recursive: true, force: true });
}
