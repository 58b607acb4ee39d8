import { describe, expect, expectTypeOf, it } from 'vitest';
import type { z } from 'zod';
import { articleCreateInput, articleUpdateInput, coverImageSchema, tagSchema } from './article';
import { idSchema, versionSchema } from './vocabulary';

function issues<T extends z.ZodType>(schema: T, input: unknown) {
  const result = schema.safeParse(input);
  if (result.success) throw new Error(`expected ${JSON.stringify(input)} to be rejected`);
  return result.error.issues.map((i) => ({
    path: i.path.map(String).join('.'),
    message: i.message,
  }));
}

const launch = {
  title: { sv: 'Clusters of Skåne – ny plattform för samarbete' },
};
const cover = {
  src: '/images/aker.jpg',
  alt: { sv: 'En grön åker med traktorspår. Lite dimma i horisonten.' },
};

describe('articleCreateInput', () => {
  it('needs only a Swedish title, and fills in the defaults', () => {
    expect(articleCreateInput.parse(launch)).toEqual({
      title: { sv: 'Clusters of Skåne – ny plattform för samarbete', en: '' },
      summary: { sv: '', en: '' },
      body: { sv: '', en: '' },
      coverImage: null,
      author: '',
      tags: [],
      clusterId: null,
      publishedAt: null,
      status: 'draft',
    });
  });

  it('names the missing title', () => {
    expect(issues(articleCreateInput, {})).toEqual([
      { path: 'title', message: 'Title is required, as { sv, en } text' },
    ]);
    expect(issues(articleCreateInput, { title: { en: 'Launch' } })).toEqual([
      { path: 'title.sv', message: 'Title in Swedish is required' },
    ]);
  });

  it('accepts a cover image with Swedish alt text', () => {
    const article = articleCreateInput.parse({ ...launch, coverImage: cover });
    expect(article.coverImage).toEqual({ src: cover.src, alt: { sv: cover.alt.sv, en: '' } });
  });

  it.each([
    ['missing', { en: 'A green field' }],
    ['empty', { sv: '', en: 'A green field' }],
    ['blank', { sv: '   ' }],
  ])('rejects a cover image whose Swedish alt text is %s', (_, alt) => {
    expect(issues(articleCreateInput, { ...launch, coverImage: { src: cover.src, alt } })).toEqual([
      { path: 'coverImage.alt.sv', message: 'Cover image alt text in Swedish is required' },
    ]);
  });

  it('rejects a cover image with no alt text at all', () => {
    expect(issues(coverImageSchema, { src: cover.src })).toEqual([
      { path: 'alt', message: 'Cover image alt text is required, as { sv, en } text' },
    ]);
  });

  it.each(['/images/a.jpg', 'https://cdn.example.se/a.jpg', 'http://example.se/a.png'])(
    'accepts the cover image address %s',
    (src) => {
      expect(coverImageSchema.safeParse({ ...cover, src }).success).toBe(true);
    },
  );

  it.each([
    'javascript:alert(1)',
    'images/a.jpg',
    '//evil.example/a.jpg',
    '/\\evil.example/a.jpg',
    'data:image/png;base64,AAAA',
  ])('rejects the cover image address %s', (src) => {
    expect(issues(coverImageSchema, { ...cover, src })).toEqual([
      { path: 'src', message: 'Cover image address must start with / or https://' },
    ]);
  });

  it('lowercases tags and removes repeats', () => {
    expect(
      articleCreateInput.parse({ ...launch, tags: ['AI', 'ai', ' Ai ', 'Life science'] }).tags,
    ).toEqual([
      { sv: 'ai', en: '' },
      { sv: 'life science', en: '' },
    ]);
  });

  it('takes a tag in both languages, the English name shared by repeats', () => {
    expect(
      articleCreateInput.parse({
        ...launch,
        tags: ['Plattform', { sv: 'plattform', en: 'Platform' }, { sv: 'Öppna data', en: ' ' }],
      }).tags,
    ).toEqual([
      { sv: 'plattform', en: 'platform' },
      { sv: 'öppna data', en: '' },
    ]);
  });

  it('names the language of a tag that is wrong', () => {
    expect(
      issues(articleCreateInput, { ...launch, tags: [{ sv: 'plattform', en: 'plat#form' }] }),
    ).toEqual([{ path: 'tags.0.en', message: 'Tag may hold letters, digits, spaces and dashes' }]);
    expect(issues(articleCreateInput, { ...launch, tags: [{ sv: '', en: 'x' }] })).toEqual([
      { path: 'tags.0.sv', message: 'Tag must not be empty' },
    ]);
  });

  it('takes an English slug, or none', () => {
    expect(articleCreateInput.parse({ ...launch, slugEn: 'new-platform' }).slugEn).toBe(
      'new-platform',
    );
    expect(articleCreateInput.parse({ ...launch, slugEn: null }).slugEn).toBeNull();
    expect(issues(articleCreateInput, { ...launch, slugEn: 'Ny Plattform' })[0]?.path).toBe(
      'slugEn',
    );
  });

  it('checks tags one by one and caps their number', () => {
    expect(issues(articleCreateInput, { ...launch, tags: ['ok', '#hash'] })).toEqual([
      { path: 'tags.1.sv', message: 'Tag may hold letters, digits, spaces and dashes' },
    ]);
    expect(
      issues(articleCreateInput, {
        ...launch,
        tags: Array.from({ length: 11 }, (_, i) => `t${i}`),
      }),
    ).toEqual([{ path: 'tags', message: 'At most 10 tags' }]);
  });

  it('needs an ISO date-time for publishedAt', () => {
    expect(
      articleCreateInput.parse({ ...launch, publishedAt: '2021-01-15T09:00:00+01:00' }).publishedAt,
    ).toBe('2021-01-15T09:00:00+01:00');
    expect(
      articleCreateInput.parse({ ...launch, publishedAt: '2021-01-15T08:00:00Z' }).publishedAt,
    ).toBe('2021-01-15T08:00:00Z');
    expect(issues(articleCreateInput, { ...launch, publishedAt: '15 januari 2021' })).toEqual([
      { path: 'publishedAt', message: 'Published at must be an ISO date-time' },
    ]);
  });

  it('rejects unknown keys', () => {
    expect(issues(articleCreateInput, { ...launch, views: 10 })).toEqual([
      { path: '', message: 'Unrecognized key: "views"' },
    ]);
  });
});

