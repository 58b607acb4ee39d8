#!/usr/bin/env node
// Runs a command with a Node.js that meets the project's floor.
//
// The README's two commands go through here, so that a machine with only an
// older Node and npm still works: when the running Node is older than
// `engines.node`, the official Node binary of the major in `.nvmrc` is fetched
// from the npm registry (the `node-<platform>-<arch>` packages carry the same
// build as nodejs.org, headers included), kept in `.node-runtime/` (ignored by
// git) and put first on PATH for the command. The system's Node is never
// changed; a Node that is new enough fetches nothing.
//
// Plain Node built-ins only: this runs before anything is installed, on
// whatever Node the machine has.
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';

// The project root: the folder above tooling/ (COS_PROJECT_ROOT lets the tests use a copy).
const root =
  process.env.COS_PROJECT_ROOT ??
  path.resolve(import.meta.dirname ?? path.dirname(new URL(import.meta.url).pathname), '../..');
// The first argument is a shell command line; any further arguments (as `npm run x -- …`
// passes them) are appended quoted, so a password with spaces arrives whole.
const [line, ...extra] = process.argv.slice(2);
if (!line) {
  console.error('usage: node tooling/node-runtime/with-node.mjs "<command line>" [argument …]');
  process.exit(2);
}
const quote = (arg) =>
  process.platform === 'win32' ? `"${arg.replace(/"/g, '""')}"` : `'${arg.replace(/'/g, "'\\''")}'`;
const command = [line, ...extra.map(quote)].join(' ');

const floor = /(\d+)\.(\d+)\.(\d+)/.exec(
  JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')).engines.node,
);
const major = readFileSync(path.join(root, '.nvmrc'), 'utf8').trim().replace(/^v/, '');
const [fMajor, fMinor, fPatch] = floor.slice(1).map(Number);
const floorText = `${fMajor}.${fMinor}.${fPatch}`;

/** True when version "a.b.c" is at least the floor. */
function meetsFloor(version) {
  const [a, b, c] = version.replace(/^v/, '').split('.').map(Number);
  return a !== fMajor ? a > fMajor : b !== fMinor ? b > fMinor : c >= fPatch;
}

const runtimeDir = path.join(root, '.node-runtime');
const executable = process.platform === 'win32' ? 'node.exe' : path.join('bin', 'node');

/** The newest kept runtime of the wanted major, if one was fetched before. */
function keptRuntime() {
  if (!existsSync(runtimeDir)) return undefined;
  const kept = readdirSync(runtimeDir)
    .filter((name) => name.startsWith(`v${major}.`))
    .filter((name) => existsSync(path.join(runtimeDir, name, executable)))
    .sort((a, b) => a.localeCompare(b, 'en', { numeric: true }));
  return kept.at(-1);
}

/** Fetches node-<platform>-<arch>@<major> with npm and unpacks it; returns its folder name. */
function fetchRuntime() {
  const pkg = `node-${process.platform}-${process.arch}@${major}`;
  const download = path.join(runtimeDir, 'download');
  rmSync(download, { recursive: true, force: true });
  mkdirSync(download, { recursive: true });
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const out = execFileSync(npm, ['pack', pkg, '--silent', '--pack-destination', download], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
    shell: process.platform === 'win32',
  });
  const tarball = out.trim().split('\n').at(-1);
  const version = /-(\d+\.\d+\.\d+)\.tgz$/.exec(tarball)?.[1];
  if (!version) throw new Error(`npm pack gave no version (${tarball})`);
  execFileSync('tar', ['-xzf', tarball], { cwd: download, stdio: 'ignore' });
  const target = path.join(runtimeDir, `v${version}`);
  rmSync(target, { recursive: true, force: true });
  // The package's root holds bin/node (or node.exe) and include/node.
  execFileSync(
    process.platform === 'win32' ? 'move' : 'mv',
    [path.join(download, 'package'), target],
    {
      shell: process.platform === 'win32',
    },
  );
  rmSync(download, { recursive: true, force: true });
  return `v${version}`;
}

const env = { ...process.env };
if (!meetsFloor(process.versions.node)) {
  let name = keptRuntime();
  let how = `kept in ${path.relative(process.cwd(), runtimeDir) || '.'}`;
  if (!name) {
    try {
      name = fetchRuntime();
      how = `fetched from the npm registry into ${path.relative(process.cwd(), runtimeDir)}`;
    } catch (error) {
      console.error(
        `This project needs Node.js ${floorText} or newer (this is ${process.version}), and Node ${major} ` +
          `could not be fetched from the npm registry (${String(error.message ?? error).split('\n')[0]}). ` +
          `Install Node.js ${major} LTS (for example \`nvm install ${major}\`) and run the command again.`,
      );
      process.exit(1);
    }
  }
  const home = path.join(runtimeDir, name);
  const bin = path.dirname(path.join(home, executable));
  // stderr: stdout belongs to the command (e.g. a CSV export piped to a file).
  console.error(
    `Node ${process.version} is older than the project's floor ${floorText}: using Node ${name} (${how}).`,
  );
  env.PATH = `${bin}${path.delimiter}${env.PATH ?? ''}`;
  // npm and pnpm pass the Node that started them on to child scripts.
  env.NODE = path.join(home, executable);
  env.npm_node_execpath = env.NODE;
  // node-gyp cannot download headers here; the package carries them.
  env.npm_config_nodedir = home;
}

const child = spawn(command, { stdio: 'inherit', shell: true, env });
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
child.on('exit', (code, signal) => process.exit(signal ? 1 : (code ?? 1)));
