/** The input of member.admin.editMany: the chosen members with their versions, and one change. */
import { idSchema } from '@cos/domain';
import { z } from 'zod';
import { statusChangeManyInput } from './record-inputs';

/** Exactly one of the changes, naming the area or cluster by id. */
export const bulkChangeInput = z.union([
  z.strictObject({ addArea: idSchema }),
  z.strictObject({ removeArea: idSchema }),
  z.strictObject({ addCluster: idSchema }),
  z.strictObject({ removeCluster: idSchema }),
]);

export const memberEditManyInput = z.strictObject({
  // The same list as the bulk status change: 1–500 members, each once, each with its version.
  items: statusChangeManyInput.shape.items,
  change: bulkChangeInput,
});
