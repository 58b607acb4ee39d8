/**
 * Restoring areas, clusters and articles from the audit trail: onto an
 * existing record (version required, stale version refused) or re-creating a
 * deleted one, each recorded as a 'restore' entry; entries about another
 * kind of record are refused.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestApi, trpcError, type TestApi } from '../test-support';

let api: TestApi;
beforeEach(() => {
  api = createTestApi();
});
afterEach(() => api.cleanup());

const latestEntry = async (entity: 'area' | 'cluster' | 'article' | 'member', id: number) => {
  const [entry] = (await api.admin.audit.list({ entity, entityId: String(id) })).items;
  if (!entry) throw new Error('no audit entry');
  return entry;
};

describe('restore from the audit trail', () => {
  it('puts a cluster back to its state before a rename, and refuses a stale version', async () => {
    const id = api.clusterId('packbridge');
    const original = await api.admin.cluster.admin.get({ id });
    const renamed = await api.admin.cluster.admin.update({
      id,
      version: original.version,
      name: 'Packbryggan',
    });
    const entry = await latestEntry('cluster', id);

    const before = api.checksum();
    const stale = await trpcError(
      api.admin.cluster.admin.restore({
        entryId: entry.id,
        side: 'before',
        version: original.version,
      }),
    );
    expect(stale.code).toBe('CONFLICT');
    expect(api.checksum()).toBe(before);
    expect(
      (await trpcError(api.admin.cluster.admin.restore({ entryId: entry.id, side: 'before' })))
        .code,
    ).toBe('BAD_REQUEST');

    const restored = await api.admin.cluster.admin.restore({
      entryId: entry.id,
      side: 'before',
      version: renamed.version,
    });
    expect(restored).toMatchObject({
      id,
      name: 'Packbridge',
      sourceNoteText: original.sourceNoteText,
      version: renamed.version + 1,
    });
    expect((await latestEntry('cluster', id)).action).toBe('restore');
    // The member search follows the restored name.
    expect((await api.anonymous.member.directory({ q: 'packbryggan' })).total).toBe(0);
    expect((await api.anonymous.member.directory({ q: 'packbridge' })).total).toBeGreaterThan(0);
  });

  it('re-creates a deleted article with its slug, text and tags', async () => {
    const [launch] = (await api.admin.article.admin.list()).filter((a) =>
      a.slug.startsWith('clusters-of-skane'),
    );
    if (!launch) throw new Error('launch article missing');
    await api.admin.article.admin.delete({ id: launch.id, version: launch.version });
    const entry = await latestEntry('article', launch.id);
    expect(entry.action).toBe('delete');
    const restored = await api.admin.article.admin.restore({ entryId: entry.id, side: 'before' });
    expect(restored).toMatchObject({
      slug: launch.slug,
      title: launch.title,
      tags: launch.tags,
      coverImage: launch.coverImage,
    });
    expect((await api.anonymous.article.bySlug({ slug: launch.slug })).title.sv).toBe(
      launch.title.sv,
    );
  });

  /** An audit entry as an older migration found it, written straight into the log. */
  const oldEntry = (entity: string, id: number, before: object, after: object) =>
    api.sqlite
      .prepare(
        `INSERT INTO audit_log (entity, entity_id, action, before, after, at)
         VALUES (?, ?, 'update', ?, ?, ?)`,
      )
      .run(
        entity,
        String(id),
        JSON.stringify(before),
        JSON.stringify(after),
        new Date().toISOString(),
      );

  it('restores an article state from before tags had English names and slugs were per language', async () => {
    const [launch] = await api.admin.article.admin.list();
    if (!launch) throw new Error('launch article missing');
    const { slugEn: _slugEn, ...rest } = launch;
    oldEntry(
      'article',
      launch.id,
      { ...rest, author: 'Förr', tags: launch.tags.map((t) => t.sv) },
      { ...rest, tags: launch.tags.map((t) => t.sv) },
    );
    const entry = await latestEntry('article', launch.id);
    const preview = await api.admin.audit.restorePreview({
      entryId: entry.id,
      side: 'before',
      version: launch.version,
    });
    // Only the author differs: the words are today's tags, the English slug today's.
    expect(preview.changes.map((c) => c.field)).toEqual(['author']);
    const restored = await api.admin.article.admin.restore({
      entryId: entry.id,
      side: 'before',
      version: launch.version,
    });
    expect(restored).toMatchObject({ author: 'Förr', slugEn: launch.slugEn, tags: launch.tags });
  });

  it('restores a member state from before links had kinds, keeping a founder a founder', async () => {
    const id = api.memberId('lunds-universitet');
    const current = await api.admin.member.admin.get({ id });
    expect(current.memberships.map((m) => m.kind)).toContain('founder');
    const old = {
      ...current,
      memberships: current.memberships.map(({ kind: _kind, ...m }) => m),
    };
    oldEntry('member', id, { ...old, website: 'https://old.example.se' }, old);
    const entry = await latestEntry('member', id);
    const restored = await api.admin.audit.restoreMember({
      entryId: entry.id,
      side: 'before',
      version: current.version,
    });
    expect(restored.website).toBe('https://old.example.se');
    expect(restored.memberships).toEqual(current.memberships);
  });

  it('restores an area, and refuses an entry about another kind of record or an editor', async () => {
    const id = api.areaId('tech');
    const area = await api.admin.area.admin.get({ id });
    const changed = await api.admin.area.admin.update({
      id,
      version: area.version,
      summary: { sv: 'Ändrad', en: '' },
    });
    const entry = await latestEntry('area', id);
    const wrongKind = await trpcError(
      api.admin.cluster.admin.restore({ entryId: entry.id, side: 'before', version: 1 }),
    );
    expect(wrongKind.code).toBe('BAD_REQUEST');
    expect(wrongKind.message).toMatch(/about a area, not a cluster|not a cluster/);
    expect(
      (
        await trpcError(
          api
            .editor('opentech')
            .area.admin.restore({ entryId: entry.id, side: 'before', version: changed.version }),
        )
      ).code,
    ).toBe('FORBIDDEN');
    const restored = await api.admin.area.admin.restore({
      entryId: entry.id,
      side: 'before',
      version: changed.version,
    });
    expect(restored.summary).toEqual(area.summary);
  });
});
