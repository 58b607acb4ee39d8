import { describe, expect, it } from 'vitest';
import {
  bilingualText,
  LOCALES,
  localeSchema,
  optionalBilingualText,
  pickLocale,
} from './bilingual';

const title = bilingualText({ max: 10, label: 'title' });
const summary = optionalBilingualText({ max: 10, label: 'summary' });

function messages(result: { error?: { issues: { message: string }[] } }): string[] {
  return result.error?.issues.map((i) => i.message) ?? [];
}

describe('bilingualText', () => {
  it('requires Swedish and defaults English to empty', () => {
    expect(title.parse({ sv: ' Hej ' })).toEqual({ sv: 'Hej', en: '' });
    expect(title.parse({ sv: 'Hej', en: ' Hi ' })).toEqual({ sv: 'Hej', en: 'Hi' });
  });

  it.each([{ sv: '' }, { sv: '   ' }, {}, { en: 'English' }])(
    'rejects %j: Swedish is required',
    (value) => {
      expect(messages(title.safeParse(value))).toEqual(['Title in Swedish is required']);
    },
  );

  it('says the whole text is required when it is missing', () => {
    expect(messages(title.safeParse(undefined))).toEqual(['Title is required, as { sv, en } text']);
  });

  it('names the label, language and limit when text is too long', () => {
    expect(messages(title.safeParse({ sv: 'x'.repeat(11), en: 'y'.repeat(11) }))).toEqual([
      'Title in Swedish must be at most 10 characters',
      'Title in English must be at most 10 characters',
    ]);
  });

  it('honours a larger minimum', () => {
    const name = bilingualText({ max: 50, min: 3, label: 'name' });
    expect(name.safeParse({ sv: 'ab' }).success).toBe(false);
    expect(name.safeParse({ sv: 'abc' }).success).toBe(true);
  });
});

describe('optionalBilingualText', () => {
  it('defaults to empty in both languages', () => {
    expect(summary.parse(undefined)).toEqual({ sv: '', en: '' });
    expect(summary.parse({ en: 'Hi' })).toEqual({ sv: '', en: 'Hi' });
  });

  it('still limits the length', () => {
    expect(messages(summary.safeParse({ sv: 'x'.repeat(11) }))).toEqual([
      'Summary in Swedish must be at most 10 characters',
    ]);
  });
});

describe('pickLocale', () => {
  const text = { sv: 'Livsmedel', en: 'Food' };

  it('gives the wanted language', () => {
    expect(pickLocale(text, 'sv')).toBe('Livsmedel');
    expect(pickLocale(text, 'en')).toBe('Food');
  });

  it('falls back to Swedish when English is empty or blank', () => {
    expect(pickLocale({ sv: 'Tech', en: '' }, 'en')).toBe('Tech');
    expect(pickLocale({ sv: 'Tech', en: '  ' }, 'en')).toBe('Tech');
  });
});

describe('locales', () => {
  it('are Swedish and English only', () => {
    expect(LOCALES).toEqual(['sv', 'en']);
    expect(localeSchema.safeParse('da').success).toBe(false);
  });
});
