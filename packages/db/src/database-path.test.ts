import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { openDatabase } from './client';
import { DEFAULT_DATABASE_FILE, resolveDatabasePath } from './database-path';
import { makeTempDir } from './test-support';

const WORKSPACE_ROOT = path.resolve(import.meta.dirname, '..', '..', '..');
const CWD = path.resolve('/srv/app/packages/api');

describe('resolveDatabasePath', () => {
  let dir: string;
  beforeEach(() => {
    dir = makeTempDir();
  });
  afterEach(() => {
    vi.unstubAllEnvs();
    rmSync(dir, { recursive: true, force: true });
  });

  it('keeps an absolute path', () => {
    expect(resolveDatabasePath('/var/lib/cos/site.db', CWD)).toBe(
      path.resolve('/var/lib/cos/site.db'),
    );
  });

  it('resolves a relative path against the working directory', () => {
    expect(resolveDatabasePath('data/site.db', CWD)).toBe(path.join(CWD, 'data', 'site.db'));
    expect(resolveDatabasePath('../site.db', CWD)).toBe(path.resolve(CWD, '..', 'site.db'));
  });

  it('reads a file: URL with a relative or absolute path', () => {
    expect(resolveDatabasePath('file:data/site.db', CWD)).toBe(path.join(CWD, 'data', 'site.db'));
    expect(resolveDatabasePath('file:./site.db', CWD)).toBe(path.join(CWD, 'site.db'));
    expect(resolveDatabasePath('file:/var/lib/cos/site.db', CWD)).toBe(
      path.resolve('/var/lib/cos/site.db'),
    );
  });

  it('reads a file:// URL, decoding escapes', () => {
    expect(resolveDatabasePath('file:///var/lib/cos/site.db', CWD)).toBe(
      path.resolve('/var/lib/cos/site.db'),
    );
    const withSpace = path.join(dir, 'my data', 'site ö.db');
    expect(resolveDatabasePath(pathToFileURL(withSpace).href, CWD)).toBe(withSpace);
  });

  it('passes :memory: through', () => {
    expect(resolveDatabasePath(':memory:', CWD)).toBe(':memory:');
  });

  it('defaults to data/ under the workspace root, from any folder inside it', () => {
    vi.stubEnv('DATABASE_URL', '');
    const expected = path.join(WORKSPACE_ROOT, 'data', DEFAULT_DATABASE_FILE);
    expect(DEFAULT_DATABASE_FILE).toBe('clusters-of-skane.db');
    expect(resolveDatabasePath(undefined, WORKSPACE_ROOT)).toBe(expected);
    expect(resolveDatabasePath(undefined, import.meta.dirname)).toBe(expected);
    expect(resolveDatabasePath(undefined, path.join(WORKSPACE_ROOT, 'apps'))).toBe(expected);
  });

  it('finds the nearest pnpm-workspace.yaml above the working directory', () => {
    vi.stubEnv('DATABASE_URL', '');
    const root = path.join(dir, 'repo');
    const deep = path.join(root, 'apps', 'server', 'src');
    mkdirSync(deep, { recursive: true });
    writeFileSync(path.join(root, 'pnpm-workspace.yaml'), 'packages: []\n');
    expect(resolveDatabasePath(undefined, deep)).toBe(
      path.join(root, 'data', DEFAULT_DATABASE_FILE),
    );
    // Outside any workspace: data/ under the working directory itself.
    const loose = path.join(dir, 'loose');
    mkdirSync(loose);
    expect(resolveDatabasePath(undefined, loose)).toBe(
      path.join(loose, 'data', DEFAULT_DATABASE_FILE),
    );
  });

  it('takes DATABASE_URL from the environment when no url is given', () => {
    vi.stubEnv('DATABASE_URL', 'file:env/site.db');
    expect(resolveDatabasePath(undefined, CWD)).toBe(path.join(CWD, 'env', 'site.db'));
    // An explicit url wins over the environment.
    expect(resolveDatabasePath('other.db', CWD)).toBe(path.join(CWD, 'other.db'));
  });

  it('is what openDatabase opens, creating the folder', () => {
    const file = path.join(dir, 'from-env', 'site.db');
    vi.stubEnv('DATABASE_URL', pathToFileURL(file).href);
    const handle = openDatabase();
    try {
      expect(handle.path).toBe(file);
      expect(handle.sqlite.name).toBe(file);
    } finally {
      handle.close();
    }
  });
});
