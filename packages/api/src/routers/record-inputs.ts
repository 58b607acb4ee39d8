/** Inputs shared by every versioned record's admin procedures. */
import { idSchema, versionSchema } from '@cos/domain';
import { z } from 'zod';

/** publish/unpublish/archive, naming the version the editor saw. */
export const statusChangeInput = z.strictObject({
  id: idSchema,
  version: versionSchema,
  action: z.enum(['publish', 'unpublish', 'archive']),
});

/** The same change for many records at once (the admin's bulk actions), each with its version. */
export const statusChangeManyInput = z.strictObject({
  items: z
    .array(z.strictObject({ id: idSchema, version: versionSchema }))
    .min(1)
    .max(500)
    .refine((items) => new Set(items.map((i) => i.id)).size === items.length, {
      message: 'names a record more than once',
    }),
  action: statusChangeInput.shape.action,
});

export const versionedDeleteInput = z.strictObject({ id: idSchema, version: versionSchema });

export const STATUS_ACTIONS = {
  publish: 'published',
  unpublish: 'draft',
  archive: 'archived',
} as const;

/**
 * Take back an audit entry: 'undo' reverts only the fields it changed (onto
 * the record as it is now); 'whole' restores the state recorded then ('after'
 * the entry by default, or 'before' it). Publication status changes only with
 * `includeStatus: true`.
 */
export const restoreInput = z.strictObject({
  entryId: idSchema,
  mode: z.enum(['undo', 'whole']).default('whole'),
  side: z.enum(['before', 'after']).default('after'),
  /** The record's current version; required when it still exists. */
  version: versionSchema.optional(),
  includeStatus: z.boolean().default(false),
});
