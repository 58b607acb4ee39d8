/** Members: the public directory and profile, and the signed-in writes. */
import {
  adminMemberListQuery,
  byIdInput,
  memberCreateInput,
  memberImportInput,
  memberUpdateInput,
  organisationNumberSchema,
  idSchema,
} from '@cos/domain';
import { z } from 'zod';
import {
  adminDirectoryItemOut,
  duplicateWarningOut,
  facetsOut,
  importReportOut,
  memberRecordOut,
} from '../outputs';
import type { DirectoryResult, DirectoryRow } from '../services/directory';
import { createTRPCRouter, protectedProcedure } from '../trpc';
import { STATUS_ACTIONS, statusChangeInput, versionedDeleteInput } from './record-inputs';
import { memberPublicRouter } from './public';

const adminRouter = createTRPCRouter({
  list: protectedProcedure
    .input(adminMemberListQuery)
    .output(
      z.object({
        items: z.array(adminDirectoryItemOut),
        total: z.number(),
        nextCursor: z.string().nullable(),
        sort: z.enum(['relevance', 'name', 'newest']),
        facets: facetsOut,
      }),
    )
    .query(
      ({ ctx, input }) =>
        // Admin scope fills the admin columns of every row.
        ctx.services.directory.query(input, {
          statuses: input.status.length > 0 ? input.status : ['draft', 'published', 'archived'],
          clusterIds: ctx.user.role === 'admin' ? undefined : [ctx.user.clusterId ?? -1],
          demo: input.demo,
          admin: true,
        }) as DirectoryResult & { items: Required<DirectoryRow>[] },
    ),
  get: protectedProcedure
    .input(byIdInput)
    .output(memberRecordOut)
    .query(({ ctx, input }) => ctx.services.members.get(ctx.user, input.id)),
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
      ctx.services.members.duplicates(input.name, input.organisationNumber ?? null, input.exceptId),
    ),
  create: protectedProcedure
    .input(memberCreateInput)
    .output(z.object({ member: memberRecordOut, warnings: z.array(duplicateWarningOut) }))
    .mutation(({ ctx, input }) => ctx.services.members.create(ctx.user, input)),
  update: protectedProcedure
    .input(memberUpdateInput)
    .output(memberRecordOut)
    .mutation(({ ctx, input }) => ctx.services.members.update(ctx.user, input)),
  setStatus: protectedProcedure
    .input(statusChangeInput)
    .output(memberRecordOut)
    .mutation(({ ctx, input }) =>
      ctx.services.members.setStatus(
        ctx.user,
        input.id,
        input.version,
        STATUS_ACTIONS[input.action],
      ),
    ),
  /** Checks (dryRun) or applies a spreadsheet of members; applying is all-or-nothing. */
  import: protectedProcedure
    .input(memberImportInput)
    .output(importReportOut)
    .mutation(({ ctx, input }) => ctx.services.memberImport.run(ctx.user, input)),
  delete: protectedProcedure
    .input(versionedDeleteInput)
    .output(z.object({ id: z.number() }))
    .mutation(({ ctx, input }) => ctx.services.members.delete(ctx.user, input.id, input.version)),
});

export const memberRouter = createTRPCRouter({ ...memberPublicRouter, admin: adminRouter });
