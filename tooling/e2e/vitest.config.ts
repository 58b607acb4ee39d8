import shared from '@cos/vitest-config';
import { defineConfig, mergeConfig } from 'vitest/config';

// Every test file starts its own platform (its own temp SQLite file, its own
// free port, its own Chromium) and writes screenshots under distinct names, so
// files share no state and may run side by side: E2E_WORKERS=2 does that. The
// default is one worker: on two cores, with turbo running the server tests at
// the same time, two workers saved no wall time (364-376 s against 369 s) and
// pushed timing-sensitive reliability tests past their deadlines.
export default mergeConfig(
  shared,
  defineConfig({
    test: {
      fileParallelism: true,
      // Browser time, not imports, is what these files spend; each keeps its own modules.
      isolate: true,
      maxWorkers: Number(process.env.E2E_WORKERS ?? 1),
      // The demo databases, made once per run and copied by each file (platform.ts).
      globalSetup: ['src/global-setup.ts'],
      testTimeout: 60_000,
      hookTimeout: 120_000,
    },
  }),
);
