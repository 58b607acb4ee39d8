import shared from '@cos/vitest-config';
import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig, mergeConfig } from 'vitest/config';

// In `vite dev` the API runs on its own (pnpm --filter @cos/server dev, port 3000);
// /trpc and /api are proxied so the browser still sees one origin.
const api = process.env.COS_API_ORIGIN ?? 'http://localhost:3000';

export default mergeConfig(
  shared,
  defineConfig({
    plugins: [sveltekit()],
    server: { proxy: { '/trpc': api, '/api': api } },
    test: { include: ['src/**/*.test.ts'], environment: 'node' },
  }),
);
