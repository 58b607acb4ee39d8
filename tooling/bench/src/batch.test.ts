import { describe, expect, it } from 'vitest';
import { batchPath } from './batch';

describe('the flood batch', () => {
  it('names member.directory once per query, as large as fits the URL budget', () => {
    const { path, items } = batchPath(400, 15_000);
    expect(path.length).toBeLessThanOrEqual(15_000);
    expect(items).toBeGreaterThan(100);
    const [procedures, query] = path.replace('/trpc/', '').split('?') as [string, string];
    expect(procedures.split(',')).toHaveLength(items);
    const input = JSON.parse(new URLSearchParams(query).get('input') ?? '{}') as Record<
      string,
      { limit: number }
    >;
    expect(Object.keys(input)).toHaveLength(items);
    expect(input['0']?.limit).toBe(100);
    // One more query would not have fitted.
    expect(batchPath(items + 1, path.length).items).toBe(items);
  });
  it('stops at the number asked for', () => {
    expect(batchPath(5).items).toBe(5);
  });
});
