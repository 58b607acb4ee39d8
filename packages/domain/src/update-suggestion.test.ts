import { describe, expect, it } from 'vitest';
import { issueMessage } from './messages';
import {
  suggestionApplyInput,
  suggestionRejectInput,
  suggestionSubmitInput,
} from './update-suggestion';

const sender = {
  senderName: 'Eva Ek',
  senderEmail: ' Eva.Ek@Example.se ',
  language: 'sv',
  comment: '',
  consent: true,
};

const codesOf = (result: { success: boolean; error?: { issues: object[] } }) =>
  (result.error?.issues ?? []).map((i) => {
    const issue = i as { path: PropertyKey[] };
    return `${issue.path.join('.')}:${issueMessage(i)?.code}`;
  });

describe('suggestionSubmitInput', () => {
  it('accepts a member proposal and normalises like a member write', () => {
    const parsed = suggestionSubmitInput.parse({
      targetType: 'member',
      slug: 'acme-ab',
      values: { name: '  Acme AB ', website: 'acme.se' },
      ...sender,
    });
    expect(parsed.values).toEqual({ name: 'Acme AB', website: 'https://acme.se' });
    expect(parsed.senderEmail).toBe('eva.ek@example.se');
  });

  it('refuses with the member rules, each naming its field', () => {
    const result = suggestionSubmitInput.safeParse({
      targetType: 'member',
      slug: 'acme-ab',
      values: { name: 'A', website: 'not a web address', municipalityCode: '9999' },
      ...sender,
      senderEmail: 'nope',
      consent: false,
    });
    expect(codesOf(result)).toEqual(
      expect.arrayContaining([
        'values.name:tooShort',
        'values.website:webAddress.spaces',
        'values.municipalityCode:municipality.code',
        'senderEmail:email.invalid',
        'consent:suggestion.consent',
      ]),
    );
  });

  it('refuses a field that is not public (the register decides status and slug)', () => {
    const result = suggestionSubmitInput.safeParse({
      targetType: 'member',
      slug: 'acme-ab',
      values: { status: 'published' },
      ...sender,
    });
    expect(codesOf(result)).toEqual(['values:input.unknownKeys']);
  });

  it('uses the cluster rules for a cluster (e-mail checked, areas not proposable)', () => {
    const result = suggestionSubmitInput.safeParse({
      targetType: 'cluster',
      slug: 'mobile-heights',
      values: { email: 'x@', areaIds: [1] },
      ...sender,
    });
    expect(codesOf(result)).toEqual(
      expect.arrayContaining(['values:input.unknownKeys', 'values.email:email.invalid']),
    );
  });

  it('refuses a 100 kB comment', () => {
    const result = suggestionSubmitInput.safeParse({
      targetType: 'member',
      slug: 'acme-ab',
      values: { name: 'Acme AB' },
      ...sender,
      comment: 'x'.repeat(100_000),
    });
    expect(codesOf(result)).toEqual(['comment:tooLong']);
  });
});

describe('apply and reject inputs', () => {
  it('an empty field choice and an empty reason are refused', () => {
    expect(codesOf(suggestionApplyInput.safeParse({ id: 1, version: 1, fields: [] }))).toEqual([
      'fields:suggestion.noFields',
    ]);
    expect(codesOf(suggestionRejectInput.safeParse({ id: 1, version: 1, reason: '  ' }))).toEqual([
      'reason:required',
    ]);
  });
});
