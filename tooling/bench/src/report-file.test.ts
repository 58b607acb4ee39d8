import { describe, expect, it } from 'vitest';
import { withBlock } from './report-file';

describe('rewriting a generated block of BENCHMARKS.md', () => {
  const doc = 'intro\n<!-- a -->\nold a\n<!-- /a -->\nkept\n<!-- b -->\nold b\n<!-- /b -->\nend';
  it('replaces only the named block and keeps the text around it', () => {
    expect(withBlock(doc, 'b', 'new b')).toBe(
      'intro\n<!-- a -->\nold a\n<!-- /a -->\nkept\n<!-- b -->\nnew b\n<!-- /b -->\nend',
    );
  });
  it('leaves a document without the block alone', () => {
    expect(withBlock(doc, 'c', 'x')).toBeNull();
  });
});
