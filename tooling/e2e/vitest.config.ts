import shared from '@cos/vitest-config';
import { defineConfig, mergeConfig } from 'vitest/config';

// Browser tests share one machine's two cores: run files one after another.
export default mergeConfig(
  shared,
  defineConfig({ test: { fileParallelism: false, testTimeout: 60_000, hookTimeout: 120_000 } }),
);
