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

describe('an article in two languages', () => {
  it('has a slug per language; each page finds it by the other one too, for a redirect', async () => {
    const created = await api.admin.article.admin.create({
      ...sample(null, 'Mejerier i Skåne'),
      title: { sv: 'Mejerier i Skåne', en: 'Dairies in Skåne' },
      status: 'published',
    });
    expect([created.slug, created.slugEn]).toEqual(['mejerier-i-skane', 'dairies-in-skane']);
    const en = await api.anonymous.article.bySlug({ slug: 'dairies-in-skane', locale: 'en' });
    expect(en.slugs).toEqual({ sv: 'mejerier-i-skane', en: 'dairies-in-skane' });
    // The English page asked with the Swedish slug (the old English URL) finds it: the page redirects.
    const old = await api.anonymous.article.bySlug({ slug: 'mejerier-i-skane', locale: 'en' });
    expect(old.slugs.en).toBe('dairies-in-skane');
    const swapped = await api.anonymous.article.bySlug({ slug: 'dairies-in-skane' });
    expect(swapped.slugs.sv).toBe('mejerier-i-skane');
  });

  it('has no English slug without an English title, and gets one with it', async () => {
    const created = await api.admin.article.admin.create({
      ...sample(null, 'Bara svenska'),
      title: { sv: 'Bara svenska', en: '' },
    });
    expect(created.slugEn).toBeNull();
    const updated = await api.admin.article.admin.update({
      id: created.id,
      version: created.version,
      title: { sv: 'Bara svenska', en: 'Swedish only no more' },
    });
    expect(updated.slugEn).toBe('swedish-only-no-more');
  });

  it('refuses an address in either language that another article has in either language', async () => {
    const first = await api.admin.article.admin.create(sample(null, 'Första'));
    const before = api.checksum();
    for (const [input, field] of [
      [{ slugEn: first.slug }, 'slugEn'],
      [{ slugEn: 'news' }, 'slugEn'],
      [{ slug: 'news' }, 'slug'],
    ] as const) {
      const error = await trpcError(
        api.admin.article.admin.create({ ...sample(null, 'Andra'), ...input }),
      );
      expect(error.code).toBe('CONFLICT');
      expect(blamedFields(error)).toEqual([field]);
    }
    expect(api.checksum()).toBe(before);
    // A generated English slug steps around a taken one instead.
    const second = await api.admin.article.admin.create(sample(null, 'Andra'));
    expect(second.slugEn).toBe('news-2');
  });

  it('names a tag in English once for every article with it; a tag without a name keeps it', async () => {
    const a = await api.admin.article.admin.create({
      ...sample(null, 'A'),
      tags: [{ sv: 'Förpackning', en: 'Packaging' }, 'hållbarhet'],
      status: 'published',
    });
    expect(a.tags).toEqual([
      { sv: 'förpackning', en: 'packaging' },
      { sv: 'hållbarhet', en: '' },
    ]);
    const b = await api.admin.article.admin.create({
      ...sample(null, 'B'),
      tags: ['förpackning', { sv: 'hållbarhet', en: 'sustainability' }],
      status: 'published',
    });
    expect(b.tags).toEqual([
      { sv: 'förpackning', en: 'packaging' },
      { sv: 'hållbarhet', en: 'sustainability' },
    ]);
    const shown = await api.anonymous.article.bySlug({ slug: a.slug });
    expect(shown.tags).toEqual([
      { tag: 'förpackning', name: { sv: 'förpackning', en: 'packaging' } },
      { tag: 'hållbarhet', name: { sv: 'hållbarhet', en: 'sustainability' } },
    ]);
    const byTag = await api.anonymous.article.list({ tag: 'Hållbarhet' });
    expect(byTag.items.map((i) => i.slug).sort()).toEqual([a.slug, b.slug].sort());
  });
});

describe('article.admin as admin', () => {
  it('creates, updates partially, publishes and deletes, auditing each write', async () => {
    const article = await api.admin.article.admin.create(sample(api.clusterId('opentech')));
    expect(article).toMatchObject({
      slug: 'nyheter-fran-klustret',
      slugEn: 'news',
      status: 'draft',
      version: 1,
      tags: [{ sv: 'innovation', en: '' }],
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
      tags: [{ sv: 'innovation', en: '' }],
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
