import { describe, expect, it } from 'vitest';
import { MESSAGE_PARTS, MESSAGES } from './messages';

describe('the interface strings', () => {
  it('give each key once across the parts (a spread would let a later part override silently)', () => {
    const seen = new Map<string, number>();
    MESSAGE_PARTS.forEach((part, index) => {
      for (const key of Object.keys(part)) {
        expect(
          seen.get(key),
          `${key} is in part ${seen.get(key)} and part ${index}`,
        ).toBeUndefined();
        seen.set(key, index);
      }
    });
    expect(Object.keys(MESSAGES)).toHaveLength(seen.size);
  });

  it('have a Swedish and an English text for every key', () => {
    for (const [key, [sv, en]] of Object.entries(MESSAGES)) {
      expect(sv.trim(), `${key} in Swedish`).not.toBe('');
      expect(en.trim(), `${key} in English`).not.toBe('');
    }
  });
});
