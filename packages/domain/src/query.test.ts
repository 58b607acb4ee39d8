import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import {
  adminMemberListQuery,
  articleListQuery,
  auditListQuery,
  byIdInput,
  bySlugInput,
  LIST_LIMIT_DEFAULT,
  LIST_LIMIT_MAX,
  MEMBER_FILTER_KEYS,
  memberDirectoryQuery,
  SEARCH_QUERY_MAX,
} from './query';

function issues<T extends z.ZodType>(schema: T, input: unknown) {
  const result = schema.safeParse(input);
  if (result.success) throw new Error(`expected ${JSON.stringify(input)} to be rejected`);
  return result.error.issues.map((i) => ({
    path: i.path.map(String).join('.'),
    message: i.message,
  }));
}

const empty = { area: [], cluster: [], municipality: [], kind: [], size: [], limit: 20 };

describe('memberDirectoryQuery', () => {
  it('turns an empty query into empty filters and the default limit', () => {
    expect(memberDirectoryQuery.parse({})).toEqual(empty);
    expect(LIST_LIMIT_DEFAULT).toBe(20);
  });

  it('turns a single value into a list', () => {
    expect(
      memberDirectoryQuery.parse({ area: 'tech', kind: 'startup', municipality: '1281' }),
    ).toEqual({
      ...empty,
      area: ['tech'],
      kind: ['startup'],
      municipality: ['1281'],
    });
  });

  it('de-duplicates lists, keeping the first order', () => {
    const query = memberDirectoryQuery.parse({
      area: ['tech', 'livsmedel', 'tech'],
      municipality: ['1280', 'outside', '1280', 'unknown'],
      size: ['1-9', '1-9'],
    });
    expect(query.area).toEqual(['tech', 'livsmedel']);
    expect(query.municipality).toEqual(['1280', 'outside', 'unknown']);
    expect(query.size).toEqual(['1-9']);
  });

  it('treats null and an empty string as no filter', () => {
    expect(memberDirectoryQuery.parse({ area: '', cluster: null })).toEqual(empty);
  });

  it('coerces the limit from a query string and caps it', () => {
    expect(memberDirectoryQuery.parse({ limit: '50' }).limit).toBe(50);
    expect(memberDirectoryQuery.parse({ limit: String(LIST_LIMIT_MAX) }).limit).toBe(100);
    expect(issues(memberDirectoryQuery, { limit: '101' })).toEqual([
      { path: 'limit', message: 'Limit must be at most 100' },
    ]);
    expect(issues(memberDirectoryQuery, { limit: 0 })).toEqual([
      { path: 'limit', message: 'Limit must be at least 1' },
    ]);
    expect(issues(memberDirectoryQuery, { limit: '2.5' })).toEqual([
      { path: 'limit', message: 'Limit must be a whole number' },
    ]);
    expect(issues(memberDirectoryQuery, { limit: 'many' })).toEqual([
      { path: 'limit', message: 'Limit must be a number' },
    ]);
  });

  it('trims the search text and drops it when empty', () => {
    expect(memberDirectoryQuery.parse({ q: '  förpackning ' }).q).toBe('förpackning');
    expect(memberDirectoryQuery.parse({ q: '' }).q).toBeUndefined();
    expect(memberDirectoryQuery.parse({ q: '   ' }).q).toBeUndefined();
    expect(memberDirectoryQuery.parse({}).q).toBeUndefined();
  });

  it('limits the search text', () => {
    expect(issues(memberDirectoryQuery, { q: 'x'.repeat(SEARCH_QUERY_MAX + 1) })).toEqual([
      { path: 'q', message: `Search text must be at most ${SEARCH_QUERY_MAX} characters` },
    ]);
  });

  it('rejects a bad municipality with a clear message pointing at the value', () => {
    expect(issues(memberDirectoryQuery, { municipality: ['1280', '9999'] })).toEqual([
      {
        path: 'municipality.1',
        message: 'Municipality must be a Skåne municipality code, "outside" or "unknown"',
      },
    ]);
    expect(issues(memberDirectoryQuery, { municipality: 'Malmö' })).toEqual([
      {
        path: 'municipality.0',
        message: 'Municipality must be a Skåne municipality code, "outside" or "unknown"',
      },
    ]);
  });

  it('rejects bad filter values and sorts, naming them', () => {
    expect(issues(memberDirectoryQuery, { kind: 'bank', sort: 'random', area: 'Tech!' })).toEqual([
      { path: 'area.0', message: 'Slug may hold only a–z, 0–9 and single dashes between them' },
      {
        path: 'kind.0',
        message:
          'Kind must be one of: company, startup, academia, public-sector, non-profit, investor, other',
      },
      { path: 'sort', message: 'Sort must be one of: relevance, name, newest' },
    ]);
  });

  it('caps the number of values in one filter', () => {
    const area = Array.from({ length: 41 }, (_, i) => `area-${i}`);
    expect(issues(memberDirectoryQuery, { area })).toEqual([
      { path: 'area', message: 'Area: at most 40 values' },
    ]);
  });

  it('lists the filter keys that are arrays in the output', () => {
    const parsed = memberDirectoryQuery.parse({});
    for (const key of MEMBER_FILTER_KEYS) expect(parsed[key]).toEqual([]);
  });
});

describe('adminMemberListQuery', () => {
  it('adds status filters', () => {
    expect(adminMemberListQuery.parse({ status: 'draft' }).status).toEqual(['draft']);
    expect(issues(adminMemberListQuery, { status: 'gone' })).toEqual([
      { path: 'status.0', message: 'Status must be one of: draft, published, archived' },
    ]);
  });
});

describe('articleListQuery', () => {
  it('normalises the tag and checks the cluster slug', () => {
    expect(articleListQuery.parse({ tag: ' AI ' })).toEqual({ tag: 'ai', limit: 20 });
    expect(articleListQuery.safeParse({ cluster: 'Open Tech' }).success).toBe(false);
  });
});

describe('auditListQuery', () => {
  it('accepts known entities and ISO date-times only', () => {
    expect(auditListQuery.parse({ entity: 'member', from: '2024-01-01T00:00:00Z' }).entity).toBe(
      'member',
    );
    expect(auditListQuery.safeParse({ entity: 'session' }).success).toBe(false);
    expect(auditListQuery.safeParse({ from: '2024-01-01' }).success).toBe(false);
  });
});

describe('bySlugInput and byIdInput', () => {
  it('check the slug and the id', () => {
    expect(bySlugInput.parse({ slug: 'opentech' })).toEqual({ slug: 'opentech' });
    expect(bySlugInput.safeParse({ slug: '../etc' }).success).toBe(false);
    expect(byIdInput.safeParse({ id: -1 }).success).toBe(false);
  });
});
