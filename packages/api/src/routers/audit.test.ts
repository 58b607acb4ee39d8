/**
 * The audit trail through the API: reading a member's history (admins all,
 * editors their own members), and restoring a member to a recorded state —
 * onto the living record (version-checked) or by re-creating a deleted one.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { blamedFields, createTestApi, trpcError, type TestApi } from '../test-support';

let api: TestApi;
beforeEach(() => {
  api = createTestApi();
});
afterEach(() => api.cleanup());

const memberHistory = async (id: number) =>
  (await api.admin.audit.list({ entity: 'member', entityId: String(id) })).items;

describe('audit.list', () => {
  it('lists one entity’s entries, newest first, page by page', async () => {
    const ericsson = api.memberId('ericsson');
    const sony = api.memberId('sony');
    await api.admin.member.admin.update({ id: ericsson, version: 1, name: 'Ericsson AB' });
    await api.admin.member.admin.update({ id: sony, version: 1, name: 'Sony Europe' });
    await api.admin.member.admin.update({
      id: ericsson,
      version: 2,
      name: 'Telefonaktiebolaget LM Ericsson',
    });

    const entries = await memberHistory(ericsson);
    expect(entries.map((e) => e.entityId)).toEqual([String(ericsson), String(ericsson)]);
    expect(entries.map((e) => (e.after as { name: string }).name)).toEqual([
      'Telefonaktiebolaget LM Ericsson',
      'Ericsson AB',
    ]);
    expect(entries[0]?.id).toBeGreaterThan(entries[1]?.id ?? Infinity);

    const all = await api.admin.audit.list({ entity: 'member' });
    expect(all.items).toHaveLength(3);
    expect((await api.admin.audit.list({ entity: 'cluster' })).items).toEqual([]);
    expect((await api.admin.audit.list({ userId: api.adminUser.id })).items).toHaveLength(3);
    expect((await api.admin.audit.list({ userId: 'someone-else' })).items).toEqual([]);

    const first = await api.admin.audit.list({ entity: 'member', limit: 2 });
    expect(first.items).toHaveLength(2);
    expect(first.nextCursor).not.toBeNull();
    const second = await api.admin.audit.list({
      entity: 'member',
      limit: 2,
      cursor: first.nextCursor ?? undefined,
    });
    expect(second.nextCursor).toBeNull();
    expect([...first.items, ...second.items].map((e) => e.id)).toEqual(all.items.map((e) => e.id));
  });

  it('an editor may read the history of their own member only', async () => {
    const ericsson = api.memberId('ericsson');
    const flextrus = api.memberId('flextrus');
    await api.admin.member.admin.update({ id: ericsson, version: 1, website: 'ericsson.se' });
    await api.admin.member.admin.update({ id: flextrus, version: 1, website: 'flextrus.se' });
    const editor = api.editor('opentech');

    const own = await editor.audit.list({ entity: 'member', entityId: String(ericsson) });
    expect(own.items.map((e) => e.entityId)).toEqual([String(ericsson)]);

    for (const input of [
      { entity: 'member' as const, entityId: String(flextrus) },
      { entity: 'member' as const },
      {},
      { entity: 'cluster' as const, entityId: String(api.clusterId('opentech')) },
    ]) {
      expect((await trpcError(editor.audit.list(input))).code, JSON.stringify(input)).toBe(
        'FORBIDDEN',
      );
    }
    expect((await trpcError(api.anonymous.audit.list({}))).code).toBe('UNAUTHORIZED');
  });
});

describe('audit.restoreMember', () => {
  it("side 'before' puts back the earlier name, version-checked, and is audited", async () => {
    const id = api.memberId('ericsson');
    const renamed = await api.admin.member.admin.update({ id, version: 1, name: 'Fel Namn AB' });
    const [entry] = await memberHistory(id);
    if (!entry) throw new Error('no audit entry');

    const checksum = api.checksum();
    const missing = await trpcError(
      api.admin.audit.restoreMember({ entryId: entry.id, side: 'before' }),
    );
    expect(missing.code).toBe('BAD_REQUEST');
    expect(blamedFields(missing)).toEqual(['version']);
    const stale = await trpcError(
      api.admin.audit.restoreMember({ entryId: entry.id, side: 'before', version: 1 }),
    );
    expect(stale.code).toBe('CONFLICT');
    expect(api.checksum()).toBe(checksum);

    const restored = await api.admin.audit.restoreMember({
      entryId: entry.id,
      side: 'before',
      version: renamed.version,
    });
    expect(restored).toMatchObject({ id, name: 'Ericsson', slug: 'ericsson', version: 3 });
    expect((await api.anonymous.member.bySlug({ slug: 'ericsson' })).name).toBe('Ericsson');
    const [latest] = await memberHistory(id);
    expect(latest).toMatchObject({ action: 'restore', before: renamed, after: restored });

    // The default side is 'after': back to the renamed state.
    const again = await api.admin.audit.restoreMember({
      entryId: entry.id,
      version: restored.version,
    });
    expect(again.name).toBe('Fel Namn AB');
  });

  it('re-creates a deleted member with the same id, slug, areas and memberships', async () => {
    const id = api.memberId('lunds-universitet');
    const before = await api.admin.member.admin.get({ id });
    await api.admin.member.admin.delete({ id, version: before.version });
    expect((await trpcError(api.anonymous.member.bySlug({ slug: 'lunds-universitet' }))).code).toBe(
      'NOT_FOUND',
    );
    const [deletion] = await memberHistory(id);
    expect(deletion?.action).toBe('delete');
    if (!deletion) throw new Error('no delete entry');

    const noAfter = await trpcError(api.admin.audit.restoreMember({ entryId: deletion.id }));
    expect(noAfter.code).toBe('BAD_REQUEST');
    expect(blamedFields(noAfter)).toEqual(['side']);

    const restored = await api.admin.audit.restoreMember({ entryId: deletion.id, side: 'before' });
    expect(restored).toEqual({
      ...before,
      version: before.version + 1,
      updatedAt: restored.updatedAt,
    });
    expect(api.memberId('lunds-universitet')).toBe(id);
    const profile = await api.anonymous.member.bySlug({ slug: 'lunds-universitet' });
    expect(profile.clusters.map((c) => c.slug).sort()).toEqual(['opentech', 'packbridge']);
    expect(
      (await api.anonymous.member.directory({ q: 'lunds' })).items.map((m) => m.slug),
    ).toContain('lunds-universitet');
    const [entry] = await memberHistory(id);
    expect(entry).toMatchObject({ action: 'restore', before: null, after: restored });

    // Restoring the deletion twice is refused: the member exists again.
    const twice = await trpcError(
      api.admin.audit.restoreMember({ entryId: deletion.id, side: 'before' }),
    );
    expect(twice.code).toBe('BAD_REQUEST');
    expect(blamedFields(twice)).toEqual(['version']);
  });

  it('refuses to re-create a deleted member whose slug has been taken', async () => {
    const id = api.memberId('sony');
    await api.admin.member.admin.delete({ id, version: 1 });
    const [deletion] = await memberHistory(id);
    await api.admin.member.admin.create({ name: 'Sony', kind: 'company' });
    const checksum = api.checksum();
    const error = await trpcError(
      api.admin.audit.restoreMember({ entryId: deletion?.id ?? 0, side: 'before' }),
    );
    expect(error.code).toBe('CONFLICT');
    expect(blamedFields(error)).toEqual(['slug']);
    expect(api.checksum()).toBe(checksum);
  });

  it('an editor may restore their own member but not another cluster’s', async () => {
    const flextrus = api.memberId('flextrus');
    const ericsson = api.memberId('ericsson');
    const f = await api.admin.member.admin.update({
      id: flextrus,
      version: 1,
      name: 'Flextrus AB',
    });
    const e = await api.admin.member.admin.update({
      id: ericsson,
      version: 1,
      name: 'Ericsson AB',
    });
    const [fEntry] = await memberHistory(flextrus);
    const [eEntry] = await memberHistory(ericsson);
    const editor = api.editor('opentech');

    const checksum = api.checksum();
    const error = await trpcError(
      editor.audit.restoreMember({ entryId: fEntry?.id ?? 0, side: 'before', version: f.version }),
    );
    expect(error.code).toBe('FORBIDDEN');
    expect(api.checksum()).toBe(checksum);

    const restored = await editor.audit.restoreMember({
      entryId: eEntry?.id ?? 0,
      side: 'before',
      version: e.version,
    });
    expect(restored.name).toBe('Ericsson');

    // A deleted member of another cluster cannot be brought back by this editor either.
    await api.admin.member.admin.delete({ id: flextrus, version: f.version });
    const [deletion] = await memberHistory(flextrus);
    const recreate = await trpcError(
      editor.audit.restoreMember({ entryId: deletion?.id ?? 0, side: 'before' }),
    );
    expect(recreate.code).toBe('FORBIDDEN');
  });

  it('an unknown entry is NOT_FOUND; signed out is UNAUTHORIZED', async () => {
    expect(
      (await trpcError(api.admin.audit.restoreMember({ entryId: 999_999, version: 1 }))).code,
    ).toBe('NOT_FOUND');
    expect(
      (await trpcError(api.anonymous.audit.restoreMember({ entryId: 1, version: 1 }))).code,
    ).toBe('UNAUTHORIZED');
  });
});
