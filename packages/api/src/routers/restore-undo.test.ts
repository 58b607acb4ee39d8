/**
 * "Undo this change" and "restore the whole record" through the API: undo
 * reverts only the fields an entry changed, onto the record as it is now;
 * neither touches publication status unless includeStatus asks; the preview
 * lists exactly what the restore then writes; stale versions are conflicts.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { blamedFields, createTestApi, trpcError, type TestApi } from '../test-support';

let api: TestApi;
beforeEach(() => {
  api = createTestApi();
});
afterEach(() => api.cleanup());

type Entity = 'member' | 'cluster' | 'area' | 'article';
const latestEntry = async (entity: Entity, id: number) => {
  const [entry] = (await api.admin.audit.list({ entity, entityId: String(id) })).items;
  if (!entry) throw new Error('no audit entry');
  return entry;
};

const read = (record: unknown, field: string): unknown => {
  let value = record;
  for (const key of field.split('.')) value = (value as Record<string, unknown>)[key];
  return value;
};

/** The fields two states of a record differ in, by the same rules the audit uses. */
const differing = (a: Record<string, unknown>, b: Record<string, unknown>) =>
  Object.keys(a)
    .filter((k) => !['version', 'updatedAt'].includes(k))
    .flatMap((k) => {
      const av = a[k];
      const bv = b[k];
      if (av && typeof av === 'object' && !Array.isArray(av) && 'sv' in av) {
        return ['sv', 'en'].filter((l) => read(av, l) !== read(bv, l)).map((l) => `${k}.${l}`);
      }
      return JSON.stringify(av) === JSON.stringify(bv) ? [] : [k];
    });

/** Ericsson with a changed Swedish description, then archived; the description change's entry. */
async function archivedAfterDescriptionChange() {
  const id = api.memberId('ericsson');
  const original = await api.admin.member.admin.get({ id });
  expect(original.status).toBe('published');
  const described = await api.admin.member.admin.update({
    id,
    version: original.version,
    description: { ...original.description, sv: 'Ny beskrivning' },
  });
  const entry = await latestEntry('member', id);
  const archived = await api.admin.member.admin.setStatus({
    id,
    version: described.version,
    action: 'archive',
  });
  return { id, original, entry, archived };
}

