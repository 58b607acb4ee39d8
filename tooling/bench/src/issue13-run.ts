/**
 * Runs the selected issue-13 cases on this checkout ("after") and, when
 * BENCH_COMPARE_DIR names another checkout with a built server (e.g. a clean
 * clone of the commit before), on that one too ("before"), case by case back
 * to back, so both see the same machine. The "before" build seeds and serves
 * its own database (its own schema), with the same demo data.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { CaseGroup } from './select';
import { compression, floods, freshness, q3, workers, type Timing } from './issue13-cases';
import type { Issue13Measurements } from './issue13-report';
import { createBenchAdmin, type Target } from './issue13-setup';
import { submissions } from './submissions-case';
import { timed } from './processes';

export const ISSUE13_CASES: readonly CaseGroup[] = [
  'freshness',
  'q3',
  'compression',
  'flood',
  'workers',
];

export interface Issue13Options {
  cases: Set<CaseGroup>;
  timing: Timing;
  work: string;
  members: number;
  /** This checkout's apps/server and its (already seeded) database. */
  serverDir: string;
  /** This checkout's built server (apps/server/dist or the run's copy of it). */
  dist: string;
  db: string;
  compareDir: string | undefined;
  rawQ3Url: string;
  log: (message: string) => void;
}

function target(
  label: string,
  serverDir: string,
  db: string,
  dist = path.join(serverDir, 'dist'),
): Target {
  return {
    label,
    serverDir,
    dist,
    db,
    pages: existsSync(path.join(serverDir, '../web/dist/server/entry.mjs')),
    env: {
      DATABASE_URL: db,
      LOG_LEVEL: 'warn',
      AUTH_SECRET: 'bench-secret-bench-secret-bench-secret',
    },
  };
}

export async function runIssue13(o: Issue13Options): Promise<Issue13Measurements[]> {
  const selected = ISSUE13_CASES.filter((c) => o.cases.has(c));
  if (selected.length === 0) return [];
  const after = target('after', o.serverDir, o.db, o.dist);
  const targets: Target[] = [];
  if (o.compareDir) {
    const serverDir = path.join(path.resolve(o.compareDir), 'apps/server');
    if (!existsSync(path.join(serverDir, 'dist/main.js')))
      throw new Error(`BENCH_COMPARE_DIR: no built server in ${serverDir}`);
    const before = target('before', serverDir, path.join(o.work, 'before.db'));
    o.log(`before: seeding ${o.members} demo members with ${serverDir}…`);
    await timed(
      process.execPath,
      [path.join(serverDir, 'dist/cli.js'), 'seed', '--demo', String(o.members)],
      before.env,
      serverDir,
    );
    await createBenchAdmin(before);
    targets.push(before);
  }
  await createBenchAdmin(after);
  targets.push(after);

  const runs: Issue13Measurements[] = targets.map((t) => ({ label: t.label }));
  for (const c of selected) {
    for (const [i, t] of targets.entries()) {
      const run = runs[i] as Issue13Measurements;
      o.log(`issue 13: ${c}, ${t.label}…`);
      try {
        // BENCH_FRESHNESS=writes or =submissions runs only that half of the group.
        const only = process.env.BENCH_FRESHNESS;
        if (c === 'freshness' && only !== 'submissions')
          run.freshness = await freshness(t, o.timing, o.work);
        // Public submissions exist from issue 14 on: only this checkout has them.
        if (c === 'freshness' && only !== 'writes' && t.label === 'after')
          run.submissions = await submissions(t, o.timing, o.work);
        if (c === 'q3') run.q3 = await q3(t, o.timing, o.rawQ3Url);
        if (c === 'compression') run.compression = await compression(t);
        // The default-limits variant only differs where per-address limits exist (after).
        if (c === 'flood') run.floods = await floods(t, o.timing, t.label === 'after');
        // Before WORKERS existed both runs are one process: only this checkout is measured.
        if (c === 'workers' && t.label === 'after') run.workers = await workers(t, o.timing);
      } catch (error) {
        // One case failing (e.g. a server that stops answering) leaves the others' figures.
        const reason = error instanceof Error ? error.message : String(error);
        o.log(`issue 13: ${c}, ${t.label} failed: ${reason}`);
        (run.failures ??= []).push(`${c}: ${reason}`);
      }
    }
  }
  return runs;
}
