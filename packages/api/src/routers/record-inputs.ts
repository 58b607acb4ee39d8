/** Inputs shared by every versioned record's admin procedures. */
import { idSchema, versionSchema } from '@cos/domain';
import { z } from 'zod';

/** publish/unpublish/archive, naming the version the editor saw. */
export const statusChangeInput = z.strictObject({
  id: idSchema,
  version: versionSchema,
  action: z.enum(['publish', 'unpublish', 'archive']),
});

export const versionedDeleteInput = z.strictObject({ id: idSchema, version: versionSchema });

export const STATUS_ACTIONS = {
  publish: 'published',
  unpublish: 'draft',
  archive: 'archived',
} as const;

/** Restore a record to the state in an audit entry ('after' it by default). */
export const restoreInput = z.strictObject({
  entryId: idSchema,
  side: z.enum(['before', 'after']).default('after'),
  /** The record's current version; required when it still exists. */
  version: versionSchema.optional(),
});