describe('undo this change', () => {
  it('reverts only the description of an archived member, which stays archived', async () => {
    const { id, original, entry, archived } = await archivedAfterDescriptionChange();
    expect(entry.changedFields).toEqual(['description.sv']);
    // A later change to another field survives the undo.
    const later = await api.admin.member.admin.update({
      id,
      version: archived.version,
      website: 'https://ericsson.se',
      description: { ...archived.description, en: 'Changed later' },
    });

    const input = { entryId: entry.id, mode: 'undo' as const, version: later.version };
    const preview = await api.admin.audit.restorePreview(input);
    expect(preview).toMatchObject({ action: 'update', version: later.version, statusChanges: [] });
    expect(preview.changes).toEqual([
      { field: 'description.sv', now: 'Ny beskrivning', becomes: original.description.sv },
    ]);

    const restored = await api.admin.audit.restoreMember(input);
    expect(restored.status).toBe('archived');
    expect(restored.description).toEqual({ sv: original.description.sv, en: 'Changed later' });
    expect(restored.website).toBe('https://ericsson.se');
    expect(restored.version).toBe(later.version + 1);
    // The preview listed exactly what was written.
    expect(differing(later, restored)).toEqual(preview.changes.map((c) => c.field));
    for (const change of preview.changes)
      expect(read(restored, change.field)).toEqual(change.becomes);
    expect((await trpcError(api.anonymous.member.bySlug({ slug: 'ericsson' }))).code).toBe(
      'NOT_FOUND',
    );
    const last = await latestEntry('member', id);
    expect(last).toMatchObject({ action: 'restore', changedFields: ['description.sv'] });
  });

  it('a stale undo is a conflict and changes nothing', async () => {
    const { entry, archived, id } = await archivedAfterDescriptionChange();
    await api.admin.member.admin.update({ id, version: archived.version, website: null });
    const checksum = api.checksum();
    const error = await trpcError(
      api.admin.audit.restoreMember({ entryId: entry.id, mode: 'undo', version: archived.version }),
    );
    expect(error.code).toBe('CONFLICT');
    expect(api.checksum()).toBe(checksum);
  });

  it('takes back only the area an entry added, keeping one added since', async () => {
    const id = api.memberId('ericsson');
    const m = await api.admin.member.admin.get({ id });
    const food = api.areaId('livsmedel');
    const cities = api.areaId('smarta-hallbara-stader');
    const one = await api.admin.member.admin.update({
      id,
      version: m.version,
      areaIds: [...m.areaIds, food],
    });
    const entry = await latestEntry('member', id);
    const two = await api.admin.member.admin.update({
      id,
      version: one.version,
      areaIds: [...one.areaIds, cities],
    });
    const restored = await api.admin.audit.restoreMember({
      entryId: entry.id,
      mode: 'undo',
      version: two.version,
    });
    expect([...restored.areaIds].sort()).toEqual([...m.areaIds, cities].sort());
  });

  it('refuses to undo a creation, and undoes a status change only when asked', async () => {
    const created = await api.admin.member.admin.create({ name: 'Nytt Bolag AB', kind: 'company' });
    const creation = await latestEntry('member', created.member.id);
    const refused = await trpcError(
      api.admin.audit.restoreMember({
        entryId: creation.id,
        mode: 'undo',
        version: created.member.version,
      }),
    );
    expect(refused.code).toBe('BAD_REQUEST');
    expect(blamedFields(refused)).toEqual(['mode']);

    const { archived, id } = await archivedAfterDescriptionChange();
    const archiving = await latestEntry('member', id);
    const input = { entryId: archiving.id, mode: 'undo' as const, version: archived.version };
    const preview = await api.admin.audit.restorePreview(input);
    expect(preview.changes).toEqual([]);
    expect(preview.statusChanges).toEqual([
      { field: 'status', now: 'archived', becomes: 'published' },
    ]);
    // Nothing to change without the status: the record and its version stay.
    const unchanged = await api.admin.audit.restoreMember(input);
    expect(unchanged).toEqual(archived);
    const republished = await api.admin.audit.restoreMember({ ...input, includeStatus: true });
    expect(republished.status).toBe('published');
  });

  it('works for clusters, areas and articles too', async () => {
    const clusterId = api.clusterId('packbridge');
    const c = await api.admin.cluster.admin.get({ id: clusterId });
    await api.admin.cluster.admin.update({ id: clusterId, version: c.version, city: 'Eslöv' });
    const cEntry = await latestEntry('cluster', clusterId);
    const c2 = await api.admin.cluster.admin.update({
      id: clusterId,
      version: c.version + 1,
      shortName: 'PB',
    });
    const cBack = await api.admin.cluster.admin.restore({
      entryId: cEntry.id,
      mode: 'undo',
      version: c2.version,
    });
    expect(cBack).toMatchObject({ city: c.city, shortName: 'PB', status: c.status });

    const areaId = api.areaId('tech');
    const a = await api.admin.area.admin.get({ id: areaId });
    const a1 = await api.admin.area.admin.update({
      id: areaId,
      version: a.version,
      summary: { sv: 'Ändrad', en: 'Changed' },
    });
    const aEntry = await latestEntry('area', areaId);
    const aPreview = await api.admin.audit.restorePreview({ entryId: aEntry.id, mode: 'undo' });
    expect(aPreview.changes.map((ch) => ch.field)).toEqual(['summary.sv', 'summary.en']);
    const aBack = await api.admin.area.admin.restore({
      entryId: aEntry.id,
      mode: 'undo',
      version: a1.version,
    });
    expect(aBack.summary).toEqual(a.summary);

    const [article] = await api.admin.article.admin.list();
    if (!article) throw new Error('no article');
    const t1 = await api.admin.article.admin.update({
      id: article.id,
      version: article.version,
      title: { ...article.title, en: 'Another title' },
    });
    const tEntry = await latestEntry('article', article.id);
    const t2 = await api.admin.article.admin.setStatus({
      id: article.id,
      version: t1.version,
      action: 'archive',
    });
    const tBack = await api.admin.article.admin.restore({
      entryId: tEntry.id,
      mode: 'undo',
      version: t2.version,
    });
    expect(tBack).toMatchObject({ title: article.title, status: 'archived' });
  });
});

