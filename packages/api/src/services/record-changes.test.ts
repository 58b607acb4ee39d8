/** The pure rules of what a change changed and what undoing it gives back. */
import { describe, expect, it } from 'vitest';
import { changedFieldNames, changingValues, fieldDiffs, undoValues } from './record-changes';

const member = {
  id: 1,
  version: 3,
  updatedAt: 'x',
  name: 'Ericsson',
  website: 'https://ericsson.com',
  description: { sv: 'Gammal', en: 'Old' },
  areaIds: [1, 2],
  memberships: [{ clusterId: 1, since: '2020' }],
  status: 'published',
};

describe('fieldDiffs', () => {
  it('names changed fields, one language of a text at a time, and skips bookkeeping', () => {
    const after = {
      ...member,
      version: 4,
      updatedAt: 'y',
      description: { sv: 'Ny', en: 'Old' },
      website: null,
    };
    expect(changedFieldNames(member, after)).toEqual(['website', 'description.sv']);
    expect(fieldDiffs(member, after)).toContainEqual({
      field: 'description.sv',
      from: 'Gammal',
      to: 'Ny',
    });
  });

  it('treats a missing state as empty (create, delete)', () => {
    expect(changedFieldNames(null, { name: 'A', description: { sv: 'x', en: '' } })).toEqual([
      'name',
      'description.sv',
    ]);
  });
});

describe('undoValues', () => {
  it('puts back only the fields the entry changed, onto the current record', () => {
    const before = member;
    const after = { ...member, description: { sv: 'Ny', en: 'Old' } };
    const current = { ...after, website: null, description: { sv: 'Ny', en: 'Later' } };
    expect(undoValues(current, before, after)).toEqual({
      description: { sv: 'Gammal', en: 'Later' },
    });
  });

  it('takes back list items the entry added or removed, keeping later ones', () => {
    const before = member;
    const after = {
      ...member,
      areaIds: [1, 2, 3],
      memberships: [
        { clusterId: 1, since: '2021' },
        { clusterId: 2, since: null },
      ],
    };
    const current = {
      ...after,
      areaIds: [2, 3, 4],
      memberships: [...after.memberships, { clusterId: 5, since: null }],
    };
    expect(undoValues(current, before, after)).toEqual({
      // 3 was added by the entry; 1 was not removed by it (a later change did), so stays out.
      areaIds: [2, 4],
      memberships: [
        { clusterId: 1, since: '2020' },
        { clusterId: 5, since: null },
      ],
    });
  });
});

describe('changingValues', () => {
  it('leaves out the status unless asked, and values already in place', () => {
    const wanted = { name: 'Ericsson', status: 'published', website: 'https://e.se' };
    const current = { ...member, status: 'archived' };
    expect(changingValues(current, wanted, false)).toEqual({ website: 'https://e.se' });
    expect(changingValues(current, wanted, true)).toEqual({
      website: 'https://e.se',
      status: 'published',
    });
  });
});
