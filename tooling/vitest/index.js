// Shared Vitest settings. Tests run against source (no build step; the one
// exception, apps/server's production-bundle test, has turbo build first) and
// each file gets its own worker so real SQLite files never collide.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    pool: 'forks',
    testTimeout: 20_000,
    hookTimeout: 60_000,
    reporters: process.env.CI ? ['default'] : ['default'],
  },
});
