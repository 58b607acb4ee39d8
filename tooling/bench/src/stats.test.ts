import { describe, expect, it } from 'vitest';
import { percentile, ratio, summarize, tally } from './stats';

describe('percentile (nearest rank)', () => {
  it('takes the value at or above the share of samples, in any input order', () => {
    const values = Array.from({ length: 100 }, (_, i) => 100 - i); // 100..1
    expect(percentile(values, 0.5)).toBe(50);
    expect(percentile(values, 0.99)).toBe(99);
    expect(percentile(values, 1)).toBe(100);
    expect(percentile(values, 0)).toBe(1);
  });
  it('is the maximum for few samples and 0 for none', () => {
    expect(percentile([3, 9, 1], 0.99)).toBe(9);
    expect(percentile([], 0.99)).toBe(0);
  });
});

describe('summarize, ratio and tally', () => {
  it('summarizes samples', () => {
    expect(summarize([5, 1, 3])).toEqual({ count: 3, p50: 3, p99: 5, max: 5 });
    expect(summarize([])).toEqual({ count: 0, p50: 0, p99: 0, max: 0 });
  });
  it('gives no number for a ratio to nothing', () => {
    expect(ratio(6, 3)).toBe(2);
    expect(ratio(1, 0)).toBeNaN();
  });
  it('counts statuses', () => {
    expect(tally([200, 429, 200, 0])).toEqual({ '200': 2, '429': 1, '0': 1 });
  });
});
