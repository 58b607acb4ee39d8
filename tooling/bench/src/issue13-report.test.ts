import { describe, expect, it } from 'vitest';
import { floodVerdict, freshnessVerdict, renderIssue13 } from './issue13-report';
import type { LoadResult } from './load';

const load = (requestsPerSecond: number, p99: number): LoadResult => ({
  requestsPerSecond,
  p50: 1,
  p99,
  non2xx: 0,
  errors: 0,
});
const saves = { summary: { count: 10, p50: 5, p99: 9, max: 9 }, statuses: { '200': 10 } };

describe('the issue-13 targets', () => {
  it('freshness: with writes at most twice without, and under 50 ms', () => {
    expect(freshnessVerdict(10, 20)).toBe('✅');
    expect(freshnessVerdict(10, 21)).toMatch(/^❌ 2\.1× without$/);
    expect(freshnessVerdict(30, 55)).toMatch(/^❌ 5 ms over 50 ms$/);
    expect(freshnessVerdict(5, 600)).toMatch(/120\.0× without; 550 ms over/);
  });
  it('floods: /healthz p99 under 200 ms and saves p99 under 500 ms, and some save answered', () => {
    expect(floodVerdict(199, 499, 3)).toBe('✅');
    expect(floodVerdict(1800, 14000, 3)).toBe('❌ /healthz 1,800 ms; saves 14,000 ms');
    expect(floodVerdict(10, 0, 0)).toBe('❌ no save answered');
  });
});

describe('the issue-13 report', () => {
  it('puts before next to after, stored first, with the ratio and the verdict', () => {
    const mode = (m: 'stored' | 'computed', w: number) => ({
      mode: m,
      without: load(1000, 10),
      with: load(900, w),
      saves,
    });
    const text = renderIssue13(
      [
        {
          label: 'before',
          freshness: { urls: 2000, modes: [mode('computed', 900), mode('stored', 500)] },
        },
        {
          label: 'after',
          freshness: { urls: 2000, modes: [mode('computed', 30), mode('stored', 15)] },
        },
      ],
      'heading',
    );
    const rows = text.split('\n').filter((l) => /^\| (stored|computed) \|/.test(l));
    expect(rows.map((r) => r.split(' | ').slice(0, 2).join(' '))).toEqual([
      '| stored before',
      '| stored after',
      '| computed before',
      '| computed after',
    ]);
    expect(rows[0]).toContain('50.0×');
    expect(rows[1]).toContain('| 1.5× |');
    expect(rows[1]).toMatch(/✅ \|$/);
    expect(rows[2]).toContain('❌');
  });
  it('shows compressed sizes with the encoding answered, and leaves out cases not run', () => {
    const variant = (asked: string, encoding: string, bytes: number) => ({
      asked,
      status: 200,
      encoding,
      bytes,
      ms: 3,
    });
    const text = renderIssue13(
      [
        {
          label: 'after',
          compression: [
            {
              name: 'Full download (members.csv)',
              path: '/api/v1/members.csv',
              variants: [
                variant('identity', 'identity', 31_000_000),
                variant('br', 'br', 4_200_000),
              ],
            },
          ],
        },
      ],
      'heading',
    );
    expect(text).toContain(
      '| Full download (members.csv) | after | 31.0 MB (identity) | – | 4.2 MB (br) |',
    );
    expect(text).not.toContain('Floods');
    expect(text).not.toContain('Visitors with');
  });
});
