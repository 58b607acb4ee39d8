/**
 * The services' refusals that are not about one field (@cos/api errors.ts):
 * their English texts are the messages the API sent before they had codes
 * (clients and tests match them), and the Swedish texts are the admin's
 * wording for them.
 */
import { describe, expect, it } from 'vitest';
import type { MessageCode, MessageParams } from './codes';
import { formatMessage } from './format';

describe('refusal texts', () => {
  it('keep the English the API has always sent', () => {
    const en = <C extends MessageCode>(code: C, params: MessageParams<C>) =>
      formatMessage('en', code, params);
    expect(en('auth.signIn', {})).toBe('Sign in first');
    expect(en('permission.adminOnly', { action: 'manageUsers' })).toBe(
      'Only administrators may manage user accounts',
    );
    expect(en('permission.adminOnly', { action: 'any' })).toBe('Only administrators may do this');
    expect(en('permission.editorOwnClusterNamed', { name: 'Beta AB' })).toBe(
      'Editors may only change members of their own cluster, and "Beta AB" is not one of them',
    );
    expect(en('conflict.changedNamed', { entity: 'member', name: 'Beta AB' })).toBe(
      'This member "Beta AB" was changed by someone else since you loaded it; reload or merge the current version',
    );
    expect(en('notFound.record', { entity: 'auditEntry', by: 'id', key: 7 })).toBe(
      'No audit entry with id 7',
    );
    expect(en('notFound.record', { entity: 'cluster', by: 'slug', key: 'opentech' })).toBe(
      'No cluster with slug opentech',
    );
    expect(en('origin.signIn', { origin: 'http://localhost:3000', from: '' })).toBe(
      'Sign-in is accepted only from http://localhost:3000, not from another site; open http://localhost:3000/admin',
    );
    expect(en('restore.wrongEntity', { entity: 'area', expected: 'cluster' })).toBe(
      'is an entry about an area, not a cluster',
    );
    expect(en('restore.noState', { side: 'before', action: 'create' })).toBe(
      'this entry has no "before" state (it was a create)',
    );
  });

  it('word in Swedish what the admin translated before', () => {
    expect(formatMessage('sv', 'permission.editorOwnCluster', {})).toBe(
      'Redaktörer kan bara ändra medlemmar i sitt eget kluster',
    );
    expect(formatMessage('sv', 'permission.editorAddOwnCluster', {})).toBe(
      'Redaktörer kan bara lägga till medlemmar i sitt eget kluster',
    );
    expect(formatMessage('sv', 'notFound.record', { entity: 'area', by: 'id', key: 3 })).toBe(
      'Det finns inget område med id 3',
    );
    expect(formatMessage('sv', 'conflict.changed', { entity: 'cluster' })).toMatch(
      /^Klustret har ändrats av någon annan sedan du öppnade det;/,
    );
  });
});
