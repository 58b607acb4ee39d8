import { describe, expect, it } from 'vitest';
import { pagedFilters, visitorRequests, type MixData } from './visitor-mix';

const data: MixData = {
  slugs: Array.from({ length: 300 }, (_, i) => `member-${i}`),
  areas: ['tech', 'food', 'health'],
  clusters: ['opentech', 'foodhub'],
  words: ['lund', 'energi'],
  municipalities: ['1280', '1281'],
  kinds: ['company', 'startup'],
  cursors: [{ filters: 'area=tech', cursor: 'abc' }],
  pages: true,
};

describe("the visitors' request list", () => {
  it('is the same list for the same seed and a different one for another', () => {
    expect(visitorRequests(data, 500)).toEqual(visitorRequests(data, 500));
    expect(visitorRequests(data, 500, 1)).not.toEqual(visitorRequests(data, 500, 2));
  });

  it('spreads over many different URLs of every kind', () => {
    const urls = visitorRequests(data, 3000);
    expect(new Set(urls).size).toBe(urls.length);
    expect(urls.length).toBeGreaterThan(1000);
    const share = (test: (u: string) => boolean) => urls.filter(test).length / urls.length;
    expect(share((u) => /^\/(medlemmar|en\/members)(\?|$)/.test(u))).toBeGreaterThan(0.05);
    expect(share((u) => /^\/(medlemmar|en\/members)\/member-/.test(u))).toBeGreaterThan(0.05);
    expect(share((u) => u.startsWith('/api/v1/members?'))).toBeGreaterThan(0.05);
    expect(share((u) => u.startsWith('/api/v1/members/'))).toBeGreaterThan(0.05);
    expect(share((u) => u.startsWith('/trpc/member.directory?'))).toBeGreaterThan(0.05);
    expect(share((u) => u.startsWith('/trpc/member.bySlug?'))).toBeGreaterThan(0.05);
    expect(share((u) => /[?&]q=/.test(u) || u.includes('%22q%22'))).toBeGreaterThan(0.05);
    expect(urls.some((u) => u.includes('cursor=abc&p=2'))).toBe(true);
  });

  it('asks for page URLs in the canonical parameter order, and valid tRPC inputs', () => {
    const order = ['q', 'area', 'cluster', 'municipality', 'kind', 'size', 'sort', 'cursor', 'p'];
    for (const url of visitorRequests(data, 2000)) {
      const [pathname, search = ''] = url.split('?') as [string, string?];
      const params = new URLSearchParams(search);
      if (pathname === '/medlemmar' || pathname === '/en/members') {
        const keys = [...params.keys()].map((k) => order.indexOf(k));
        expect(keys.every((k) => k >= 0)).toBe(true);
        expect(keys).toEqual([...keys].sort((a, b) => a - b));
      }
      if (pathname.startsWith('/trpc/')) {
        const input = JSON.parse(params.get('input') ?? 'null') as Record<string, unknown>;
        for (const key of ['area', 'cluster', 'municipality', 'kind'])
          if (key in input) expect(Array.isArray(input[key])).toBe(true);
      }
    }
  });

  it('leaves out page URLs when the site is not built', () => {
    const urls = visitorRequests({ ...data, pages: false }, 1000);
    expect(urls.every((u) => u.startsWith('/api/') || u.startsWith('/trpc/'))).toBe(true);
  });

  it('gives distinct filter queries for the later pages, the unfiltered list first', () => {
    const filters = pagedFilters(data, 20);
    expect(filters[0]).toBe('');
    expect(new Set(filters).size).toBe(filters.length);
    expect(filters.length).toBeGreaterThan(10);
  });
});
