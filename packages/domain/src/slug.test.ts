import { describe, expect, it } from 'vitest';
import { SLUG_MAX_LENGTH, SLUG_PATTERN, slugify, slugSchema, uniqueSlug } from './slug';

describe('slugify', () => {
  it.each([
    ['Malmö universitet', 'malmo-universitet'],
    ['Åstorp', 'astorp'],
    ['Ängelholm', 'angelholm'],
    ['Höör', 'hoor'],
    ['ÅR Carton', 'ar-carton'],
    ['Café Élite', 'cafe-elite'],
    ['Müller & Søn', 'muller-och-son'],
    ['Straße Ærø', 'strasse-aero'],
    ['Tetra Pak & Co.', 'tetra-pak-och-co'],
    ['Forskning&Utveckling', 'forskning-och-utveckling'],
    ['Hello, World! (AB)', 'hello-world-ab'],
    ['  --Media   Evolution--  ', 'media-evolution'],
    ['Life science & hälsa', 'life-science-och-halsa'],
    ['MAX IV / ESS', 'max-iv-ess'],
    ["McDonald's", 'mcdonalds'],
    ['Kalle’s Kaviar', 'kalles-kaviar'],
    ['ﬁka', 'fika'],
    ['Ｔｅｓｔ 2', 'test-2'],
    ['Web 2.0', 'web-2-0'],
  ])('%s → %s', (name, slug) => {
    expect(slugify(name)).toBe(slug);
  });

  it('gives an empty string when nothing is left', () => {
    expect(slugify('  --- !!! ')).toBe('');
  });

  it('gives the same slug for composed and decomposed Unicode input', () => {
    const composed = 'Malmö Höganäs'.normalize('NFC');
    const decomposed = composed.normalize('NFD');
    expect(decomposed).not.toBe(composed);
    expect(slugify(decomposed)).toBe(slugify(composed));
  });

  it('is stable: slugifying a slug changes nothing', () => {
    for (const name of ['Lunds universitet', 'Tetra Pak & Co.', 'a'.repeat(200)]) {
      const slug = slugify(name);
      expect(slugify(slug)).toBe(slug);
    }
  });

  it(`cuts long names to ${SLUG_MAX_LENGTH} characters without a trailing dash`, () => {
    const long = slugify('word '.repeat(40));
    expect(long.length).toBeLessThanOrEqual(SLUG_MAX_LENGTH);
    expect(long.length).toBeGreaterThan(SLUG_MAX_LENGTH - 5);
    expect(long.endsWith('-')).toBe(false);
    expect(slugify('x'.repeat(200))).toBe('x'.repeat(SLUG_MAX_LENGTH));
  });

  it('always produces something slugSchema accepts (or nothing)', () => {
    const names = ['Öresund & Co', '--a--b--', '1 2 3', 'É', 'x'.repeat(81), ' a '.repeat(50)];
    for (const name of names) {
      const slug = slugify(name);
      expect(slug).toMatch(SLUG_PATTERN);
      expect(slugSchema.safeParse(slug).success).toBe(true);
    }
  });
});

describe('uniqueSlug', () => {
  it('returns the plain slug when it is free', () => {
    expect(uniqueSlug('Lund', () => false)).toBe('lund');
  });

  it('adds -2, -3 … until a free one is found, asking in order', () => {
    const taken = new Set(['lund', 'lund-2', 'lund-3']);
    const asked: string[] = [];
    const slug = uniqueSlug('Lund', (candidate) => {
      asked.push(candidate);
      return taken.has(candidate);
    });
    expect(slug).toBe('lund-4');
    expect(asked).toEqual(['lund', 'lund-2', 'lund-3', 'lund-4']);
  });

  it('falls back to "post" for a name with no letters or digits', () => {
    expect(uniqueSlug('!!!', () => false)).toBe('post');
    expect(uniqueSlug('', (c) => c === 'post')).toBe('post-2');
  });

  it('keeps a suffixed slug within the maximum length', () => {
    const base = 'b'.repeat(SLUG_MAX_LENGTH);
    const slug = uniqueSlug(base, (c) => c === base);
    expect(slug).toBe(`${'b'.repeat(SLUG_MAX_LENGTH - 2)}-2`);
    expect(slug.length).toBe(SLUG_MAX_LENGTH);
  });

  it('does not leave a double dash when the cut falls on a dash', () => {
    // The plain slug is 77 a's, a dash and "bb"; cutting two characters for "-2"
    // would end on the dash.
    const name = `${'a'.repeat(77)} bbb`;
    const base = slugify(name);
    const slug = uniqueSlug(name, (c) => c === base);
    expect(slug).toBe(`${'a'.repeat(77)}-2`);
    expect(slug).toMatch(SLUG_PATTERN);
  });
});

describe('slugSchema', () => {
  it('accepts a slug and trims it', () => {
    expect(slugSchema.parse(' life-science-halsa ')).toBe('life-science-halsa');
  });

  it.each(['Tech', 'a--b', '-a', 'a-', 'a_b', 'malmö'])(
    'rejects %s with a clear message',
    (slug) => {
      const result = slugSchema.safeParse(slug);
      expect(result.error?.issues[0]?.message).toBe(
        'Slug may hold only a–z, 0–9 and single dashes between them',
      );
    },
  );

  it('rejects an empty slug and one that is too long', () => {
    expect(slugSchema.safeParse('').error?.issues[0]?.message).toBe('Slug must not be empty');
    expect(slugSchema.safeParse('a'.repeat(SLUG_MAX_LENGTH + 1)).error?.issues[0]?.message).toBe(
      `Slug must be at most ${SLUG_MAX_LENGTH} characters`,
    );
    expect(slugSchema.safeParse('a'.repeat(SLUG_MAX_LENGTH)).success).toBe(true);
  });
});
