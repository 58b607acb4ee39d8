import { describe, expect, it } from 'vitest';
import { CASE_GROUPS, selectCases } from './select';

describe('BENCH_CASES', () => {
  it('runs everything when unset, empty or "all"', () => {
    for (const setting of [undefined, '', ' ', 'all', 'flood,all'])
      expect([...selectCases(setting)]).toEqual([...CASE_GROUPS]);
  });
  it('runs only the groups named', () => {
    expect([...selectCases('freshness, flood')]).toEqual(['freshness', 'flood']);
  });
  it('refuses a name it does not know, naming it', () => {
    expect(() => selectCases('freshnes')).toThrow(/unknown case freshnes/);
  });
});
