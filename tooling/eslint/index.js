// Shared flat config. Type-aware: rules that need types (floating promises,
// unsafe any) catch the bugs that matter in a typed API. The same rules run on
// .ts, .svelte (and .svelte.ts runes modules) and .astro files.
import js from '@eslint/js';
import astro from 'eslint-plugin-astro';
import svelte from 'eslint-plugin-svelte';
import { defineConfig } from 'eslint/config';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/** @param {string} tsconfigRootDir the package's folder (import.meta.dirname) */
export function config(tsconfigRootDir) {
  return defineConfig(
    {
      ignores: ['dist/**', 'build/**', '.svelte-kit/**', '.astro/**', 'drizzle/**', 'coverage/**'],
    },
    js.configs.recommended,
    tseslint.configs.recommendedTypeChecked,
    {
      languageOptions: {
        globals: { ...globals.node },
        parserOptions: {
          projectService: true,
          tsconfigRootDir,
          // One project service serves every file, and it reloads its projects whenever
          // the extensions change: give .ts and .svelte files the same list.
          extraFileExtensions: ['.svelte'],
        },
      },
      rules: {
        '@typescript-eslint/consistent-type-imports': 'error',
        '@typescript-eslint/no-unused-vars': [
          'error',
          { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
        ],
        'no-console': ['warn', { allow: ['warn', 'error'] }],
      },
    },

    // What typescript-eslint turns off for .ts (no-undef and the like: the compiler
    // checks them) holds for the TypeScript in components too.
    {
      files: ['**/*.svelte', '**/*.astro'],
      rules: tseslint.configs.eslintRecommended.rules,
    },

    // Svelte components and runes modules (*.svelte.ts must go through the Svelte
    // parser too, or $state/$derived are undeclared). The plugin's configs set that
    // parser; it hands the <script lang="ts"> code to typescript-eslint's parser.
    svelte.configs.recommended,
    {
      files: ['**/*.svelte', '**/*.svelte.ts', '**/*.svelte.js'],
      languageOptions: {
        globals: { ...globals.browser },
        parserOptions: { parser: tseslint.parser },
      },
      rules: {
        // `let { a, b } = $props()` is how Svelte declares props (and `let x = $derived(…)`
        // may be assigned): the plugin's prefer-const knows the runes, the core rule does not.
        'prefer-const': 'off',
        'svelte/prefer-const': 'error',
      },
    },

    // Astro components. eslint-plugin-astro looks for typescript-eslint from the
    // working directory, where pnpm does not put it, so name the parser and the
    // TypeScript processor for <script> tags here.
    astro.configs.recommended,
    {
      files: ['**/*.astro'],
      processor: 'astro/client-side-ts',
      languageOptions: {
        parserOptions: {
          parser: tseslint.parser,
          // astro-eslint-parser builds its own TypeScript program (the component as TSX)
          // and does not support the project service: it finds the nearest tsconfig.json.
          projectService: false,
          project: true,
          extraFileExtensions: ['.astro'],
        },
      },
    },
    {
      // A component's client-side <script> blocks, linted as virtual files
      // (Component.astro/0_0.ts) that belong to no tsconfig, so there are no types:
      // keep them small and put the code in src/scripts/*.ts, which is type-checked.
      files: ['**/*.astro/*.ts', '**/*.astro/*.js'],
      languageOptions: {
        parser: tseslint.parser,
        parserOptions: { projectService: false, project: null },
      },
      extends: [tseslint.configs.disableTypeChecked],
    },

    {
      files: ['**/*.js', '**/*.mjs'],
      extends: [tseslint.configs.disableTypeChecked],
    },
  );
}
