import { config } from '@cos/eslint-config';

// .svelte files are checked by svelte-check (types and a11y); ESLint covers the TypeScript.
export default [
  { ignores: ['**/*.svelte', 'scripts/**/*.test.js'] },
  ...config(import.meta.dirname),
];
