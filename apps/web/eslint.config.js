import { config } from '@cos/eslint-config';

export default [
  // eslint-jsx.d.ts belongs to tsconfig.eslint.json only, which the project service does not use.
  { ignores: ['public/**', 'eslint-jsx.d.ts'] },
  ...config(import.meta.dirname),
  {
    // Types for .astro files come from a program with typed markup (see eslint-jsx.d.ts).
    files: ['**/*.astro'],
    languageOptions: { parserOptions: { project: './tsconfig.eslint.json' } },
  },
];
