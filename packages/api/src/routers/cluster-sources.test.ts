/**
 * A cluster's reported member count, source notes and sources (issue 16):
 * written by admins through the tRPC caller (version-checked, audited,
 * undone from the history like any field), shown on the public reads in both
 * languages, and refused field by field when wrong, with nothing changed.
 */
import { formatMessage, issueMessage } from '@cos/domain';
import type { ZodError } from 'zod';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { blamedFields, createTestApi, trpcError, type TestApi } from '../test-support';

let api: TestApi;
beforeEach(() => {
  api = createTestApi();
});
afterEach(() => api.cleanup());

const EDIT = {
  reportedMembers: { count: 140, qualifier: 'at_least' as const, year: 2024 },
  sourceNoteText: {
    sv: 'Medlemsantalet kommer från OpenTechs årsberättelse.',
    en: 'The member count comes from OpenTech’s annual report.',
  },
  sources: [
    {
      title: { sv: 'Årsberättelse 2024', en: 'Annual report 2024' },
      year: 2024,
      url: 'OpenTech.se/om',
    },
    { title: { sv: 'Offentliga källor' }, year: 2023 },
  ],
};

async function latestEntry(id: number) {
  return (await api.admin.audit.list({ entity: 'cluster', entityId: String(id) })).items[0]!;
}

