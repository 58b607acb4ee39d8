import { describe, expect, it } from 'vitest';
import { formatNumber, initialLocale, translate } from './index';
import { clusterCreateInput } from '@cos/domain';
import { localiseIssue, rememberIssue } from './issues';
import { MESSAGES, type MessageKey } from './messages';

describe('messages', () => {
  it('every message has Swedish and English text with the same placeholders', () => {
    for (const [key, [sv, en]] of Object.entries(MESSAGES)) {
      expect(sv.trim(), key).not.toBe('');
      expect(en.trim(), key).not.toBe('');
      const names = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
      expect(names(sv), key).toEqual(names(en));
    }
  });
});

describe('translate', () => {
  it('is Swedish by default and English on request, filling placeholders', () => {
    const key: MessageKey = 'session.signedInAs';
    expect(translate('sv', key, { name: 'Ada' })).toBe('Inloggad som Ada');
    expect(translate('en', key, { name: 'Ada' })).toBe('Signed in as Ada');
  });

  it('formats numbers for the language and leaves unknown placeholders', () => {
    expect(translate('sv', 'common.results', { count: 12345 })).toBe('12\u00a0345 träffar');
    expect(translate('en', 'common.results', { count: 12345 })).toBe('12,345 results');
    expect(translate('en', 'common.results')).toBe('{count} results');
    expect(formatNumber('sv', 3)).toBe('3');
  });

  it('starts in Swedish unless English was chosen', () => {
    expect(initialLocale(null)).toBe('sv');
    expect(initialLocale('en')).toBe('en');
    expect(initialLocale('de')).toBe('sv');
  });
});

describe('localiseIssue', () => {
  const sv = (message: string, code: string, params: Record<string, string | number> = {}) =>
    localiseIssue({ message, code, params }, 'sv');

  it('words the shared schemas’ messages in Swedish by their code', () => {
    expect(sv('Name must be at least 2 characters', 'tooShort', { label: 'name', min: 2 })).toBe(
      'Namn måste ha minst 2 tecken',
    );
    expect(sv('Title in Swedish is required', 'requiredIn', { label: 'title', lang: 'sv' })).toBe(
      'Rubrik på svenska måste fyllas i',
    );
    expect(
      sv('Organisation number check digit is wrong (expected 3, got 4)', 'orgNumber.checkDigit', {
        expected: 3,
        got: '4',
      }),
    ).toBe('Organisationsnumrets kontrollsiffra är fel (ska vara 3, är 4)');
    expect(
      sv('Cover image alt text in Swedish is required', 'requiredIn', {
        label: 'coverImageAlt',
        lang: 'sv',
      }),
    ).toBe('Bildens alternativtext på svenska måste fyllas i');
    expect(
      sv('Description in English must be at most 5000 characters', 'tooLongIn', {
        label: 'description',
        lang: 'en',
        max: 5000,
      }),
    ).toBe('Beskrivning på engelska får ha högst 5000 tecken');
  });

  it('words a schema run in the browser, also after its issue became a plain field message', () => {
    const parsed = clusterCreateInput.safeParse({ name: 'A' });
    const issue = parsed.error?.issues.find((i) => i.path.join('.') === 'name');
    if (!issue) throw new Error('expected a name issue');
    expect(localiseIssue(issue, 'sv')).toBe('Namn måste ha minst 2 tecken');
    rememberIssue(issue);
    expect(localiseIssue(issue.message, 'sv')).toBe('Namn måste ha minst 2 tecken');
    expect(localiseIssue(issue.message, 'en')).toBe('Name must be at least 2 characters');
  });

  it('words the import report’s reasons', () => {
    expect(sv('unknown area "månen"', 'import.unknownArea', { value: 'månen' })).toBe(
      'okänt område ”månen”',
    );
    expect(
      sv('"Oslo" is not one of Skåne\'s 33 municipalities', 'import.unknownMunicipality', {
        value: 'Oslo',
      }),
    ).toBe('”Oslo” är inte en av Skånes 33 kommuner');
    expect(
      sv('is already registered for Acme AB', 'taken.organisationNumber', { name: 'Acme AB' }),
    ).toBe('finns redan hos Acme AB');
  });

  it('leaves English alone and unknown messages as they came', () => {
    expect(localiseIssue('Name is required', 'en')).toBe('Name is required');
    expect(localiseIssue('A brand new rule', 'sv')).toBe('A brand new rule');
    expect(sv('A brand new rule', 'no.such.code')).toBe('A brand new rule');
  });
});
