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
