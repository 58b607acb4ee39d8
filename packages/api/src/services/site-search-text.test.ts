import { describe, expect, it } from 'vitest';
import { fold, prepare, queryTerms, rank, score } from './site-search-text';

const doc = (name: string, body = '') =>
  prepare(name, [
    { text: name, weight: 3 },
    { text: body, weight: 1 },
  ]);

describe('site search text matching', () => {
  it('folds case and diacritics as the directory index does', () => {
    expect(fold('Malmö ÅR Ärlig')).toBe('malmo ar arlig');
  });

  it('drops stopwords unless nothing else was typed', () => {
    expect(queryTerms('Livsmedel och förpackning AB')).toEqual(['livsmedel', 'forpackning']);
    expect(queryTerms('och AND')).toEqual(['och', 'and']);
  });

  it('expands only the last word as a prefix', () => {
    const d = doc('Livsmedelsakademin', 'mat och dryck');
    expect(score(d, ['liv'])).toBeGreaterThan(0);
    expect(score(d, ['liv', 'dryck'])).toBe(0);
    expect(score(d, ['dryck', 'liv'])).toBeGreaterThan(0);
    // A longer word that is not last still matches as a part of a compound, ranked lower.
    expect(score(d, ['dryck', 'livsmedelsak'])).toBeGreaterThan(
      score(d, ['livsmedelsak', 'dryck']),
    );
  });

  it('finds a word of four letters or more inside a compound, below a whole word', () => {
    const compound = doc('Kartongförpackningsföretag');
    const whole = doc('Förpackning');
    expect(score(compound, ['forpackning'])).toBeGreaterThan(0);
    expect(score(whole, ['forpackning'])).toBeGreaterThan(score(compound, ['forpackning']));
    // Three letters are too few to look inside words.
    expect(score(doc('Automation'), ['mat'])).toBe(0);
  });

  it('ranks the whole name, then a name prefix, then words in a name, then the body', () => {
    const docs = [
      { item: 'body', prepared: doc('Annat', 'om packbridge') },
      { item: 'word', prepared: doc('Nya Packbridge') },
      { item: 'prefix', prepared: doc('Packbridge Nord') },
      { item: 'exact', prepared: doc('Packbridge') },
      { item: 'none', prepared: doc('Media Evolution') },
    ];
    expect(rank(docs, 'packbridge')).toEqual(['exact', 'prefix', 'word', 'body']);
  });
});
