import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { clusterCreateInput, clusterUpdateInput } from './cluster';
import { MAX_CLUSTER_SOURCES } from './cluster-sources';
import { formatMessage, issueMessage } from './messages';

const thisYear = new Date().getUTCFullYear();

/** Each refused path with its message in both languages. */
function refused(input: unknown, schema: z.ZodType = clusterCreateInput) {
  const result = schema.safeParse(input);
  if (result.success) throw new Error(`expected ${JSON.stringify(input)} to be refused`);
  return result.error.issues.map((issue) => {
    const message = issueMessage(issue);
    return {
      path: issue.path.join('.'),
      en: message && formatMessage('en', message.code, message.params),
      sv: message && formatMessage('sv', message.code, message.params),
    };
  });
}

const NAME = { name: 'OpenTech' };

describe('reported member count', () => {
  it('is empty by default and keeps count, qualifier and year as given', () => {
    expect(clusterCreateInput.parse(NAME).reportedMembers).toEqual({
      count: null,
      qualifier: null,
      year: null,
    });
    expect(
      clusterCreateInput.parse({
        ...NAME,
        reportedMembers: { count: 150, qualifier: 'about', year: 2016 },
      }).reportedMembers,
    ).toEqual({ count: 150, qualifier: 'about', year: 2016 });
  });

  it('takes a count without a qualifier as exact, and accepts 0 and 100000', () => {
    expect(
      clusterCreateInput.parse({ ...NAME, reportedMembers: { count: 0 } }).reportedMembers,
    ).toEqual({ count: 0, qualifier: 'exact', year: null });
    expect(
      clusterCreateInput.parse({ ...NAME, reportedMembers: { count: 100_000, year: thisYear } })
        .reportedMembers.count,
    ).toBe(100_000);
  });

  it.each([
    [{ count: -1 }, 'reportedMembers.count', 'Reported member count must be at least 0'],
    [{ count: 100_001 }, 'reportedMembers.count', 'Reported member count must be at most 100000'],
    [{ count: 12.5 }, 'reportedMembers.count', 'Reported member count must be a whole number'],
    [{ count: '150' }, 'reportedMembers.count', 'Reported member count must be a number'],
    [
      { count: 10, year: 1989 },
      'reportedMembers.year',
      'Year of the member count must be 1990 or later',
    ],
    [
      { count: 10, year: thisYear + 1 },
      'reportedMembers.year',
      `Year of the member count must not be after ${thisYear}`,
    ],
    [
      { count: 10, qualifier: 'roughly' },
      'reportedMembers.qualifier',
      'How the member count is given must be one of: about, at_least, exact',
    ],
  ])('refuses %j, naming the field', (reportedMembers, path, en) => {
    const issues = refused({ ...NAME, reportedMembers });
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({ path, en });
  });

  it('refuses a qualifier or a year without a count, on the count, in both languages', () => {
    for (const reportedMembers of [
      { qualifier: 'about' },
      { year: 2016 },
      { count: null, qualifier: 'exact', year: 2012 },
    ]) {
      expect(refused({ ...NAME, reportedMembers })).toEqual([
        {
          path: 'reportedMembers.count',
          en: 'Reported member count is needed when how it is given or its year is filled in',
          sv: 'Det rapporterade medlemsantalet måste fyllas i när hur det anges eller året är ifyllt',
        },
      ]);
    }
  });

  it('applies the same rules to an update, which may leave the count out', () => {
    expect(clusterUpdateInput.parse({ id: 1, version: 1 })).not.toHaveProperty('reportedMembers');
    expect(
      refused({ id: 1, version: 1, reportedMembers: { year: 2016 } }, clusterUpdateInput)[0]?.path,
    ).toBe('reportedMembers.count');
  });
});

describe('source notes and sources', () => {
  it('keeps the note in both languages and each source with title, year and link', () => {
    const parsed = clusterCreateInput.parse({
      ...NAME,
      sourceNoteText: { sv: ' Från offentliga källor. ', en: 'From public sources.' },
      sources: [
        { title: { sv: 'Offentliga källor', en: 'Public sources' }, year: 2023 },
        { title: { sv: 'Webbplats' }, url: 'OpenTech.se' },
      ],
    });
    expect(parsed.sourceNoteText).toEqual({
      sv: 'Från offentliga källor.',
      en: 'From public sources.',
    });
    expect(parsed.sources).toEqual([
      { title: { sv: 'Offentliga källor', en: 'Public sources' }, year: 2023, url: null },
      { title: { sv: 'Webbplats', en: '' }, year: null, url: 'https://opentech.se' },
    ]);
    expect(clusterCreateInput.parse(NAME)).toMatchObject({
      sourceNoteText: { sv: '', en: '' },
      sources: [],
    });
  });

  it.each([
    [
      { title: { sv: '  ' } },
      'sources.0.title.sv',
      'Source title in Swedish is required',
      'Källans titel på svenska måste fyllas i',
    ],
    [
      { title: { sv: 'Rapport' }, url: 'javascript:alert(1)' },
      'sources.0.url',
      undefined,
      undefined,
    ],
    [
      { title: { sv: 'Rapport' }, url: 'ftp://example.se/a' },
      'sources.0.url',
      undefined,
      undefined,
    ],
    [
      { title: { sv: 'Rapport' }, year: 1899 },
      'sources.0.year',
      'Year of the source must be 1900 or later',
      'Källans år måste vara 1900 eller senare',
    ],
    [
      { title: { sv: 'Rapport' }, year: thisYear + 1 },
      'sources.0.year',
      `Year of the source must not be after ${thisYear}`,
      undefined,
    ],
  ])('refuses the source %j, naming the field', (source, path, en, sv) => {
    const issues = refused({ ...NAME, sources: [source] });
    expect(issues).toHaveLength(1);
    expect(issues[0]?.path).toBe(path);
    if (en) expect(issues[0]?.en).toBe(en);
    if (sv) expect(issues[0]?.sv).toBe(sv);
    if (path.endsWith('url'))
      expect(issues[0]?.en).toBe(formatMessage('en', 'webAddress.scheme', {}));
  });

  it('refuses more than the allowed number of sources, and an overlong note', () => {
    const many = Array.from({ length: MAX_CLUSTER_SOURCES + 1 }, (_, i) => ({
      title: { sv: `Källa ${i}` },
    }));
    expect(refused({ ...NAME, sources: many })[0]).toMatchObject({
      path: 'sources',
      en: `At most ${MAX_CLUSTER_SOURCES} sources`,
      sv: `Högst ${MAX_CLUSTER_SOURCES} källor`,
    });
    expect(refused({ ...NAME, sourceNoteText: { sv: 'x'.repeat(2001) } })[0]).toMatchObject({
      path: 'sourceNoteText.sv',
      en: 'Source note in Swedish must be at most 2000 characters',
    });
  });

  it('has no plain sourceNote any more: the old field is refused by name', () => {
    expect(refused({ ...NAME, sourceNote: 'Public sources 2012 (H)' })[0]?.path).toBe('');
  });
});
