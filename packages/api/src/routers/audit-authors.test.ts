/**
 * Who did what, as each reader may see it: history names authors by name and
 * role; e-mail addresses are for administrators. A conflict names who saved
 * the version it reports, and when.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestApi, trpcError, type TestApi } from '../test-support';

let api: TestApi;
beforeEach(() => {
  api = createTestApi();
});
afterEach(() => api.cleanup());

describe('authors in the history', () => {
  it('an editor sees names and roles, never an e-mail address', async () => {
    const id = api.memberId('ericsson');
    const m = await api.admin.member.admin.get({ id });
    const changed = await api.admin.member.admin.update({
      id,
      version: m.version,
      website: 'https://ericsson.se',
    });
    const editor = api.editor('opentech');
    await editor.member.admin.update({ id, version: changed.version, name: 'Ericsson AB' });

    const seen = await editor.audit.list({ entity: 'member', entityId: String(id) });
    expect(seen.items.map((e) => [e.actorName, e.actorRole, e.userEmail])).toEqual([
      ['Editor of opentech', 'editor', null],
      ['Ada Admin', 'admin', null],
    ]);
    expect(seen.items.map((e) => e.changedFields)).toEqual([['name'], ['website']]);
    const wire = JSON.stringify(seen);
    expect(wire).not.toContain(api.adminUser.email);
    expect(wire).not.toContain('@example.test');

    const admin = await api.admin.audit.list({ entity: 'member', entityId: String(id) });
    expect(admin.items.map((e) => e.userEmail)).toEqual([
      api.editorUser('opentech').email,
      api.adminUser.email,
    ]);
  });
});

describe('a conflict', () => {
  it('names who saved the stored version, and when', async () => {
    const id = api.memberId('ericsson');
    const m = await api.admin.member.admin.get({ id });
    const saved = await api.admin.member.admin.update({ id, version: m.version, name: 'Nytt' });
    const error = await trpcError(
      api.editor('opentech').member.admin.update({ id, version: m.version, name: 'Mitt' }),
    );
    expect(error.code).toBe('CONFLICT');
    const cause = error.cause as { savedBy?: unknown };
    expect(cause.savedBy).toMatchObject({ name: 'Ada Admin', role: 'admin' });
    // The time of the save that made the stored version: its history entry's.
    const [latest] = (await api.admin.audit.list({ entity: 'member', entityId: String(id) })).items;
    expect(latest?.after).toEqual(saved);
    expect((cause.savedBy as { at: string }).at).toBe(latest?.at);
    expect(JSON.stringify(cause.savedBy)).not.toContain('@');
  });
});
