/**
 * Where the SQLite file lives. DATABASE_URL may be a path or a file: URL;
 * without it the file is data/clusters-of-skane.db at the workspace root,
 * found by walking up to pnpm-workspace.yaml, so every script agrees on it.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const DEFAULT_DATABASE_FILE = 'clusters-of-skane.db';

function workspaceRoot(from: string): string {
  let dir = path.resolve(from);
  for (;;) {
    if (existsSync(path.join(dir, 'pnpm-workspace.yaml'))) return dir;
    const parent = path.dirname(dir);
    if (parent === dir) return path.resolve(from);
    dir = parent;
  }
}

export function resolveDatabasePath(url = process.env.DATABASE_URL, cwd = process.cwd()): string {
  if (url === ':memory:') return url;
  if (!url) return path.join(workspaceRoot(cwd), 'data', DEFAULT_DATABASE_FILE);
  if (url.startsWith('file://')) return fileURLToPath(url);
  if (url.startsWith('file:')) return path.resolve(cwd, url.slice('file:'.length));
  return path.resolve(cwd, url);
}