describe('a cluster’s reported member count and sources', () => {
  it('are edited by an admin, audited, and shown publicly in both languages', async () => {
    const id = api.clusterId('opentech');
    const before = await api.admin.cluster.admin.get({ id });
    expect(before.reportedMembers).toEqual({ count: 130, qualifier: 'about', year: 2023 });
    expect(before.sources).toEqual([
      { title: { sv: 'Offentliga källor', en: 'Public sources' }, year: 2023, url: null },
    ]);
    expect(before.sourceNoteText.sv).toMatch(/^Medlemsantalet \(cirka 130, 2023\)/);

    const updated = await api.admin.cluster.admin.update({ id, version: before.version, ...EDIT });
    expect(updated).toMatchObject({
      version: before.version + 1,
      reportedMembers: EDIT.reportedMembers,
      sourceNoteText: EDIT.sourceNoteText,
      sources: [
        {
          title: { sv: 'Årsberättelse 2024', en: 'Annual report 2024' },
          year: 2024,
          url: 'https://opentech.se/om',
        },
        { title: { sv: 'Offentliga källor', en: '' }, year: 2023, url: null },
      ],
    });
    const entry = await latestEntry(id);
    expect(entry.action).toBe('update');
    expect(entry.changedFields).toEqual(
      expect.arrayContaining([
        'reportedMembers',
        'sourceNoteText.sv',
        'sourceNoteText.en',
        'sources',
      ]),
    );

    const page = await api.anonymous.cluster.bySlug({ slug: 'opentech' });
    expect(page.reportedMembers).toEqual(EDIT.reportedMembers);
    expect(page.sourceNoteText).toEqual(EDIT.sourceNoteText);
    expect(page.sources.map((s) => [s.title.sv, s.title.en, s.year, s.url])).toEqual([
      ['Årsberättelse 2024', 'Annual report 2024', 2024, 'https://opentech.se/om'],
      ['Offentliga källor', '', 2023, null],
    ]);
    // The old one-string note is gone from the public outputs.
    expect(page).not.toHaveProperty('sourceNote');
    const listed = (await api.anonymous.cluster.list()).find((c) => c.slug === 'opentech');
    expect(listed?.sources).toHaveLength(2);
    expect(listed).not.toHaveProperty('sourceNote');
  });

  it('removes the count and every source, and an undo from the history brings them back', async () => {
    const id = api.clusterId('opentech');
    const v1 = await api.admin.cluster.admin.get({ id });
    const cleared = await api.admin.cluster.admin.update({
      id,
      version: v1.version,
      reportedMembers: { count: null, qualifier: null, year: null },
      sources: [],
    });
    expect(cleared.reportedMembers).toEqual({ count: null, qualifier: null, year: null });
    expect(cleared.sources).toEqual([]);
    expect(
      api.sqlite
        .prepare('SELECT count(*) FROM cluster_sources WHERE cluster_id = ?')
        .pluck()
        .get(id),
    ).toBe(0);
    expect((await api.anonymous.cluster.bySlug({ slug: 'opentech' })).reportedMembers).toBeNull();

    const entry = await latestEntry(id);
    const restored = await api.admin.cluster.admin.restore({
      entryId: entry.id,
      mode: 'undo',
      side: 'before',
      version: cleared.version,
    });
    expect(restored.reportedMembers).toEqual(v1.reportedMembers);
    expect(restored.sources).toEqual(v1.sources);
  });

  it('restores a state recorded before the notes had two languages', async () => {
    const id = api.clusterId('packbridge');
    const current = await api.admin.cluster.admin.get({ id });
    // An audit entry as 0016 found it: one English `sourceNote` string.
    const { sourceNoteText: _text, sources: _sources, reportedMembers: _count, ...old } = current;
    api.sqlite
      .prepare(
        `INSERT INTO audit_log (entity, entity_id, action, before, after, at)
         VALUES ('cluster', ?, 'update', ?, ?, ?)`,
      )
      .run(
        String(id),
        JSON.stringify({ ...old, sourceNote: 'Public sources 2012 (H).' }),
        JSON.stringify({ ...old, sourceNote: 'Edited.' }),
        new Date().toISOString(),
      );
    const entry = await latestEntry(id);
    const restored = await api.admin.cluster.admin.restore({
      entryId: entry.id,
      side: 'before',
      version: current.version,
    });
    expect(restored.sourceNoteText).toEqual({ sv: '', en: 'Public sources 2012 (H).' });
    expect(restored.sources).toEqual(current.sources);
  });

  it('refuses a stale version with the current record and changes nothing', async () => {
    const id = api.clusterId('opentech');
    const current = await api.admin.cluster.admin.get({ id });
    await api.admin.cluster.admin.update({
      id,
      version: current.version,
      reportedMembers: { count: 131, qualifier: 'about', year: 2023 },
    });
    const before = api.checksum();
    const error = await trpcError(
      api.admin.cluster.admin.update({ id, version: current.version, ...EDIT }),
    );
    expect(error.code).toBe('CONFLICT');
    expect((error.cause as { current?: unknown }).current).toMatchObject({
      reportedMembers: { count: 131 },
      sources: current.sources,
    });
    expect(api.checksum()).toBe(before);
  });

  it.each([
    [{ reportedMembers: { count: -5 } }, 'reportedMembers.count', 'atLeast'],
    [{ reportedMembers: { count: 100_001 } }, 'reportedMembers.count', 'atMost'],
    [{ reportedMembers: { count: 3.5 } }, 'reportedMembers.count', 'notWhole'],
    [{ reportedMembers: { count: 10, year: 1980 } }, 'reportedMembers.year', 'yearFrom'],
    [{ reportedMembers: { count: 10, year: 3000 } }, 'reportedMembers.year', 'yearTo'],
    [
      { reportedMembers: { count: 10, qualifier: 'roughly' } },
      'reportedMembers.qualifier',
      'oneOf',
    ],
    [
      { reportedMembers: { qualifier: 'about', year: 2016 } },
      'reportedMembers.count',
      'reportedMembers.countNeeded',
    ],
    [{ sources: [{ title: { sv: ' ', en: 'Report' } }] }, 'sources.0.title.sv', 'requiredIn'],
    [
      { sources: [{ title: { sv: 'Rapport' }, url: 'javascript:alert(1)' }] },
      'sources.0.url',
      'webAddress.scheme',
    ],
    [{ sources: [{ title: { sv: 'Rapport' }, year: 1850 }] }, 'sources.0.year', 'yearFrom'],
    [{ sourceNoteText: { sv: 'x'.repeat(2001) } }, 'sourceNoteText.sv', 'tooLongIn'],
  ])(
    'refuses %j naming %s, in Swedish and English, and changes nothing',
    async (input, field, code) => {
      const id = api.clusterId('opentech');
      const { version } = await api.admin.cluster.admin.get({ id });
      const before = api.checksum();
      const error = await trpcError(
        api.admin.cluster.admin.update({ id, version, ...input } as never),
      );
      expect(error.code).toBe('BAD_REQUEST');
      expect(blamedFields(error)).toEqual([field]);
      const message = issueMessage((error.cause as ZodError).issues[0]!);
      expect(message?.code).toBe(code);
      expect(formatMessage('sv', message!.code, message!.params)).not.toBe(
        formatMessage('en', message!.code, message!.params),
      );
      expect(api.checksum()).toBe(before);
    },
  );

  it('stays with the administrators: an editor of another cluster, or of this one, is refused', async () => {
    const id = api.clusterId('opentech');
    const { version } = await api.admin.cluster.admin.get({ id });
    const before = api.checksum();
    for (const slug of ['packbridge', 'opentech']) {
      const error = await trpcError(
        api.editor(slug).cluster.admin.update({ id, version, ...EDIT }),
      );
      expect(error.code, slug).toBe('FORBIDDEN');
    }
    expect(api.checksum()).toBe(before);
  });

  it('moves the clusters scope when only the sources change', async () => {
    const id = api.clusterId('iuc-syd');
    const scope = () =>
      api.sqlite
        .prepare("SELECT version FROM data_scopes WHERE name = 'clusters'")
        .pluck()
        .get() as number;
    expect(
      api.sqlite
        .prepare('SELECT count(*) FROM cluster_sources WHERE cluster_id = ?')
        .pluck()
        .get(id),
    ).toBe(1);
    const before = scope();
    api.sqlite.prepare('DELETE FROM cluster_sources WHERE cluster_id = ?').run(id);
    expect(scope()).toBe(before + 1);
    expect((await api.anonymous.cluster.bySlug({ slug: 'iuc-syd' })).sources).toEqual([]);
  });
});
