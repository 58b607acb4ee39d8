/**
 * The runtime switch the README's commands go through, run as a real process
 * on a copy of the project's files (package.json with engines, .nvmrc), with
 * the npm registry pointed at a closed local port so nothing is ever fetched.
 */
import { spawnSync } from 'node:child_process';
import { createServer } from 'node:net';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';

const SCRIPT = path.resolve(import.meta.dirname, '../with-node.mjs');
let closedRegistry: string;
const projects: string[] = [];

beforeAll(async () => {
  // A port that was free a moment ago: connections to it are refused at once.
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('no port');
  await new Promise<void>((resolve) => server.close(() => resolve()));
  closedRegistry = `http://127.0.0.1:${address.port}/`;
});

afterEach(() => {
  for (const dir of projects.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A project folder with the given Node floor and the script in tooling/node-runtime. */
function project(floor: string): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'cos-node-runtime-'));
  projects.push(dir);
  writeFileSync(path.join(dir, 'package.json'), JSON.stringify({ engines: { node: floor } }));
  writeFileSync(path.join(dir, '.nvmrc'), '24\n');
  mkdirSync(path.join(dir, 'tooling/node-runtime'), { recursive: true });
  copyFileSync(SCRIPT, path.join(dir, 'tooling/node-runtime/with-node.mjs'));
  return dir;
}

function run(dir: string, ...args: string[]) {
  const result = spawnSync(
    process.execPath,
    [path.join(dir, 'tooling/node-runtime/with-node.mjs'), ...args],
    {
      cwd: dir,
      encoding: 'utf8',
      env: {
        PATH: process.env.PATH,
        HOME: process.env.HOME,
        npm_config_registry: closedRegistry,
        npm_config_fetch_retries: '0',
        npm_config_cache: path.join(dir, '.npm-cache'),
      },
      timeout: 60_000,
    },
  );
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('with-node', () => {
  it('runs the command with this Node, fetching nothing and saying nothing, when it meets the floor', () => {
    const dir = project('>=20.0.0');
    const result = run(dir, 'node -p process.version');
    expect(result.status).toBe(0);
    expect(result.stdout.trim()).toBe(process.version);
    expect(result.stderr).toBe('');
  });

  it('passes further arguments on whole, quoted for the shell', () => {
    const dir = project('>=20.0.0');
    const result = run(
      dir,
      'node -e "console.log(JSON.stringify(process.argv.slice(1)))" --',
      'a long pass phrase',
      "it's",
    );
    expect(result.status).toBe(0);
    expect(JSON.parse(result.stdout) as string[]).toEqual(['a long pass phrase', "it's"]);
  });

  it('uses a kept Node of the .nvmrc major when this Node is older than the floor, and says so in one line', () => {
    const dir = project('>=99.0.0');
    const kept = path.join(dir, '.node-runtime/v24.0.1/bin');
    mkdirSync(kept, { recursive: true });
    symlinkSync(process.execPath, path.join(kept, 'node'));
    const result = run(dir, 'command -v node && echo "$npm_config_nodedir"');
    expect(result.status).toBe(0);
    expect(result.stdout.trim().split('\n')).toEqual([
      path.join(kept, 'node'),
      path.join(dir, '.node-runtime/v24.0.1'),
    ]);
    const lines = result.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain("older than the project's floor 99.0.0: using Node v24.0.1");
  });

  it('says which Node is needed and how to get it, and exits 1, when none can be fetched', () => {
    const dir = project('>=99.0.0');
    const result = run(dir, 'echo should not run');
    expect(result.status).toBe(1);
    expect(result.stdout).not.toContain('should not run');
    expect(result.stderr).toContain(`needs Node.js 99.0.0 or newer (this is ${process.version})`);
    expect(result.stderr).toContain('could not be fetched from the npm registry');
    expect(result.stderr).toContain('nvm install 24');
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
  });
});
