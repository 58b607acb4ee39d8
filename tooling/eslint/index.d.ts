import type { Config } from 'eslint/config';
export function config(tsconfigRootDir: string): Config[];
