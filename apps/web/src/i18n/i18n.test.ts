import { describe, expect, it } from 'vitest';
import { en } from './en';
import { translator } from './index';
import { sv } from './sv';

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('interface text', () => {
  it('has the same keys in both languages and no empty text', () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(sv).sort());
    for (const text of [...Object.values(sv), ...Object.values(en)])
      expect(text.trim()).not.toBe('');
  });

  it('uses the same placeholders in both languages', () => {
    for (const key of Object.keys(sv) as (keyof typeof sv)[]) {
      expect(placeholders(en[key]), key).toEqual(placeholders(sv[key]));
    }
  });

  it('fills placeholders and counts with the right plural and digits', () => {
    const t = translator('en');
    expect(t('area.allMembers', { n: 12 })).toBe('Show all 12 members in the directory');
    expect(t.count('members', 1)).toBe('1 member');
    expect(t.count('members', 1200)).toBe('1,200 members');
    const s = translator('sv');
    expect(s.count('results', 1)).toBe('1 träff');
    expect(s.count('results', 0)).toBe('0 träffar');
    expect(s('nav.members')).toBe('Medlemmar');
  });
});
