import { describe, expect, it } from 'vitest';
import { matchesEtag, weakEtag } from './etag';

describe('ETags', () => {
  it('are weak, stable for the same body and differ for another', () => {
    const a = weakEtag('<p>hej</p>');
    expect(a).toMatch(/^W\/"[\w-]+"$/);
    expect(weakEtag(new TextEncoder().encode('<p>hej</p>'))).toBe(a);
    expect(weakEtag('<p>hej!</p>')).not.toBe(a);
  });

  it('match If-None-Match with weak comparison, lists and *', () => {
    const tag = weakEtag('x');
    expect(matchesEtag(tag, tag)).toBe(true);
    expect(matchesEtag(tag.slice(2), tag)).toBe(true);
    expect(matchesEtag(`W/"other", ${tag}`, tag)).toBe(true);
    expect(matchesEtag('*', tag)).toBe(true);
    expect(matchesEtag('W/"other"', tag)).toBe(false);
    expect(matchesEtag(null, tag)).toBe(false);
  });
});
