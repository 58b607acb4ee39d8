import { describe, expect, it } from 'vitest';
import { joinRequestFormSchema, JOIN_MESSAGE_MAX, type JoinRequestForm } from './join-request';
import { formatMessage, issueMessage } from './messages';

const good: JoinRequestForm = {
  clusterId: 1,
  organisationName: 'Exempel AB',
  organisationNumber: '556012-5790',
  municipalityCode: '1280',
  website: 'https://exempel.se',
  areaIds: [1, 2],
  contactName: 'Eva Exempel',
  email: ' Eva@Exempel.se ',
  message: 'Vi vill vara med.',
  language: 'sv',
  consent: true,
  formToken: 'x.y.z',
  homepage: '',
};

/** The refusals as field → code, as the page shows them. */
function refusals(input: Record<string, unknown>): Record<string, string> {
  const result = joinRequestFormSchema.safeParse(input);
  if (result.success) return {};
  return Object.fromEntries(
    result.error.issues.map((i) => [i.path.join('.'), issueMessage(i)?.code ?? '?']),
  );
}

describe('joinRequestFormSchema', () => {
  it('accepts a good request and normalises it', () => {
    const parsed = joinRequestFormSchema.parse({ ...good, organisationNumber: '5560125790' });
    expect(parsed.organisationNumber).toBe('556012-5790');
    expect(parsed.email).toBe('eva@exempel.se');
    expect(parsed.website).toBe('https://exempel.se');
  });

  it('accepts the optional fields empty', () => {
    const parsed = joinRequestFormSchema.parse({
      ...good,
      organisationNumber: null,
      municipalityCode: null,
      website: null,
      areaIds: [],
      message: '',
    });
    expect(parsed.organisationNumber).toBeNull();
  });

  it.each([
    [
      'an invalid organisation number',
      { organisationNumber: '556012-5791' },
      'organisationNumber',
      'orgNumber.checkDigit',
    ],
    [
      'a personal identity number',
      { organisationNumber: '19850101-1234' },
      'organisationNumber',
      'orgNumber.twelveDigits',
    ],
    [
      'letters in the organisation number',
      { organisationNumber: 'abc' },
      'organisationNumber',
      'orgNumber.format',
    ],
    ['an invalid e-mail', { email: 'eva@' }, 'email', 'email.invalid'],
    ['an empty e-mail', { email: '  ' }, 'email', 'required'],
    ['an invalid URL', { website: 'exempel se' }, 'website', 'webAddress.spaces'],
    ['a URL of another scheme', { website: 'ftp://exempel.se' }, 'website', 'webAddress.scheme'],
    ['an empty organisation name', { organisationName: '   ' }, 'organisationName', 'required'],
    [
      'a missing organisation name',
      { organisationName: undefined },
      'organisationName',
      'required',
    ],
    ['an empty contact name', { contactName: '' }, 'contactName', 'required'],
    ['a 100 kB message', { message: 'x'.repeat(100_000) }, 'message', 'tooLong'],
    ['a missing consent', { consent: undefined }, 'consent', 'consent.required'],
    ['a consent that is not true', { consent: false }, 'consent', 'consent.required'],
    ['a filled honeypot', { homepage: 'http://spam.example' }, 'homepage', 'publicForm.honeypot'],
    [
      'a municipality outside the list',
      { municipalityCode: '9999' },
      'municipalityCode',
      'municipality.code',
    ],
    ['seven areas', { areaIds: [1, 2, 3, 4, 5, 6, 7] }, 'areaIds', 'areas.tooMany'],
  ])('refuses %s, naming the field', (_what, change, field, code) => {
    expect(refusals({ ...good, ...change })).toEqual({ [field]: code });
  });

  it('reports every bad field at once', () => {
    expect(
      Object.keys(refusals({ ...good, email: 'no', website: 'ftp://x', consent: false })).sort(),
    ).toEqual(['consent', 'email', 'website']);
  });

  it('says why in Swedish and English', () => {
    const result = joinRequestFormSchema.safeParse({
      ...good,
      message: 'x'.repeat(JOIN_MESSAGE_MAX + 1),
    });
    const issue = result.success ? undefined : issueMessage(result.error.issues[0] ?? {});
    expect(issue).toBeDefined();
    if (!issue) return;
    expect(formatMessage('sv', issue.code, issue.params)).toBe(
      'Meddelandet får ha högst 5000 tecken',
    );
    expect(formatMessage('en', issue.code, issue.params)).toBe(
      'Message must be at most 5000 characters',
    );
    expect(formatMessage('sv', 'consent.required', {})).toMatch(/samtycka/);
    expect(formatMessage('en', 'publicForm.tooFast', { seconds: 3 })).toMatch(/too quickly/);
  });
});
