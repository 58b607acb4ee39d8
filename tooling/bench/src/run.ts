/**
 * pnpm bench — the whole benchmark in one run (see BENCHMARKS.md):
 * a 100,000-member database, the raw limit and the production server side by
 * side under the same load, pages, bulk import/export, seeding, RSS and
 * start-up, then the reliability tests at large sizes. BENCH_MEMBERS and
 * BENCH_SECONDS shrink it for a quick look; BENCH_RELIABILITY=0 leaves the
 * reliability tests out.
 */
import {
  copyFileSync,
  existsSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { openDatabase } from '@cos/db';
import { captureQueryPlan } from './capture';
import { apiCases, pageCases, Q3_SLUG_SQL } from './cases';
import { writeImportCsv } from './import-file';
import { measure } from './load';
import { runReliability } from './reliability';
import { start, timed, waitUntilOk } from './processes';
import { renderReport, type Measurements } from './report';

const ROOT = path.resolve(import.meta.dirname, '../../..');
const SERVER = path.join(ROOT, 'apps/server');
const MAIN = path.join(SERVER, 'dist/main.js');
const CLI = path.join(SERVER, 'dist/cli.js');
const MEMBERS = Number(process.env.BENCH_MEMBERS ?? 100_000);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 15);
const API_PORT = 3901;
const RAW_PORT = 3902;

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

try {
  log(`seeding ${MEMBERS} demo members…`);
  const seedMs = await timed(
    process.execPath,
    [CLI, 'seed', '--demo', String(MEMBERS)],
    env,
    SERVER,
  );

  const handle = openDatabase({ url: db });
  const slug = (handle.sqlite.prepare(Q3_SLUG_SQL).get() as { slug: string }).slug;
  const planFile = path.join(work, 'plan.json');
  writeFileSync(planFile, JSON.stringify(await captureQueryPlan(handle, slug)));
  handle.close();

  log('start-up…');
  const startups: number[] = [];
  for (let i = 0; i < 3; i++) {
    const server = start(process.execPath, [MAIN], { ...env, PORT: String(API_PORT) }, SERVER);
    startups.push(await waitUntilOk(`http://127.0.0.1:${API_PORT}/healthz`));
    await server.stop();
  }
  const startupMs = [...startups].sort((a, b) => a - b)[1] ?? 0;

  const api = start(process.execPath, [MAIN], { ...env, PORT: String(API_PORT) }, SERVER);
  const raw = start(
    process.execPath,
    [
      '--import',
      'tsx',
      path.join(import.meta.dirname, 'raw-server.ts'),
      db,
      planFile,
      String(RAW_PORT),
    ],
    {},
    SERVER,
  );
  await waitUntilOk(`http://127.0.0.1:${API_PORT}/healthz`);
  await waitUntilOk(`http://127.0.0.1:${RAW_PORT}/q3`);

  const rawResults = {} as Measurements['raw'];
  for (const q of ['q1', 'q2', 'q3'] as const) {
    log(`raw ${q}…`);
    rawResults[q] = await measure(`http://127.0.0.1:${RAW_PORT}/${q}`, { duration: SECONDS });
  }
  // Every case twice: as repeated requests are answered (the response cache sends stored bytes)
  // and with Cache-Control: no-cache, so every answer is computed through the whole stack.
  const modes = ['stored', 'computed'] as const;
  const apiResults: Measurements['api'] = [];
  for (const mode of modes) {
    for (const c of apiCases(slug)) {
      log(`${c.name}, ${mode}`);
      apiResults.push({
        name: c.name,
        raw: c.raw,
        mode,
        result: await measure(`http://127.0.0.1:${API_PORT}${c.path}`, {
          duration: SECONDS,
          fresh: mode === 'computed',
        }),
      });
    }
  }
  const pages: Measurements['pages'] = [];
  const home = await fetch(`http://127.0.0.1:${API_PORT}/medlemmar`);
  if (home.ok) {
    for (const mode of modes) {
      for (const p of pageCases(slug)) {
        log(`${p.name}, ${mode}`);
        pages.push({
          name: p.name,
          mode,
          result: await measure(`http://127.0.0.1:${API_PORT}${p.path}`, {
            duration: SECONDS,
            fresh: mode === 'computed',
          }),
        });
      }
    }
  }
  const peakRssMb = api.peakRssMb();
  await api.stop();
  await raw.stop();

  log('export…');
  const exportMs = await timed(
    process.execPath,
    [CLI, 'export', 'members', '--format', 'csv', '--out', path.join(work, 'export.csv')],
    env,
    SERVER,
  );
  log('import…');
  const importDb = path.join(work, 'import.db');
  copyFileSync(db, importDb);
  const importFile = path.join(work, 'import.csv');
  writeImportCsv(importFile, MEMBERS);
  const importMs = await timed(
    process.execPath,
    [CLI, 'import', 'members', importFile, '--apply'],
    { ...env, DATABASE_URL: importDb },
    SERVER,
  );

  const reliability =
    process.env.BENCH_RELIABILITY === '0' ? [] : await runReliability(SERVER, log);

  const report = renderReport({
    members: MEMBERS,
    seconds: SECONDS,
    raw: rawResults,
    api: apiResults,
    pages,
    peakRssMb,
    startupMs,
    seedMs,
    exportMs,
    importMs,
    reliability,
  });
  // The report is the output of this command.
  // eslint-disable-next-line no-console
  console.log(report);
  const target = path.join(ROOT, 'BENCHMARKS.md');
  if (existsSync(target) && MEMBERS === 100_000 && SECONDS >= 15) {
    const doc = readFileSync(target, 'utf8');
    const begin = '<!-- bench:results -->';
    const end = '<!-- /bench:results -->';
    if (doc.includes(begin) && doc.includes(end)) {
      writeFileSync(
        target,
        `${doc.slice(0, doc.indexOf(begin) + begin.length)}\n${report}\n${doc.slice(doc.indexOf(end))}`,
      );
      log('BENCHMARKS.md updated');
    }
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}
