/**
 * The reliability tests at bench size: the same test files CI runs small
 * (apps/server/src/reliability), run here with larger settings — 60 s of
 * load with writes on 100,000 members, ten times the fuzzing cases, and a
 * 100,000-row import killed with SIGKILL. Vitest's JSON report gives each
 * test's outcome; the tests' own summary lines (load figures, kill moments)
 * come from their stderr.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

export interface ReliabilityCase {
  file: string;
  settings: string;
  passed: number;
  failed: number;
  seconds: number;
  /** Summary lines the tests print (e.g. "load: … requests …"). */
  notes: string[];
  /** First lines of each failure, when there are any. */
  failures: string[];
}

const CASES = [
  {
    file: 'src/reliability/load-with-writes.test.ts',
    env: { LOAD_DURATION_MS: '60000', LOAD_DEMO_MEMBERS: '100000' },
    settings: '60 s of mixed traffic, 100,000 demo members, 6 visitors and 4 admins',
  },
  {
    // A filter: the fuzz tests are fuzz-trpc.test.ts and fuzz-rest.test.ts.
    file: 'src/reliability/fuzz-',
    env: { FUZZ_RUNS: '300' },
    settings: '300 generated inputs per property (CI: 30)',
  },
  {
    // A filter: faults-kill-import, faults-backup and faults-storage.test.ts.
    file: 'src/reliability/faults-',
    env: { FAULT_IMPORT_ROWS: '100000' },
    settings: 'SIGKILL during a 100,000-row import (CI: 20,000); backup under writes; disk faults',
  },
] as const;

interface VitestJson {
  testResults: {
    assertionResults: { status: string; failureMessages: string[]; duration?: number }[];
    startTime: number;
    endTime: number;
  }[];
}

function runVitest(serverDir: string, file: string, env: Record<string, string>, out: string) {
  return new Promise<string>((resolve, reject) => {
    const child = spawn(
      path.join(serverDir, 'node_modules/.bin/vitest'),
      // The default reporter as well: it prints the tests' own console lines (to stderr).
      ['run', file, '--reporter=json', '--reporter=default', `--outputFile.json=${out}`],
      { cwd: serverDir, env: { ...process.env, ...env }, stdio: ['ignore', 'ignore', 'pipe'] },
    );
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    // A failing test exits non-zero; the report still says what happened.
    child.on('exit', () => resolve(stderr));
  });
}

export async function runReliability(
  serverDir: string,
  log: (message: string) => void,
): Promise<ReliabilityCase[]> {
  const work = mkdtempSync(path.join(tmpdir(), 'cos-reliability-'));
  const results: ReliabilityCase[] = [];
  try {
    for (const c of CASES) {
      log(`reliability: ${c.file}…`);
      const out = path.join(work, 'report.json');
      rmSync(out, { force: true });
      const stderr = await runVitest(serverDir, c.file, c.env, out);
      let report: VitestJson = { testResults: [] };
      try {
        report = JSON.parse(readFileSync(out, 'utf8')) as VitestJson;
      } catch {
        // no report: the run died before writing it; counted as a failure below
      }
      const tests = report.testResults.flatMap((r) => r.assertionResults);
      const file = report.testResults[0];
      results.push({
        file: c.file,
        settings: c.settings,
        passed: tests.filter((t) => t.status === 'passed').length,
        failed: tests.filter((t) => t.status !== 'passed').length + (file ? 0 : 1),
        seconds: file ? (file.endTime - file.startTime) / 1000 : 0,
        notes: stderr
          .split('\n')
          // eslint-disable-next-line no-control-regex -- terminal colour codes around the lines
          .map((line) => line.replace(/\u001b\[[0-9;]*m/g, '').trim())
          .filter((line) => /^(load|faults \(\w\)):/.test(line)),
        failures: tests.flatMap((t) => t.failureMessages.map((m) => m.split('\n')[0] ?? '')),
      });
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
  return results;
}
