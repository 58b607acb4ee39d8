import { describe, expect, it } from 'vitest';
import { searchCalls, textKey } from './search-texts';

const words = ['förpackning', 'Förpackning', 'forpackning', 'mat', 'och', 'dryck', 'kartong'];
const phrases = ['Malmö Förpackning AB', 'Lund Dairy och Mejeri', 'Malmö förpackning'];
const filters = { areas: ['tech', 'food'], kinds: ['company'] };

describe('searchCalls', () => {
  it('never gives the same text twice, as the search tells texts apart', () => {
    const calls = searchCalls(words, phrases, filters, 100);
    const keys = calls.map((c) => textKey(c.q));
    expect(new Set(keys).size).toBe(keys.length);
    expect(keys.filter((k) => k === 'forpackning')).toHaveLength(1);
  });
  it('makes two-word texts of long words only, so no stopword is dropped', () => {
    const two = searchCalls(words, phrases, filters, 100).filter((c) => c.q.includes(' '));
    expect(two.length).toBeGreaterThan(0);
    for (const c of two) for (const w of c.q.split(' ')) expect(w.length).toBeGreaterThanOrEqual(5);
  });
  it('stops at the limit and narrows every fourth call by an area or a kind', () => {
    const calls = searchCalls(words, phrases, filters, 8);
    expect(calls).toHaveLength(8);
    expect(calls.filter((c) => c.area.length + c.kind.length > 0)).toHaveLength(2);
    expect(calls[3]?.area).toEqual(['tech']);
    expect(calls[7]?.kind).toEqual(['company']);
  });
});
