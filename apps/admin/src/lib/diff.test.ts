import { describe, expect, it } from 'vitest';
import { defaultChoices, differingFields, getPath, mergeValues, sameValue, setPath } from './diff';

const PATHS = ['name', 'website', 'description.sv', 'description.en', 'areaIds'];

const base = {
  name: 'Acme AB',
  website: 'https://acme.se',
  description: { sv: 'Gammal', en: '' },
  areaIds: [1, 2],
};

describe('sameValue', () => {
  it('compares structurally and treats empty and null alike', () => {
    expect(sameValue({ a: [1, { b: 2 }] }, { a: [1, { b: 2 }] })).toBe(true);
    expect(sameValue([1, 2], [2, 1])).toBe(false);
    expect(sameValue('', null)).toBe(true);
    expect(sameValue('x', null)).toBe(false);
    expect(sameValue({ a: 1 }, { a: 1, b: 2 })).toBe(false);
    expect(sameValue([], {})).toBe(false);
  });
});

describe('paths', () => {
  it('gets and sets nested values without mutating', () => {
    expect(getPath(base, 'description.sv')).toBe('Gammal');
    expect(getPath(base, 'nope.deeper')).toBeUndefined();
    const changed = setPath(base, 'description.en', 'Old');
    expect(changed.description).toEqual({ sv: 'Gammal', en: 'Old' });
    expect(base.description.en).toBe('');
  });
});

describe('differingFields', () => {
  it('lists only fields where mine and theirs differ, saying who changed them', () => {
    const mine = { ...base, name: 'Acme Sverige AB', description: { sv: 'Ny text', en: '' } };
    const theirs = {
      ...base,
      website: 'https://acme.com',
      description: { sv: 'Deras text', en: '' },
    };
    const diff = differingFields(PATHS, base, mine, theirs);
    expect(diff.map((d) => [d.path, d.changedByMe, d.changedByThem])).toEqual([
      ['name', true, false],
      ['website', false, true],
      ['description.sv', true, true],
    ]);
  });

  it('finds nothing when both made the same change', () => {
    const same = { ...base, name: 'Same' };
    expect(differingFields(PATHS, base, same, { ...same })).toEqual([]);
  });
});

describe('mergeValues', () => {
  it('keeps their change unless I chose mine, and my change unless I chose theirs', () => {
    const mine = { ...base, name: 'Mitt namn', areaIds: [1, 2, 3] };
    const theirs = { ...base, website: 'https://acme.com', areaIds: [2] };
    const diff = differingFields(PATHS, base, mine, theirs);
    const choices = defaultChoices(diff);
    expect(choices).toEqual({ name: 'mine', website: 'theirs', areaIds: 'mine' });

    expect(mergeValues(mine, theirs, diff, choices)).toEqual({
      ...base,
      name: 'Mitt namn',
      website: 'https://acme.com',
      areaIds: [1, 2, 3],
    });
    expect(mergeValues(mine, theirs, diff, { ...choices, areaIds: 'theirs' }).areaIds).toEqual([2]);
    expect(mergeValues(mine, theirs, diff, { ...choices, website: 'mine' }).website).toBe(
      'https://acme.se',
    );
  });

  it('does not share arrays with my values', () => {
    const mine = { ...base, areaIds: [5] };
    const diff = differingFields(PATHS, base, mine, base);
    const merged = mergeValues(mine, base, diff, {});
    merged.areaIds.push(6);
    expect(mine.areaIds).toEqual([5]);
  });
});
