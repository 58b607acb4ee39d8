/**
 * The package as a project outside this workspace gets it: `pnpm pack`
 * (which builds it, see the prepack script) into a temporary directory
 * holding a copy of consumer/, `npm install` of the packed file, then plain
 * `node` imports it (no TypeScript loader) and `tsc` with
 * moduleResolution NodeNext type-checks against its declarations.
 * publint and arethetypeswrong check the same package in the test script.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const here = path.resolve(import.meta.dirname, '..');
const dir = mkdtempSync(path.join(tmpdir(), 'cos-domain-consumer-'));

/** pnpm as the test command runs it, or the version the repository names. */
function pnpm(args: string[]): string {
  const execPath = process.env.npm_execpath;
  const [command, prefix] =
    execPath && /pnpm/.test(execPath)
      ? [process.execPath, [execPath]]
      : ['npx', ['-y', `pnpm@${packageManagerVersion()}`]];
  return execFileSync(command, [...prefix, ...args], { cwd: here, encoding: 'utf8' });
}

function packageManagerVersion(): string {
  const root = JSON.parse(readFileSync(path.join(here, '../../package.json'), 'utf8')) as {
    packageManager: string;
  };
  return root.packageManager.replace(/^pnpm@/, '');
}

/** npm, as a project of its own would run it: without the pnpm settings this test runs under. */
const npmEnv = Object.fromEntries(
  Object.entries(process.env).filter(([key]) => !key.toLowerCase().startsWith('npm_config_')),
);

beforeAll(() => {
  pnpm(['pack', '--pack-destination', dir]);
  cpSync(path.join(here, 'consumer'), dir, { recursive: true });
  const tarball = readdirSync(dir).find((f) => f.endsWith('.tgz'));
  if (!tarball) throw new Error(`pnpm pack wrote no tarball into ${dir}`);
  execFileSync('npm', ['install', '--no-audit', '--no-fund', '--prefer-offline', `./${tarball}`], {
    cwd: dir,
    encoding: 'utf8',
    env: npmEnv,
  });
  // Packing (a tsdown build) and an npm install share two cores with every other package's tasks.
}, 600_000);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the packed @cos/domain in a project of its own', () => {
  it('names its version and dependencies, without workspace or catalog references', () => {
    const manifest = readFileSync(path.join(dir, 'node_modules/@cos/domain/package.json'), 'utf8');
    expect(manifest).not.toMatch(/workspace:|catalog:/);
    const files = readdirSync(path.join(dir, 'node_modules/@cos/domain/dist'), {
      recursive: true,
    }).map(String);
    expect(files).toEqual(
      expect.arrayContaining(['index.js', 'index.d.ts', 'index.d.ts.map', 'markdown/index.js']),
    );
  });

  it('runs under plain node', () => {
    const out = execFileSync(process.execPath, ['run.mjs'], { cwd: dir, encoding: 'utf8' });
    expect(JSON.parse(out)).toEqual({
      orgNumber: true,
      badOrgNumber: false,
      slug: 'ahus-glass-och-mejeri-ab',
      refused: true,
      markdown: '<p><strong>Skåne</strong></p>',
    });
  });

  it('type-checks with moduleResolution NodeNext', () => {
    const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
    // Throws with tsc's diagnostics in the message when it fails.
    execFileSync(process.execPath, [tsc, '-p', '.'], { cwd: dir, encoding: 'utf8' });
    // Packing, installing and tsc beside the other packages' tasks on two busy cores: three
    // minutes were too little in a clean-clone run (a quiet machine needs about two).
  }, 300_000);
});
