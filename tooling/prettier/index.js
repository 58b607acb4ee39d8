/** Shared Prettier settings: one style for every package. */
import { fileURLToPath } from 'node:url';

// Prettier resolves a plugin named by a bare string from the folder of the file being
// formatted (or the repository root), where pnpm's strict layout does not put these
// packages. Resolve them from this package's own dependencies and hand Prettier the path.
const plugin = (name) => fileURLToPath(import.meta.resolve(name));

/** @type {import('prettier').Config} */
export default {
  printWidth: 100,
  singleQuote: true,
  trailingComma: 'all',
  semi: true,
  plugins: [plugin('prettier-plugin-svelte'), plugin('prettier-plugin-astro')],
  overrides: [
    { files: '*.svelte', options: { parser: 'svelte' } },
    {
      files: '*.astro',
      options: {
        parser: 'astro',
        // Mirrors `compressHTML: true` in apps/web/astro.config.mjs (HTML whitespace
        // rules), so that re-wrapping a line never changes the rendered text. Keep the two
        // in step: the plugin's default, 'jsx', matches Astro 7's own default instead.
        astroCompressHTML: 'html',
      },
    },
  ],
};
