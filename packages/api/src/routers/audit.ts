/** The audit trail: read it, and restore a member to a recorded state. */
import { auditListQuery } from '@cos/domain';
import { z } from 'zod';
import { auditEntryOut, memberRecordOut } from '../outputs';
import { restoreFromAudit } from '../services/restore';
import { readHistory } from '../services/audit-history';
import { createTRPCRouter, protectedProcedure } from '../trpc';
import { restoreInput } from './record-inputs';

export const auditRouter = createTRPCRouter({
  /** Admins see everything; an editor sees the history of one member they may edit. */
  list: protectedProcedure
    .input(auditListQuery)
    .output(z.object({ items: z.array(auditEntryOut), nextCursor: z.string().nullable() }))
    .query(({ ctx, input }) => readHistory(ctx.services, ctx.user, input)),
  /**
   * Puts a member back to the state recorded in an audit entry: by default the
   * state right after that change ('after'), or the one before it. A member
   * that still exists is updated (its current version is required, so nobody's
   * newer edit is lost); a deleted one is re-created with its old id and slug.
   * Areas, clusters and articles restore through their own admin.restore.
   */
  restoreMember: protectedProcedure
    .input(restoreInput)
    .output(memberRecordOut)
    .mutation(({ ctx, input }) => restoreFromAudit(ctx.services, ctx.user, 'member', input)),
});
