import { describe, expect, it } from 'vitest';
import {
  changedFields,
  entryActor,
  entryName,
  entryPath,
  restoreActions,
  type AuditEntryLike,
} from './audit';

const entry = (over: Partial<AuditEntryLike>): AuditEntryLike => ({
  id: 1,
  at: '2025-01-01T00:00:00.000Z',
  userEmail: null,
  entity: 'member',
  entityId: '7',
  action: 'update',
  before: null,
  after: null,
  ...over,
});

describe('audit entries', () => {
  it('name the record from whichever side exists', () => {
    expect(entryName(entry({ after: { name: 'Acme' } }))).toBe('Acme');
    expect(entryName(entry({ before: { title: { sv: 'Nyhet', en: 'News' } } }))).toBe('Nyhet');
    expect(entryName(entry({ after: { email: 'a@b.se' } }))).toBe('a@b.se');
    expect(entryName(entry({}))).toBe('#7');
  });

  it('link to the record’s page', () => {
    expect(entryPath(entry({}))).toBe('/members/7');
    expect(entryPath(entry({ entity: 'user', entityId: 'abc' }))).toBe('/users/abc');
    expect(entryPath(entry({ entity: 'other' }))).toBeNull();
  });

  it('list changed fields, splitting bilingual text and skipping bookkeeping', () => {
    const before = {
      name: 'Acme',
      version: 1,
      updatedAt: 'a',
      description: { sv: 'Hej', en: '' },
      areaIds: [1],
    };
    const after = {
      name: 'Acme AB',
      version: 2,
      updatedAt: 'b',
      description: { sv: 'Hej', en: 'Hi' },
      areaIds: [1],
    };
    expect(changedFields(before, after)).toEqual([
      { field: 'name', before: 'Acme', after: 'Acme AB' },
      { field: 'description.en', before: '', after: 'Hi' },
    ]);
  });

  it('treat a creation as every field going from nothing', () => {
    expect(changedFields(null, { name: 'Ny', status: 'draft' })).toEqual([
      { field: 'name', before: null, after: 'Ny' },
      { field: 'status', before: null, after: 'draft' },
    ]);
  });
});

describe('who and how back', () => {
  it('names the author by name and role, never needing an e-mail', () => {
    expect(entryActor(entry({ actorName: 'Ada', actorRole: 'admin', userId: 'u' }))).toEqual({
      kind: 'person',
      name: 'Ada',
      role: 'admin',
    });
    expect(entryActor(entry({ userId: 'gone' }))).toEqual({ kind: 'former' });
    expect(entryActor(entry({ userId: 'gone', userEmail: 'a@b.se' }))).toMatchObject({
      name: 'a@b.se',
    });
    expect(entryActor(entry({}))).toEqual({ kind: 'system' });
  });

  it('offers undo and whole restore for a change, re-creation for a deletion', () => {
    const kinds = (over: Partial<AuditEntryLike>) => restoreActions(entry(over)).map((a) => a.kind);
    expect(kinds({ action: 'update', before: {}, after: {} })).toEqual(['undo', 'whole']);
    expect(kinds({ action: 'delete', before: {} })).toEqual(['recreate']);
    expect(kinds({ action: 'create', after: {} })).toEqual(['whole']);
  });
});
