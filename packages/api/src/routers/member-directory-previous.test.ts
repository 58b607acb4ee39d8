/**
 * The directory's way back: walking forward page by page and then back with
 * `previous` gives the same pages in reverse, for every keyset sort, with
 * filters and with search text; the first page has no previous page.
 */
import type { MemberDirectoryQueryInput } from '@cos/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApi, type TestApi } from '../test-support';

describe('the directory’s previous page', () => {
  let api: TestApi;

  beforeAll(() => {
    api = createTestApi({ demo: 300, demoSeed: 7 });
  });
  afterAll(() => api.cleanup());

  const cases: [string, MemberDirectoryQueryInput][] = [
    ['name order', {}],
    ['newest first', { sort: 'newest' }],
    ['a filter', { kind: ['company'] }],
    ['search text (relevance)', { q: 'ab' }],
    ['search text and a filter', { q: 'ab', size: ['1-9', '10-49'] }],
  ];

  it.each(cases)('walks back exactly the pages it walked forward: %s', async (_name, input) => {
    const limit = 7;
    const forward: { cursor?: string; slugs: string[] }[] = [];
    let cursor: string | undefined;
    for (;;) {
      const page = await api.anonymous.member.directory({ ...input, limit, cursor });
      forward.push({ cursor, slugs: page.items.map((i) => i.slug) });
      if (cursor === undefined) expect(page.previous).toBeNull();
      if (!page.nextCursor) break;
      cursor = page.nextCursor;
    }
    // Enough pages to walk back over more than one step.
    expect(forward.length).toBeGreaterThan(3);

    // From the last page back to the first, following `previous` only.
    let at = forward.length - 1;
    let page = await api.anonymous.member.directory({
      ...input,
      limit,
      cursor: forward[at]?.cursor,
    });
    while (page.previous) {
      at -= 1;
      expect(page.previous.cursor ?? undefined).toBe(forward[at]?.cursor);
      page = await api.anonymous.member.directory({
        ...input,
        limit,
        ...(page.previous.cursor ? { cursor: page.previous.cursor } : {}),
      });
      expect(page.items.map((i) => i.slug)).toEqual(forward[at]?.slugs);
    }
    expect(at).toBe(0);
  });
});
