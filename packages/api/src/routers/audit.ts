/** The audit trail: read it, preview a restore, and restore a member to a recorded state. */
import { auditListQuery } from '@cos/domain';
import { z } from 'zod';
import { auditEntryOut, memberRecordOut, restorePreviewOut } from '../outputs';
import { restoreFromAudit, restorePreview } from '../services/restore';
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
   * What restoring an entry (member, area, cluster or article) would change,
   * field by field — computed by the same code as the restore, so the
   * confirmation shows exactly what will be written. Writes nothing; the
   * caller's rights are checked as for the restore itself.
   */
  restorePreview: protectedProcedure
    .input(restoreInput)
    .output(restorePreviewOut)
    .query(({ ctx, input }) => restorePreview(ctx.services, ctx.user, input)),
  /**
   * Takes back a member's audit entry: 'undo' reverts only the fields it
   * changed; 'whole' restores the state after (or before) it. Status changes
   * only with includeStatus. A member that still exists is updated (its
   * current version is required, so nobody's newer edit is lost); a deleted
   * one is re-created with its old id and slug. Areas, clusters and articles
   * restore through their own admin.restore.
   */
  restoreMember: protectedProcedure
    .input(restoreInput)
    .output(memberRecordOut)
    .mutation(({ ctx, input }) => restoreFromAudit(ctx.services, ctx.user, 'member', input)),
});
