import type { ConfigArray } from 'typescript-eslint';
export function config(tsconfigRootDir: string): ConfigArray;
