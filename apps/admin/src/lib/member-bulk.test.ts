import { describe, expect, it } from 'vitest';
import {
  bulkChange,
  bulkChoices,
  bulkItems,
  bulkRefusal,
  bulkTarget,
  editItems,
  isStatusAction,
} from './member-bulk';

describe('bulkItems', () => {
  const items = [
    { id: 1, version: 3, status: 'draft' as const },
    { id: 2, version: 1, status: 'published' as const },
    { id: 3, version: 7, status: 'draft' as const },
  ];

  it('sends the selected members not yet in the target status, with the versions seen', () => {
    expect(bulkItems(items, new Set([1, 2]), 'publish')).toEqual([{ id: 1, version: 3 }]);
    expect(bulkItems(items, new Set([1, 2, 3]), 'unpublish')).toEqual([{ id: 2, version: 1 }]);
    expect(bulkItems(items, new Set([3]), 'archive')).toEqual([{ id: 3, version: 7 }]);
  });

  it('sends nothing when nothing selected would change', () => {
    expect(bulkItems(items, new Set([2]), 'publish')).toEqual([]);
  });
});

describe('bulkRefusal', () => {
  it('names the member that was changed by someone else', () => {
    expect(
      bulkRefusal({ kind: 'conflict', message: 'changed', current: { id: 2, name: 'Beta AB' } }),
    ).toEqual({ kind: 'stale', name: 'Beta AB' });
  });

  it('passes any other refusal on with its message', () => {
    expect(bulkRefusal({ kind: 'forbidden', message: 'Not yours' })).toEqual({
      kind: 'refused',
      message: 'Not yours',
    });
    expect(bulkRefusal({ kind: 'conflict', message: 'changed', current: null })).toEqual({
      kind: 'refused',
      message: 'changed',
    });
  });
});

describe('bulk edit choices', () => {
  it('offers editors no "add to cluster", admins everything', () => {
    expect(bulkChoices(true)).toEqual([
      'publish',
      'unpublish',
      'archive',
      'addArea',
      'removeArea',
      'addCluster',
      'removeCluster',
    ]);
    expect(bulkChoices(false)).not.toContain('addCluster');
    expect(bulkChoices(false)).toContain('removeCluster');
  });

  it('says what each needs picked, and builds the change', () => {
    expect(bulkTarget('publish')).toBeNull();
    expect(bulkTarget('removeArea')).toBe('area');
    expect(bulkTarget('addCluster')).toBe('cluster');
    expect(isStatusAction('archive')).toBe(true);
    expect(isStatusAction('addArea')).toBe(false);
    expect(bulkChange('addArea', 4)).toEqual({ addArea: 4 });
    expect(bulkChange('removeCluster', 2)).toEqual({ removeCluster: 2 });
  });

  it('sends every selected member with its listed version', () => {
    const selected = new Map([
      [1, { id: 1, version: 3, status: 'draft', name: 'Alfa' }],
      [5, { id: 5, version: 9, status: 'published', name: 'Beta' }],
    ]);
    expect(editItems(selected.values())).toEqual([
      { id: 1, version: 3 },
      { id: 5, version: 9 },
    ]);
  });
});
