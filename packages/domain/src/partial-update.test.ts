import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { updateShape } from './partial-update';

describe('updateShape', () => {
  const create = z.strictObject({
    title: z.string().min(1),
    status: z.enum(['draft', 'published']).default('draft'),
    tags: z.array(z.string()).default([]),
    note: z.string().optional(),
  });
  const update = z.strictObject(updateShape(create.shape));

  it('makes every field optional and applies no defaults', () => {
    expect(update.parse({})).toEqual({});
    expect(update.parse({ tags: ['a'] })).toEqual({ tags: ['a'] });
  });

  it('shows why it exists: partial() alone fills in the defaults', () => {
    expect(create.partial().parse({})).toEqual({ status: 'draft', tags: [] });
  });

  it('keeps the rules of each field', () => {
    expect(update.safeParse({ title: '' }).success).toBe(false);
    expect(update.safeParse({ status: 'gone' }).success).toBe(false);
  });
});
