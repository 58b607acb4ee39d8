import { describe, expect, it } from 'vitest';
import { formatNumber, initialLocale, translate } from './index';
import { localiseIssue } from './issues';
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
  it('rewrites the shared schemas’ messages in Swedish', () => {
    expect(localiseIssue('Name must be at least 2 characters', 'sv')).toBe(
      'Namn måste ha minst 2 tecken',
    );
    expect(localiseIssue('Title in Swedish is required', 'sv')).toBe(
      'Rubrik på svenska måste fyllas i',
    );
    expect(
      localiseIssue('Organisation number check digit is wrong (expected 3, got 4)', 'sv'),
    ).toBe('Organisationsnumrets kontrollsiffra är fel (ska vara 3, är 4)');
    expect(localiseIssue('Cover image alt text in Swedish is required', 'sv')).toBe(
      'Bildens alternativtext på svenska måste fyllas i',
    );
    expect(localiseIssue('Description in English must be at most 5000 characters', 'sv')).toBe(
      'Beskrivning på engelska får ha högst 5000 tecken',
    );
  });

  it('rewrites the import report’s reasons', () => {
    expect(localiseIssue('unknown area "månen"', 'sv')).toBe('okänt område ”månen”');
    expect(localiseIssue('"Oslo" is not one of Skåne\'s 33 municipalities', 'sv')).toBe(
      '”Oslo” är inte en av Skånes 33 kommuner',
    );
    expect(localiseIssue('is already registered for Acme AB', 'sv')).toBe(
      'finns redan hos Acme AB',
    );
  });

  it('leaves English alone and unknown messages as they came', () => {
    expect(localiseIssue('Name is required', 'en')).toBe('Name is required');
    expect(localiseIssue('A brand new rule', 'sv')).toBe('A brand new rule');
  });
});
