import { config } from '@cos/eslint-config';

// .astro files are checked by `astro check` (no Astro ESLint parser: it needs Node 22).
export default [{ ignores: ['**/*.astro', 'public/**'] }, ...config(import.meta.dirname)];
