/**
 * The admin panel's session reads: who is signed in, the id lookup lists for
 * pickers, and the dashboard's members without a description (scoped for
 * editors).
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestApi, trpcError, type TestApi } from '../test-support';

let api: TestApi;
beforeEach(() => {
  api = createTestApi();
});
afterEach(() => api.cleanup());

describe('session', () => {
  it('me: the signed-in user, or null for a visitor', async () => {
    expect(await api.anonymous.session.me()).toBeNull();
    expect(await api.admin.session.me()).toEqual(api.adminUser);
    expect(await api.editor('opentech').session.me()).toMatchObject({
      role: 'editor',
      clusterId: api.clusterId('opentech'),
    });
  });

  it('taxonomy: areas and clusters with ids for anyone signed in, nobody else', async () => {
    const taxonomy = await api.editor('opentech').taxonomy.pickers();
    expect(taxonomy.areas).toHaveLength(6);
    expect(taxonomy.areas.every((a) => a.id > 0 && a.slug !== '')).toBe(true);
    expect(taxonomy.clusters.find((c) => c.slug === 'opentech')?.id).toBe(
      api.clusterId('opentech'),
    );
    expect((await trpcError(api.anonymous.taxonomy.pickers())).code).toBe('UNAUTHORIZED');
  });

  it('attention: members without a description, editors only their own cluster', async () => {
    const opentech = api.clusterId('opentech');
    const packbridge = api.clusterId('packbridge');
    const own = await api.admin.member.admin.create({
      name: 'Tyst Teknik AB',
      kind: 'company',
      memberships: [{ clusterId: opentech, since: null }],
    });
    const other = await api.admin.member.admin.create({
      name: 'Annan Förpackning AB',
      kind: 'company',
      memberships: [{ clusterId: packbridge, since: null }],
    });
    const described = await api.admin.member.admin.create({
      name: 'Beskriven Teknik AB',
      kind: 'company',
      description: { sv: 'Gör saker.', en: '' },
      memberships: [{ clusterId: opentech, since: null }],
    });

    const adminIds = (await api.admin.dashboard.attention()).missingDescription.items.map(
      (m) => m.id,
    );
    expect(adminIds.slice(0, 2)).toEqual([other.member.id, own.member.id]);
    expect(adminIds).not.toContain(described.member.id);

    const editorIds = (
      await api.editor('opentech').dashboard.attention()
    ).missingDescription.items.map((m) => m.id);
    expect(editorIds).toContain(own.member.id);
    expect(editorIds).not.toContain(other.member.id);

    await api.admin.member.admin.setStatus({
      id: own.member.id,
      version: own.member.version,
      action: 'archive',
    });
    const afterArchive = (await api.admin.dashboard.attention()).missingDescription.items;
    expect(afterArchive.map((m) => m.id)).not.toContain(own.member.id);
  });
});
