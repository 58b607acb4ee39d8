/**
 * Article writes: admins write any article, an editor only their own
 * cluster's (as stored and as changed). Each write is audited, a stale
 * version is refused, bad input is blamed on its field.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { blamedFields, createTestApi, trpcError, type TestApi } from '../test-support';

let api: TestApi;
beforeEach(() => {
  api = createTestApi();
});
afterEach(() => api.cleanup());

async function history(id: number) {
  return (await api.admin.audit.list({ entity: 'article', entityId: String(id) })).items;
}

function sample(clusterId: number | null, title = 'Nyheter från klustret') {
  return {
    title: { sv: title, en: 'News' },
    clusterId,
    tags: ['Innovation', 'innovation'],
    author: 'Redaktionen',
  };
}

describe('article.admin as admin', () => {
  it('creates, updates partially, publishes and deletes, auditing each write', async () => {
    const article = await api.admin.article.admin.create(sample(api.clusterId('opentech')));
    expect(article).toMatchObject({
      slug: 'nyheter-fran-klustret',
      status: 'draft',
      version: 1,
      tags: ['innovation'],
    });
    expect(article.publishedAt).toBeNull();

    const updated = await api.admin.article.admin.update({
      id: article.id,
      version: 1,
      summary: { sv: 'Kort', en: '' },
    });
    expect(updated).toMatchObject({
      title: article.title,
      summary: { sv: 'Kort', en: '' },
      tags: ['innovation'],
      version: 2,
    });

    const published = await api.admin.article.admin.setStatus({
      id: article.id,
      version: 2,
      action: 'publish',
    });
    expect(published.status).toBe('published');
    expect(published.publishedAt).not.toBeNull();
    expect((await api.anonymous.article.bySlug({ slug: article.slug })).title.sv).toBe(
      'Nyheter från klustret',
    );

    await api.admin.article.admin.delete({ id: article.id, version: 3 });
    expect(
      api.sqlite.prepare('SELECT 1 FROM articles WHERE id = ?').get(article.id),
    ).toBeUndefined();
    const entries = await history(article.id);
    expect(entries.map((e) => e.action)).toEqual(['delete', 'publish', 'update', 'create']);
    expect(entries[2]?.before).toMatchObject({ summary: { sv: '', en: '' } });
  });

  it('refuses a stale version with the current record and changes nothing', async () => {
    const article = await api.admin.article.admin.create(sample(null));
    await api.admin.article.admin.update({ id: article.id, version: 1, author: 'A' });
    const before = api.checksum();
    const error = await trpcError(
      api.admin.article.admin.update({ id: article.id, version: 1, author: 'B' }),
    );
    expect(error.code).toBe('CONFLICT');
    expect((error.cause as { current?: unknown }).current).toMatchObject({
      author: 'A',
      version: 2,
    });
    expect(api.checksum()).toBe(before);
  });

  it('blames bad input, an unknown cluster and a taken slug on the field, leaving the database as it was', async () => {
    const existing = await api.admin.article.admin.create(sample(null));
    const before = api.checksum();
    const unknown = await trpcError(api.admin.article.admin.create(sample(9999)));
    expect(unknown.code).toBe('BAD_REQUEST');
    expect(blamedFields(unknown)).toEqual(['clusterId']);
    const taken = await trpcError(
      api.admin.article.admin.create({ ...sample(null), slug: existing.slug }),
    );
    expect(taken.code).toBe('CONFLICT');
    expect(blamedFields(taken)).toEqual(['slug']);
    const bad = await trpcError(
      api.admin.article.admin.create({
        ...sample(null),
        coverImage: { src: '//evil.example/x.jpg', alt: { sv: 'Bild', en: '' } },
      }),
    );
    expect(bad.code).toBe('BAD_REQUEST');
    expect(blamedFields(bad)).toContain('coverImage.src');
    expect(api.checksum()).toBe(before);
  });
});

describe('article.admin as an editor', () => {
  it('may write their own cluster’s articles', async () => {
    const editor = api.editor('opentech');
    const article = await editor.article.admin.create(sample(api.clusterId('opentech')));
    const updated = await editor.article.admin.update({
      id: article.id,
      version: 1,
      author: 'Eva',
    });
    expect(updated.author).toBe('Eva');
    expect((await editor.article.admin.list()).map((a) => a.id)).toEqual([article.id]);
    const entries = await history(article.id);
    expect(entries[0]?.userId).toBe(api.editorUser('opentech').id);
  });

  it('may not write another cluster’s article, nor move their own away', async () => {
    const foreign = await api.admin.article.admin.create(
      sample(api.clusterId('packbridge'), 'Annan kluster'),
    );
    const editor = api.editor('opentech');
    const own = await editor.article.admin.create(sample(api.clusterId('opentech'), 'Egen'));
    const before = api.checksum();
    expect((await trpcError(editor.article.admin.get({ id: foreign.id }))).code).toBe('FORBIDDEN');
    expect(
      (await trpcError(editor.article.admin.update({ id: foreign.id, version: 1, author: 'X' })))
        .code,
    ).toBe('FORBIDDEN');
    expect(
      (await trpcError(editor.article.admin.delete({ id: foreign.id, version: 1 }))).code,
    ).toBe('FORBIDDEN');
    expect(
      (
        await trpcError(
          editor.article.admin.update({
            id: own.id,
            version: 1,
            clusterId: api.clusterId('packbridge'),
          }),
        )
      ).code,
    ).toBe('FORBIDDEN');
    expect((await trpcError(editor.article.admin.create(sample(null, 'Utan kluster')))).code).toBe(
      'FORBIDDEN',
    );
    expect(api.checksum()).toBe(before);
  });
});
