// Production build: one ESM file each for the server and the CLI, with our
// workspace packages (TypeScript source) and their dependencies bundled in.
// Only the native better-sqlite3 and sharp stay in node_modules (pnpm's strict layout
// would not let the server resolve its packages' dependencies otherwise).
// The committed SQL migrations are copied beside the bundle.
import { cpSync, rmSync } from 'node:fs';
import path from 'node:path';
import { build } from 'esbuild';

const here = path.dirname(new URL(import.meta.url).pathname);
const dist = path.join(here, '..', 'dist');
rmSync(dist, { recursive: true, force: true });

await build({
  // The worker threads' modules are files of their own beside main.js (worker-jobs.ts).
  entryPoints: {
    main: path.join(here, '../src/main.ts'),
    cli: path.join(here, '../src/cli.ts'),
    'download-worker': path.join(here, '../src/download-worker.ts'),
    'import-worker': path.join(here, '../src/import-worker.ts'),
  },
  outdir: dist,
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node22',
  sourcemap: true,
  logLevel: 'warning',
  external: ['better-sqlite3', 'sharp'],
  // Workspace packages are bundled from their TypeScript source (their "source" export).
  conditions: ['source'],
  // CommonJS dependencies inside an ESM bundle still call require().
  banner: {
    js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);",
  },
});
// The share images' Inter outlines (@cos/api share-text.ts reads them beside the bundle).
const fonts = path.join(here, '../../../packages/api/node_modules/@fontsource/inter/files');
for (const name of [
  'inter-latin-400-normal.woff',
  'inter-latin-ext-400-normal.woff',
  'inter-latin-700-normal.woff',
  'inter-latin-ext-700-normal.woff',
]) {
  cpSync(path.join(fonts, name), path.join(dist, 'share-fonts', name));
}
cpSync(path.join(here, '../../../packages/db/drizzle'), path.join(dist, 'drizzle'), {
  recursive: true,
});
