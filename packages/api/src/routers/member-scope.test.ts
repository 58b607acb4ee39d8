/**
 * The scope policy on shared members (permissions.ts): an editor of OpenTech
 * may not delete, archive, unpublish or re-identify Lunds universitet, which
 * Packbridge has too — they may remove it from their own cluster instead.
 * Nobody may leave a member without a cluster. Each refusal changes nothing.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  blamedFields,
  createTestApi,
  formattedError,
  trpcError,
  type TestApi,
} from '../test-support';

let api: TestApi;
beforeEach(() => {
  api = createTestApi();
});
afterEach(() => api.cleanup());

const shared = () => api.memberId('lunds-universitet');
const own = () => api.memberId('ericsson');

async function publishedShared() {
  const before = await api.admin.member.admin.get({ id: shared() });
  if (before.status === 'published') return before;
  return api.admin.member.admin.setStatus({
    id: before.id,
    version: before.version,
    action: 'publish',
  });
}

describe('an editor on a member shared with another cluster', () => {
  it('may not delete, archive or unpublish it: FORBIDDEN, naming it and the way out, nothing changed', async () => {
    const editor = api.editor('opentech');
    const m = await publishedShared();
    const checksum = api.checksum();
    const calls = {
      delete: () => editor.member.admin.delete({ id: m.id, version: m.version }),
      archive: () =>
        editor.member.admin.setStatus({ id: m.id, version: m.version, action: 'archive' }),
      unpublish: () =>
        editor.member.admin.setStatus({ id: m.id, version: m.version, action: 'unpublish' }),
      'archive by update': () =>
        editor.member.admin.update({ id: m.id, version: m.version, status: 'archived' }),
      'unpublish by update': () =>
        editor.member.admin.update({ id: m.id, version: m.version, status: 'draft' }),
      'archive in bulk': () =>
        editor.member.admin.setStatusMany({
          action: 'archive',
          items: [
            { id: own(), version: 1 },
            { id: m.id, version: m.version },
          ],
        }),
    };
    for (const [name, call] of Object.entries(calls)) {
      const error = await trpcError(call());
      expect(error.code, name).toBe('FORBIDDEN');
      const shape = formattedError(error, 'member.admin.delete');
      expect(shape.data).toMatchObject({
        messageCode: 'permission.sharedMemberAdminOnly',
        messageParams: { name: 'Lunds universitet' },
      });
      expect(error.message, name).toMatch(/only an administrator can .*"Remove from our cluster"/);
    }
    expect(api.checksum()).toBe(checksum);
    // The same calls are an admin's to make, and an editor's on a member only they have.
    await expect(
      api.admin.member.admin.setStatus({ id: m.id, version: m.version, action: 'archive' }),
    ).resolves.toMatchObject({ status: 'archived' });
    await expect(editor.member.admin.delete({ id: own(), version: 1 })).resolves.toEqual({
      id: own(),
    });
  });

  it('may publish it and edit its description, but not its name, slug or organisation number', async () => {
    const editor = api.editor('opentech');
    const before = await api.admin.member.admin.get({ id: shared() });
    const described = await editor.member.admin.update({
      id: before.id,
      version: before.version,
      description: { sv: 'Ny text', en: 'New text' },
      name: before.name,
    });
    expect(described.description.sv).toBe('Ny text');
    const checksum = api.checksum();
    for (const [change, label] of [
      [{ name: 'Lunds universitet (OpenTech)' }, 'name'],
      [{ slug: 'lu-opentech' }, 'slug'],
      [{ organisationNumber: '5560360793' }, 'organisationNumber'],
    ] as const) {
      const error = await trpcError(
        editor.member.admin.update({ id: before.id, version: described.version, ...change }),
      );
      expect(error.code, label).toBe('FORBIDDEN');
      expect(formattedError(error, 'member.admin.update').data).toMatchObject({
        messageCode: 'permission.sharedMemberField',
        messageParams: { name: 'Lunds universitet', label },
      });
    }
    expect(api.checksum()).toBe(checksum);
    // An editor renames a member only their cluster has.
    await expect(
      editor.member.admin.update({ id: own(), version: 1, name: 'Ericsson AB' }),
    ).resolves.toMatchObject({ name: 'Ericsson AB' });
  });

  it('removes it from their own cluster with leaveCluster: versioned, audited, the other cluster keeps it', async () => {
    const editor = api.editor('opentech');
    const packbridge = api.clusterId('packbridge');
    const before = await api.admin.member.admin.get({ id: shared() });
    const stale = await trpcError(
      editor.member.admin.leaveCluster({ id: before.id, version: before.version + 1 }),
    );
    expect(stale.code).toBe('CONFLICT');

    const after = await editor.member.admin.leaveCluster({
      id: before.id,
      version: before.version,
    });
    expect(after.version).toBe(before.version + 1);
    expect(after.memberships).toEqual(before.memberships.filter((m) => m.clusterId === packbridge));
    expect(after).toMatchObject({ name: before.name, status: before.status });
    const [entry] = (await api.admin.audit.list({ entity: 'member', entityId: String(before.id) }))
      .items;
    expect(entry).toMatchObject({ action: 'update', userId: api.editorUser('opentech').id });
    // It is no longer OpenTech's: the editor cannot open it now.
    expect((await trpcError(editor.member.admin.get({ id: before.id }))).code).toBe('FORBIDDEN');
  });

  it("leaveCluster is refused where the editor's cluster is the only one, and for admins", async () => {
    const checksum = api.checksum();
    const only = await trpcError(
      api.editor('opentech').member.admin.leaveCluster({ id: own(), version: 1 }),
    );
    expect(only.code).toBe('FORBIDDEN');
    expect(formattedError(only, 'member.admin.leaveCluster').data).toMatchObject({
      messageCode: 'permission.leaveOnlyCluster',
    });
    expect(only.message).toMatch(/archive or delete the member instead, or ask an administrator/);
    const notTheirs = await trpcError(
      api
        .editor('opentech')
        .member.admin.leaveCluster({ id: api.memberId('flextrus'), version: 1 }),
    );
    expect(notTheirs.code).toBe('FORBIDDEN');
    const admin = await trpcError(
      api.admin.member.admin.leaveCluster({ id: shared(), version: 1 }),
    );
    expect(formattedError(admin, 'member.admin.leaveCluster').data).toMatchObject({
      messageCode: 'permission.leaveClusterEditor',
    });
    expect(api.checksum()).toBe(checksum);
  });
});

describe('the last cluster', () => {
  it('cannot be removed in an update, by an editor or an admin: the field error says what to do', async () => {
    const checksum = api.checksum();
    for (const caller of [api.editor('opentech'), api.admin]) {
      const error = await trpcError(
        caller.member.admin.update({ id: own(), version: 1, memberships: [] }),
      );
      expect(error.code).toBe('BAD_REQUEST');
      expect(blamedFields(error)).toEqual(['memberships']);
      expect(error.message).toMatch(/at least one cluster.*archive or delete the member instead/);
    }
    expect(api.checksum()).toBe(checksum);
    // Moving it to another cluster in one change is fine for an admin.
    const moved = await api.admin.member.admin.update({
      id: own(),
      version: 1,
      memberships: [{ clusterId: api.clusterId('packbridge'), since: null }],
    });
    expect(moved.memberships.map((m) => m.clusterId)).toEqual([api.clusterId('packbridge')]);
  });
});

describe('the duplicates check for an editor', () => {
  it('says a match exists in another cluster without naming a draft; a published one is named', async () => {
    const packbridge = api.clusterId('packbridge');
    const { member: draft } = await api.admin.member.admin.create({
      name: 'Hemliga Förpackningar AB',
      organisationNumber: '5560360793',
      kind: 'company',
      memberships: [{ clusterId: packbridge, since: null }],
    });
    const editor = api.editor('opentech');
    // One member matches by number and name: said once, by its number.
    const found = [
      ...(await editor.member.admin.duplicates({
        name: 'Hemliga Förpackningar',
        organisationNumber: '5560360793',
      })),
      ...(await editor.member.admin.duplicates({ name: 'Hemliga Förpackningar' })),
    ];
    expect(found).toHaveLength(2);
    for (const w of found) {
      expect(w).toMatchObject({ scope: 'hidden', member: null });
      expect(JSON.stringify(w)).not.toMatch(/Hemliga|hemliga|5560360793/);
    }
    expect(found.map((w) => w.message)).toEqual([
      'This organisation number is already registered for a member in another cluster — contact an administrator',
      'A similar member already exists in another cluster — contact an administrator',
    ]);
    // Creating it anyway is refused without the name too.
    const error = await trpcError(
      editor.member.admin.create({
        name: 'Annat Namn AB',
        organisationNumber: '5560360793',
        kind: 'company',
        memberships: [{ clusterId: api.clusterId('opentech'), since: null }],
      }),
    );
    expect(error.code).toBe('CONFLICT');
    expect(error.message).not.toContain('Hemliga');

    // The admin sees the draft by name; once published, the editor sees its public name.
    const forAdmin = await api.admin.member.admin.duplicates({ name: 'Hemliga Förpackningar' });
    expect(forAdmin[0]).toMatchObject({ scope: 'editable', member: { name: draft.name } });
    await api.admin.member.admin.setStatus({ id: draft.id, version: 1, action: 'publish' });
    const published = await editor.member.admin.duplicates({ name: 'Hemliga Förpackningar' });
    expect(published[0]).toMatchObject({ scope: 'public', member: { name: draft.name } });
    // Its own cluster's members are editable for the editor.
    const mine = await editor.member.admin.duplicates({ name: 'Ericsson' });
    expect(mine[0]).toMatchObject({ scope: 'editable', member: { slug: 'ericsson' } });
  });
});
