/**
 * The search plan's shortcut (search-vocabulary.ts): the last word is looked
 * up as an exact word when no indexed word but itself begins with it. That
 * must never change what a search finds or how it ranks: every word of the
 * vocabulary and of the area and cluster names, alone and after another word,
 * and their beginnings, rank exactly as with the last word a prefix. And the
 * vocabulary follows what is written: a cluster name or a member's word that
 * begins with the word makes it a prefix again, also inside a transaction
 * that has not committed.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApi, type TestApi } from '../test-support';
import { getServices } from '.';
import { searchPlan, searchPlanFor } from './search-plan';

let api: TestApi;
beforeAll(() => {
  api = createTestApi({ demo: 300, demoSeed: 5 });
});
afterAll(() => api?.cleanup());

const ranked = (text: string, alwaysPrefix: boolean) => {
  const plan = searchPlan(api.sqlite, text, { alwaysPrefix });
  if (!plan) return [];
  return api.sqlite
    .prepare(`${plan.rankSql(false)} ORDER BY score, rowid`)
    .raw(true)
    .all(...plan.rankParams());
};
const params = (text: string) => {
  const plan = searchPlanFor(getServices(api.handle).statements, text);
  return plan?.rankParams().join(' ') ?? '';
};

describe('the last word as an exact word', () => {
  it('ranks every word and beginning as the prefix does', () => {
    const words = api.sqlite.prepare('SELECT term FROM search_terms').pluck().all() as string[];
    const names = api.sqlite
      .prepare(`SELECT name_sv || ' ' || name_en FROM areas UNION ALL SELECT name FROM clusters`)
      .pluck()
      .all() as string[];
    const texts = new Set<string>();
    // Every third written word (the demo's are alike) and every word of the names.
    const some = words.filter((_, i) => i % 3 === 0);
    for (const word of [
      ...some,
      ...names
        .join(' ')
        .toLowerCase()
        .split(/[^\p{L}\p{N}]+/u),
    ]) {
      if (word.length < 3) continue;
      texts.add(word);
      texts.add(word.slice(0, Math.max(3, word.length - 2)));
      texts.add(`malmö ${word}`);
    }
    let exact = 0;
    for (const text of texts) {
      expect(ranked(text, false), text).toEqual(ranked(text, true));
      if (!searchPlan(api.sqlite, text)?.rankParams().join(' ').includes('*')) exact++;
    }
    // The shortcut is taken, not only harmless.
    expect(exact).toBeGreaterThan(50);
  }, 60_000);

  it('is a prefix again once a cluster name begins with it, and exact when no longer', () => {
    expect(params('works')).not.toContain('"works"*');
    const cluster = api.sqlite.prepare('SELECT id, short_name FROM clusters LIMIT 1').get() as {
      id: number;
      short_name: string;
    };
    api.sqlite
      .prepare('UPDATE clusters SET short_name = ? WHERE id = ?')
      .run('Worksite', cluster.id);
    expect(params('works')).toContain('"works"*');
    api.sqlite
      .prepare('UPDATE clusters SET short_name = ? WHERE id = ?')
      .run(cluster.short_name, cluster.id);
    expect(params('works')).not.toContain('"works"*');
  });

  it('sees a word written inside an open transaction, and forgets it when that rolls back', () => {
    const member = api.sqlite.prepare('SELECT id FROM members LIMIT 1').pluck().get() as number;
    api.sqlite.exec('BEGIN');
    api.sqlite
      .prepare(
        `UPDATE members SET description_en = description_en || ' Workshopping.' WHERE id = ?`,
      )
      .run(member);
    expect(params('works')).toContain('"works"*');
    expect(ranked('works', false)).toEqual(ranked('works', true));
    api.sqlite.exec('ROLLBACK');
    expect(params('works')).not.toContain('"works"*');
  });
});
