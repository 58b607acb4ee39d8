/** The CLI scripts behind `pnpm db:migrate` and `pnpm db:seed`, run as the package runs them. */
import { execFileSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../client';
import { makeTempDir } from '../test-support';

const PACKAGE_DIR = path.resolve(import.meta.dirname, '..', '..');

let dir: string;
let file: string;
beforeAll(() => {
  dir = makeTempDir();
  file = path.join(dir, 'cli', 'site.db');
});
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

/** Runs a script with tsx, as package.json does, against the temp file only; returns stderr. */
function runScript(script: string, args: string[] = []): string {
  const result = execFileSync(
    process.execPath,
    ['--conditions=source', '--import', 'tsx', path.join('src', 'scripts', script), ...args],
    {
      cwd: PACKAGE_DIR,
      env: { ...process.env, DATABASE_URL: file },
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  return result;
}

function counts() {
  const handle = openDatabase({ url: file, readonly: true });
  try {
    const n = (sql: string) => Number(handle.sqlite.prepare(sql).pluck().get());
    return {
      tables: n("SELECT count(*) FROM sqlite_schema WHERE type = 'table'"),
      members: n('SELECT count(*) FROM members WHERE is_demo = 0'),
      demo: n('SELECT count(*) FROM members WHERE is_demo = 1'),
      clusters: n('SELECT count(*) FROM clusters'),
    };
  } finally {
    handle.close();
  }
}

// Each script is a whole Node process with tsx compiling on first use: on two busy cores (turbo runs
// lint, typecheck and tests side by side) three of them can take longer than the default 20 s.
describe('db scripts', { timeout: 120_000 }, () => {
  it('db:migrate creates the schema in the DATABASE_URL file', () => {
    runScript('migrate.ts');
    expect(counts()).toMatchObject({ members: 0, clusters: 0 });
    expect(counts().tables).toBeGreaterThan(15);
  });

  it('db:seed --demo N loads the default data and N demo members; again, it adds nothing', () => {
    runScript('seed.ts', ['--demo', '25']);
    expect(counts()).toMatchObject({ members: 10, demo: 25, clusters: 7 });
    runScript('seed.ts', ['--demo', '15', '--seed', '7']);
    expect(counts()).toMatchObject({ members: 10, demo: 15, clusters: 7 });
    runScript('seed.ts');
    expect(counts()).toMatchObject({ members: 10, demo: 15, clusters: 7 });
  });

  it('db:seed --demo refuses a bad count with an error exit', () => {
    expect(() => runScript('seed.ts', ['--demo', 'many'])).toThrow(/whole number from 0 to 200000/);
    expect(counts()).toMatchObject({ demo: 15 });
  });
});
