import { describe, expect, it } from 'vitest';
import { toFtsQuery } from './fts-query';

describe('toFtsQuery', () => {
  it('makes only the last word a prefix', () => {
    expect(toFtsQuery('förpack')).toBe('"förpack"*');
    expect(toFtsQuery('mat dryck')).toBe('"mat" "dryck"*');
  });

  it('drops very common words unless nothing else was typed', () => {
    expect(toFtsQuery('Mat och dryck AB')).toBe('"mat" "dryck"*');
    expect(toFtsQuery('Packbridge AND OR')).toBe('"packbridge"*');
    expect(toFtsQuery('och')).toBe('"och"*');
  });

  it('lets no FTS syntax through', () => {
    expect(toFtsQuery('NEAR( "x" ^col:y*')).toBe('"near" "x" "col" "y"*');
    expect(toFtsQuery('" * ^')).toBeNull();
    expect(toFtsQuery('')).toBeNull();
  });

  it('keeps at most eight words', () => {
    const q = toFtsQuery(Array.from({ length: 12 }, (_, i) => `w${i}`).join(' '));
    expect(q?.split(' ')).toHaveLength(8);
  });
});