describe('tagSchema', () => {
  it('allows Swedish letters', () => {
    expect(tagSchema.parse('Hållbarhet')).toBe('hållbarhet');
  });

  it('rejects empty and too long tags', () => {
    expect(tagSchema.safeParse(' ').error?.issues[0]?.message).toBe('Tag must not be empty');
    expect(tagSchema.safeParse('x'.repeat(41)).error?.issues[0]?.message).toBe(
      'Tag must be at most 40 characters',
    );
  });
});

describe('articleUpdateInput', () => {
  it('does not reset status, tags or the cover image when they are left out', () => {
    expect(articleUpdateInput.parse({ id: 3, version: 1, author: 'Redaktionen' })).toEqual({
      id: 3,
      version: 1,
      author: 'Redaktionen',
    });
  });

  it('still requires Swedish alt text on a cover image it is given', () => {
    expect(
      issues(articleUpdateInput, {
        id: 3,
        version: 1,
        coverImage: { src: '/a.jpg', alt: { sv: '' } },
      }),
    ).toEqual([
      { path: 'coverImage.alt.sv', message: 'Cover image alt text in Swedish is required' },
    ]);
  });

  it('keeps the keys and types of createInput.partial() plus id and version', () => {
    const partial = articleCreateInput.partial().extend({ id: idSchema, version: versionSchema });
    expectTypeOf<z.output<typeof articleUpdateInput>>().toEqualTypeOf<z.output<typeof partial>>();
    expectTypeOf<z.input<typeof articleUpdateInput>>().toEqualTypeOf<z.input<typeof partial>>();
    expect(Object.keys(articleUpdateInput.shape).sort()).toEqual(Object.keys(partial.shape).sort());
  });
});

describe('cover image address', () => {
  it('refuses quotes, angle brackets and spaces that could break out of an attribute', () => {
    for (const src of [
      '/bild.jpg" onerror="alert(1)',
      "/a.jpg'x",
      '/a b.jpg',
      '/<x>.jpg',
      '/a`.jpg',
    ]) {
      const result = coverImageSchema.safeParse({ src, alt: { sv: 'Bild' } });
      expect(result.success, src).toBe(false);
      expect(result.error?.issues[0]?.message).toMatch(/spaces, quotes or angle brackets/);
    }
    expect(
      coverImageSchema.safeParse({ src: '/images/launch-cover.svg', alt: { sv: 'Bild' } }).success,
    ).toBe(true);
  });
});
