import shared from '@cos/vitest-config';
import adapter from '@sveltejs/adapter-static';
import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig, mergeConfig } from 'vitest/config';

// In `vite dev` the API runs on its own (pnpm --filter @cos/server dev, port 3000);
// /trpc and /api are proxied so the browser still sees one origin.
const api = process.env.COS_API_ORIGIN ?? 'http://localhost:3000';

export default mergeConfig(
  shared,
  defineConfig({
    plugins: [
      sveltekit({
        compilerOptions: { runes: true },
        // The admin is a single-page app: adapter-static writes one fallback page that
        // the server returns for every /admin path, and the client router takes over.
        adapter: adapter({ pages: 'build', assets: 'build', fallback: 'index.html', strict: true }),
        paths: { base: '/admin', relative: false },
        // No "Vite is updating…" polling; the server sets no-cache on index.html anyway.
        version: { pollInterval: 0 },
      }),
    ],
    server: { proxy: { '/trpc': api, '/api': api } },
    test: { include: ['src/**/*.test.ts'], environment: 'node' },
  }),
);
