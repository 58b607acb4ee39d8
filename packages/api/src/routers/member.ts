/** Members: the public directory and profile, and the signed-in writes. */
import {
  adminMemberListQuery,
  byIdInput,
  memberCreateInput,
  memberImportInput,
  memberUpdateInput,
  organisationNumberSchema,
  idSchema,
  ADMIN_MEMBER_SORTS,
  SORT_ORDERS,
} from '@cos/domain';
import { z } from 'zod';
import {
  adminDirectoryItemOut,
  duplicateWarningOut,
  facetsOut,
  importReportOut,
  memberRecordOut,
} from '../outputs';
import { createTRPCRouter, protectedProcedure } from '../trpc';
import {
  STATUS_ACTIONS,
  statusChangeInput,
  statusChangeManyInput,
  versionedDeleteInput,
} from './record-inputs';
import { memberEditManyInput } from './member-bulk-inputs';
import { memberPublicRouter } from './member-public';

const adminRouter = createTRPCRouter({
  list: protectedProcedure
    .input(adminMemberListQuery)
    .output(
      z.object({
        items: z.array(adminDirectoryItemOut),
        total: z.number(),
        nextCursor: z.string().nullable(),
        sort: z.enum(ADMIN_MEMBER_SORTS),
        order: z.enum(SORT_ORDERS),
        /** The page shown (1-based) when asked by page number or column sort; null for a keyset page. */
        page: z.number().nullable(),
        pages: z.number(),
        facets: facetsOut,
      }),
    )
    .query(({ ctx, input }) => ctx.services.directory.adminList(ctx.user, input)),
  get: protectedProcedure
    .input(byIdInput)
    .output(memberRecordOut)
    .query(({ ctx, input }) => ctx.services.memberWrites.get(ctx.user, input.id)),
  duplicates: protectedProcedure
    .input(
      z.object({
        name: z.string().trim().min(1).max(200),
        organisationNumber: organisationNumberSchema.nullish(),
        exceptId: idSchema.optional(),
      }),
    )
    .output(z.array(duplicateWarningOut))
    .query(({ ctx, input }) =>
      ctx.services.memberWrites.duplicates(
        ctx.user,
        input.name,
        input.organisationNumber ?? null,
        input.exceptId,
      ),
    ),
  create: protectedProcedure
    .input(memberCreateInput)
    .output(z.object({ member: memberRecordOut, warnings: z.array(duplicateWarningOut) }))
    .mutation(({ ctx, input }) => ctx.services.memberWrites.create(ctx.user, input)),
  update: protectedProcedure
    .input(memberUpdateInput)
    .output(memberRecordOut)
    .mutation(({ ctx, input }) => ctx.services.memberWrites.update(ctx.user, input)),
  setStatus: protectedProcedure
    .input(statusChangeInput)
    .output(memberRecordOut)
    .mutation(({ ctx, input }) =>
      ctx.services.memberWrites.setStatus(
        ctx.user,
        input.id,
        input.version,
        STATUS_ACTIONS[input.action],
      ),
    ),
  /**
   * One action on many members (the list's bulk actions), all or nothing in
   * one transaction: a stale or out-of-scope member refuses the whole change.
   * Members already in the target status are left as they are.
   */
  setStatusMany: protectedProcedure
    .input(statusChangeManyInput)
    .output(z.object({ members: z.array(memberRecordOut) }))
    .mutation(({ ctx, input }) => ({
      members: ctx.services.memberWrites.setStatusMany(
        ctx.user,
        input.items,
        STATUS_ACTIONS[input.action],
      ),
    })),
  /**
   * One change to many members' areas or cluster memberships (the list's bulk
   * edit), all or nothing in one transaction: a stale member is a conflict
   * naming it, an out-of-scope one a refusal naming it, and nothing is written.
   * Each member that changes gets one audit entry; one already as asked, none.
   */
  editMany: protectedProcedure
    .input(memberEditManyInput)
    .output(z.object({ members: z.array(memberRecordOut), changed: z.array(z.number()) }))
    .mutation(({ ctx, input }) =>
      ctx.services.memberBulkEdit.editMany(ctx.user, input.items, input.change),
    ),
  /** Checks (dryRun) or applies a spreadsheet of members; applying is all-or-nothing. */
  import: protectedProcedure
    .input(memberImportInput)
    .output(importReportOut)
    .mutation(({ ctx, input }) => ctx.services.memberImport.run(ctx.user, input)),
  /**
   * "Remove from our cluster": an editor takes their cluster's membership off
   * a shared member (deleting, archiving or unpublishing it is for admins).
   */
  leaveCluster: protectedProcedure
    .input(versionedDeleteInput)
    .output(memberRecordOut)
    .mutation(({ ctx, input }) =>
      ctx.services.memberWrites.leaveCluster(ctx.user, input.id, input.version),
    ),
  delete: protectedProcedure
    .input(versionedDeleteInput)
    .output(z.object({ id: z.number() }))
    .mutation(({ ctx, input }) =>
      ctx.services.memberWrites.delete(ctx.user, input.id, input.version),
    ),
});

export const memberRouter = createTRPCRouter({ ...memberPublicRouter, admin: adminRouter });
