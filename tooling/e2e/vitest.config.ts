import shared from '@cos/vitest-config';
import { defineConfig, mergeConfig } from 'vitest/config';

// Every test file starts its own platform (its own temp SQLite file, its own
// free port, its own Chromium) and writes screenshots under distinct names, so
// files share no state and may run side by side. Two workers, because the
// machine has two cores and each file already runs a server and a browser.
export default mergeConfig(
  shared,
  defineConfig({
    test: { fileParallelism: true, maxWorkers: 2, testTimeout: 60_000, hookTimeout: 120_000 },
  }),
);
