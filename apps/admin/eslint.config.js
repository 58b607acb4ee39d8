import { config } from '@cos/eslint-config';

export default [
  { ignores: ['scripts/**/*.test.js'] },
  ...config(import.meta.dirname),
  {
    // SvelteKit 3 keeps the Svelte options in vite.config.ts, which the parser does not
    // read: tell it what `compilerOptions` there says (every component is in runes mode).
    files: ['**/*.svelte'],
    languageOptions: { parserOptions: { svelteConfig: { compilerOptions: { runes: true } } } },
  },
];
