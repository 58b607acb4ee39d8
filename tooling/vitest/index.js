// Shared Vitest settings. Tests run against source (no build step; the one
// exception, apps/server's production-bundle test, has turbo build first) and
// each file gets its own worker so real SQLite files never collide.
import { defineConfig } from 'vitest/config';

/**
 * Workspace packages export their TypeScript source under the "source"
 * condition (and built JavaScript for everyone else, see packages/domain):
 * tests read the source.
 */
const SOURCE = ['source'];

export default defineConfig({
  // Vite's own defaults with "source" first: browser code (the admin's client build, which
  // merges this config) and server code (tests run as server code) each keep theirs.
  resolve: { conditions: [...SOURCE, 'module', 'browser', 'development|production'] },
  ssr: { resolve: { conditions: [...SOURCE, 'module', 'node', 'development|production'] } },
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    pool: 'forks',
    // Files reuse their worker instead of importing the whole stack again: the
    // api suite took 418 s of which 64 % was import, and takes 25 s so. Each
    // file still opens its own SQLite file; state a test sets on a module
    // (mail settings, caches) is keyed by its database handle, not global.
    isolate: false,
    testTimeout: 20_000,
    hookTimeout: 60_000,
    reporters: process.env.CI ? ['default'] : ['default'],
  },
});
