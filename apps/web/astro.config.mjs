// The public site: rendered on the server and mounted by apps/server (Fastify)
// through @astrojs/node in middleware mode. Routing by hand: Swedish at /,
// English under /en/ (see src/lib/routes.ts).
import node from '@astrojs/node';
import { defineConfig } from 'astro/config';

export default defineConfig({
  output: 'server',
  adapter: node({ mode: 'middleware' }),
  trailingSlash: 'ignore',
  // Astro 7 defaults to JSX whitespace rules ('jsx'), which drop the line break
  // between a word and the next element ("Läs mer<a>…" instead of "Läs mer <a>…")
  // and would make Prettier's line wrapping change the text. Our templates are
  // written as HTML: keep the lossless compression they were written for.
  compressHTML: true,
  devToolbar: { enabled: false },
  // Cross-site form posts are refused by apps/server (csrf.ts: Origin and Sec-Fetch-Site, against
  // the configured public origin, behind proxies too), which hands the page `locals.crossSite` so
  // the refusal is a 403 page in the visitor's language rather than Astro's plain-text one.
  security: { checkOrigin: false },
  build: {
    // One cacheable stylesheet instead of <style> blocks in every page.
    inlineStylesheets: 'never',
  },
  vite: {
    build: {
      // The server's CSP allows only script-src 'self': never inline a script or asset.
      assetsInlineLimit: 0,
      rollupOptions: {
        // zod's sources carry comments Rollup cannot place; harmless, and not ours to fix.
        onwarn(warning, warn) {
          if (warning.code === 'INVALID_ANNOTATION' && warning.id?.includes('/zod/')) return;
          warn(warning);
        },
      },
    },
    // Workspace packages export their TypeScript source under "source" (built JavaScript for
    // everyone else, see packages/domain): the site is built from the source.
    resolve: { conditions: ['source', 'module', 'browser', 'development|production'] },
    ssr: {
      resolve: { conditions: ['source', 'module', 'node', 'development|production'] },
      // @cos/domain is TypeScript source and imports zod, which pnpm does not
      // hoist for this package: bundle both into the server build.
      noExternal: ['@cos/domain', 'zod'],
    },
  },
});
