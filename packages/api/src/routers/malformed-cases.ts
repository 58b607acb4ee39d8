/**
 * The vocabulary of the malformed-input tables (malformed-cases-*.ts): hostile
 * values, the outcome each case must have, and the bad inputs shared by many
 * procedures.
 */
import type { Caller, TestApi } from '../test-support';

export const HUGE = 'x'.repeat(100_000);
export const SQL = "'; DROP TABLE members;--";
export const HTML = '<script>alert(1)</script>';

export function deeplyNested(depth: number): unknown {
  let value: unknown = 'bottom';
  // Objects and arrays in turn, one chain (no shared branches, so walking it is linear).
  for (let i = 0; i < depth; i++) value = i % 2 === 0 ? { a: value } : [value];
  return value;
}
export const DEEP = deeplyNested(2_000);

export type Who = 'anonymous' | 'admin' | 'editor';
export type Outcome =
  'BAD_REQUEST' | 'NOT_FOUND' | 'CONFLICT' | 'FORBIDDEN' | 'UNAUTHORIZED' | 'ok';
/** [what the input is, the input, what must come of it]. */
export type Case = [label: string, input: unknown, outcome?: Outcome];

export interface Procedure {
  path: string;
  who: Who;
  call: (caller: Caller, input: unknown) => Promise<unknown>;
  cases: (api: TestApi) => Case[];
}

/** Inputs that are wrong for any object-taking procedure. */
export const NOT_AN_OBJECT: Case[] = [
  ['undefined', undefined],
  ['null', null],
  ['a number', 42],
  ['NaN', Number.NaN],
  ['a string', 'tech'],
  ['SQL as the whole input', SQL],
  ['an array', [{ slug: 'tech' }]],
  ['deeply nested', DEEP],
];

/** Inputs for procedures that take none. */
export const NOT_VOID: Case[] = [
  ['an object', { slug: 'tech' }],
  ['null', null],
  ['a string', SQL],
  ['an array', []],
  ['deeply nested', DEEP],
];

export const BAD_SLUGS: Case[] = [
  ...NOT_AN_OBJECT,
  ['missing slug', {}],
  ['slug a number', { slug: 42 }],
  ['slug NaN', { slug: Number.NaN }],
  ['slug an array', { slug: ['tech'] }],
  ['slug empty', { slug: '' }],
  ['slug 100k chars', { slug: HUGE }],
  ['slug SQL', { slug: SQL }],
  ['slug HTML', { slug: HTML }],
  ['slug with a dot-dot path', { slug: '../etc/passwd' }],
  ['slug deeply nested', { slug: DEEP }],
  ['slug well-formed but unknown', { slug: 'finns-inte' }, 'NOT_FOUND'],
];
