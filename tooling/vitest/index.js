// Shared Vitest settings. Tests run against source (no build step; the one
// exception, apps/server's production-bundle test, has turbo build first) and
// each file gets its own worker so real SQLite files never collide.
import { defineConfig } from 'vitest/config';

export default defineConfig({
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