describe('restore the whole record', () => {
  it('keeps the status unless includeStatus is set', async () => {
    const { id, entry, archived } = await archivedAfterDescriptionChange();
    const renamed = await api.admin.member.admin.update({
      id,
      version: archived.version,
      name: 'Ericsson AB',
    });
    // The state before the description change: the old description and name, published.
    const input = { entryId: entry.id, side: 'before' as const, version: renamed.version };
    const preview = await api.admin.audit.restorePreview(input);
    expect(preview.changes.map((c) => c.field).sort()).toEqual(['description.sv', 'name']);
    expect(preview.statusChanges).toEqual([
      { field: 'status', now: 'archived', becomes: 'published' },
    ]);

    const whole = await api.admin.audit.restoreMember(input);
    expect(whole).toMatchObject({ status: 'archived', name: 'Ericsson' });
    expect(differing(renamed, whole).sort()).toEqual(preview.changes.map((c) => c.field).sort());

    const withStatus = await api.admin.audit.restoreMember({
      ...input,
      version: whole.version,
      includeStatus: true,
    });
    expect(withStatus.status).toBe('published');
    expect((await api.anonymous.member.bySlug({ slug: 'ericsson' })).name).toBe('Ericsson');
  });

  it('previews re-creating a deleted member, field by field', async () => {
    const id = api.memberId('sony');
    const sony = await api.admin.member.admin.get({ id });
    await api.admin.member.admin.delete({ id, version: sony.version });
    const deletion = await latestEntry('member', id);
    expect(deletion.changedFields).toContain('name');
    const preview = await api.admin.audit.restorePreview({ entryId: deletion.id, mode: 'undo' });
    expect(preview).toMatchObject({ action: 'recreate', version: null });
    expect(preview.changes).toContainEqual({ field: 'name', now: null, becomes: 'Sony' });
    const back = await api.admin.audit.restoreMember({ entryId: deletion.id, mode: 'undo' });
    expect(back).toMatchObject({ id, name: 'Sony', status: sony.status });
  });

  it('an editor previews only their own members; a user entry cannot be previewed', async () => {
    const flextrus = api.memberId('flextrus');
    const f = await api.admin.member.admin.get({ id: flextrus });
    await api.admin.member.admin.update({
      id: flextrus,
      version: f.version,
      website: 'https://flextrus.example',
    });
    const entry = await latestEntry('member', flextrus);
    const editor = api.editor('opentech');
    expect((await trpcError(editor.audit.restorePreview({ entryId: entry.id }))).code).toBe(
      'FORBIDDEN',
    );
    const area = api.areaId('tech');
    const a = await api.admin.area.admin.get({ id: area });
    await api.admin.area.admin.update({ id: area, version: a.version, sortOrder: 99 });
    const areaEntry = await latestEntry('area', area);
    expect((await trpcError(editor.audit.restorePreview({ entryId: areaEntry.id }))).code).toBe(
      'FORBIDDEN',
    );
    expect((await trpcError(api.anonymous.audit.restorePreview({ entryId: 1 }))).code).toBe(
      'UNAUTHORIZED',
    );
    // An account's entry holds e-mail addresses: it is no restore, and previews nothing.
    const [account] = await api.admin.user.list();
    if (!account) throw new Error('no user');
    await api.admin.user.update({ id: account.id, version: account.version, name: 'Omdöpt' });
    const [userEntry] = (await api.admin.audit.list({ entity: 'user' })).items;
    const refused = await trpcError(
      api.admin.audit.restorePreview({ entryId: userEntry?.id ?? 0 }),
    );
    expect(refused.code).toBe('BAD_REQUEST');
    expect(blamedFields(refused)).toEqual(['entryId']);
  });
});
