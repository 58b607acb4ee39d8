// The admin is a single-page app: adapter-static writes one fallback page that
// the server returns for every /admin path, and the client router takes over.
import adapter from '@sveltejs/adapter-static';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';

/** @type {import('@sveltejs/kit').Config} */
const config = {
  preprocess: vitePreprocess(),
  compilerOptions: { runes: true },
  kit: {
    adapter: adapter({ pages: 'build', assets: 'build', fallback: 'index.html', strict: true }),
    paths: { base: '/admin', relative: false },
    // No "Vite is updating…" polling; the server sets no-cache on index.html anyway.
    version: { pollInterval: 0 },
  },
};

export default config;
