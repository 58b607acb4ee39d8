/**
 * Area and cluster writes (admins only): create, partial update, optimistic
 * locking, status changes and delete — each audited — plus refusals for
 * editors and bad input, and the member search following a cluster rename.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { blamedFields, createTestApi, trpcError, type TestApi } from '../test-support';

let api: TestApi;
beforeEach(() => {
  api = createTestApi();
});
afterEach(() => api.cleanup());

async function history(entity: 'area' | 'cluster', id: number) {
  return (await api.admin.audit.list({ entity, entityId: String(id) })).items;
}

describe('area.admin', () => {
  it('creates, updates partially and deletes, auditing each write', async () => {
    const area = await api.admin.area.admin.create({
      slug: 'space',
      name: { sv: 'Rymd', en: 'Space' },
      summary: { sv: 'Om rymden', en: 'About space' },
      sortOrder: 7,
    });
    expect(area).toMatchObject({
      slug: 'space',
      name: { sv: 'Rymd', en: 'Space' },
      sortOrder: 7,
      version: 1,
    });
    expect(await api.admin.area.admin.get({ id: area.id })).toEqual(area);

    const updated = await api.admin.area.admin.update({ id: area.id, version: 1, sortOrder: 8 });
    expect(updated).toMatchObject({
      slug: 'space',
      name: { sv: 'Rymd', en: 'Space' },
      sortOrder: 8,
      version: 2,
    });
    expect((await api.admin.area.admin.list()).some((a) => a.id === area.id)).toBe(true);

    await api.admin.area.admin.delete({ id: area.id, version: 2 });
    expect(api.sqlite.prepare('SELECT 1 FROM areas WHERE id = ?').get(area.id)).toBeUndefined();
    const entries = await history('area', area.id);
    expect(entries.map((e) => e.action)).toEqual(['delete', 'update', 'create']);
    expect(entries[1]?.before).toMatchObject({ sortOrder: 7 });
    expect(entries[1]?.after).toMatchObject({ sortOrder: 8 });
    expect(entries[0]?.userId).toBe(api.adminUser.id);
  });

  it('refuses a stale version with the current record and changes nothing', async () => {
    const id = api.areaId('tech');
    const current = await api.admin.area.admin.get({ id });
    await api.admin.area.admin.update({ id, version: current.version, sortOrder: 99 });
    const before = api.checksum();
    const error = await trpcError(
      api.admin.area.admin.update({ id, version: current.version, sortOrder: 5 }),
    );
    expect(error.code).toBe('CONFLICT');
    expect((error.cause as { current?: unknown }).current).toMatchObject({
      sortOrder: 99,
      version: current.version + 1,
    });
    expect(api.checksum()).toBe(before);
  });

  it('reports a taken slug and bad input on the field, leaving the database as it was', async () => {
    const before = api.checksum();
    const taken = await trpcError(
      api.admin.area.admin.create({
        slug: 'tech',
        name: { sv: 'Dubbel', en: '' },
        summary: { sv: '', en: '' },
        sortOrder: 0,
      }),
    );
    expect(taken.code).toBe('CONFLICT');
    expect(blamedFields(taken)).toEqual(['slug']);
    const bad = await trpcError(
      api.admin.area.admin.create({
        slug: 'ok-slug',
        name: { sv: 'Namn', en: '' },
        summary: { sv: '', en: '' },
        sortOrder: -1,
      }),
    );
    expect(bad.code).toBe('BAD_REQUEST');
    expect(blamedFields(bad)).toContain('sortOrder');
    expect(api.checksum()).toBe(before);
  });

  it('is forbidden to editors', async () => {
    const editor = api.editor('opentech');
    const before = api.checksum();
    expect((await trpcError(editor.area.admin.list())).code).toBe('FORBIDDEN');
    const id = api.areaId('tech');
    expect((await trpcError(editor.area.admin.update({ id, version: 1, sortOrder: 3 }))).code).toBe(
      'FORBIDDEN',
    );
    expect(
      (
        await trpcError(
          editor.area.admin.create({
            slug: 'x-area',
            name: { sv: 'X', en: '' },
            summary: { sv: '', en: '' },
            sortOrder: 0,
          }),
        )
      ).code,
    ).toBe('FORBIDDEN');
    expect(api.checksum()).toBe(before);
  });
});

describe('cluster.admin', () => {
  it('creates with a slug from the name, updates partially, publishes and deletes, auditing each', async () => {
    const cluster = await api.admin.cluster.admin.create({
      name: 'Skånes Östersjökluster',
      areaIds: [api.areaId('tech')],
      city: 'Malmö',
    });
    expect(cluster).toMatchObject({
      name: 'Skånes Östersjökluster',
      city: 'Malmö',
      status: 'draft',
      version: 1,
    });
    expect(cluster.slug).toMatch(/^skanes-ostersjokluster/);
    expect(cluster.areaIds).toEqual([api.areaId('tech')]);

    const updated = await api.admin.cluster.admin.update({
      id: cluster.id,
      version: 1,
      shortName: 'SÖK',
    });
    expect(updated).toMatchObject({
      shortName: 'SÖK',
      city: 'Malmö',
      areaIds: [api.areaId('tech')],
      version: 2,
    });

    const published = await api.admin.cluster.admin.setStatus({
      id: cluster.id,
      version: 2,
      action: 'publish',
    });
    expect(published.status).toBe('published');
    expect((await api.anonymous.cluster.bySlug({ slug: cluster.slug })).name).toBe(
      'Skånes Östersjökluster',
    );

    await api.admin.cluster.admin.delete({ id: cluster.id, version: 3 });
    expect(
      api.sqlite.prepare('SELECT 1 FROM clusters WHERE id = ?').get(cluster.id),
    ).toBeUndefined();
    expect((await history('cluster', cluster.id)).map((e) => e.action)).toEqual([
      'delete',
      'publish',
      'update',
      'create',
    ]);
  });

  it('refuses a stale version with the current record and changes nothing', async () => {
    const id = api.clusterId('opentech');
    const current = await api.admin.cluster.admin.get({ id });
    // A city it does not have already: a save that changes nothing keeps the version.
    await api.admin.cluster.admin.update({ id, version: current.version, city: 'Eslöv' });
    const before = api.checksum();
    const error = await trpcError(
      api.admin.cluster.admin.update({ id, version: current.version, city: 'Ystad' }),
    );
    expect(error.code).toBe('CONFLICT');
    expect((error.cause as { current?: unknown }).current).toMatchObject({ city: 'Eslöv' });
    expect(api.checksum()).toBe(before);
  });

  it('reports unknown areas, a taken slug and bad input on the field, leaving the database as it was', async () => {
    const before = api.checksum();
    const unknownArea = await trpcError(
      api.admin.cluster.admin.create({ name: 'Ny kluster', areaIds: [9999] }),
    );
    expect(unknownArea.code).toBe('BAD_REQUEST');
    expect(blamedFields(unknownArea)).toEqual(['areaIds']);
    const taken = await trpcError(
      api.admin.cluster.admin.create({ name: 'Ny kluster', slug: 'packbridge' }),
    );
    expect(taken.code).toBe('CONFLICT');
    expect(blamedFields(taken)).toEqual(['slug']);
    const bad = await trpcError(
      api.admin.cluster.admin.create({ name: 'Ny kluster', foundedYear: 1200 }),
    );
    expect(bad.code).toBe('BAD_REQUEST');
    expect(blamedFields(bad)).toContain('foundedYear');
    expect(api.checksum()).toBe(before);
  });

  it('is forbidden to editors, even for their own cluster', async () => {
    const editor = api.editor('opentech');
    const id = api.clusterId('opentech');
    const before = api.checksum();
    expect(
      (await trpcError(editor.cluster.admin.update({ id, version: 1, city: 'Lund' }))).code,
    ).toBe('FORBIDDEN');
    expect((await trpcError(editor.cluster.admin.create({ name: 'Egen kluster' }))).code).toBe(
      'FORBIDDEN',
    );
    expect(
      (await trpcError(editor.cluster.admin.setStatus({ id, version: 1, action: 'archive' }))).code,
    ).toBe('FORBIDDEN');
    expect(api.checksum()).toBe(before);
  });

  it('a rename reaches the member search', async () => {
    const { member } = await api.admin.member.admin.create({
      name: 'Sökbar Medlem AB',
      kind: 'company',
      memberships: [{ clusterId: api.clusterId('opentech'), since: null }],
      status: 'published',
    });
    expect((await api.anonymous.member.directory({ q: 'Zyxelkluster' })).total).toBe(0);
    const id = api.clusterId('opentech');
    const current = await api.admin.cluster.admin.get({ id });
    await api.admin.cluster.admin.update({ id, version: current.version, name: 'Zyxelkluster' });
    const found = await api.anonymous.member.directory({ q: 'Zyxelkluster' });
    expect(found.items.map((i) => i.slug)).toContain(member.slug);
  });
});
