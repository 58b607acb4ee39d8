/** Areas: the public reads, and the admins' writes. */
import { areaCreateInput, areaUpdateInput, byIdInput } from '@cos/domain';
import { z } from 'zod';
import { areaRecordOut, deletedOut } from '../outputs';
import { restoreFromAudit } from '../services/restore';
import { createTRPCRouter, protectedProcedure } from '../trpc';
import { restoreInput, versionedDeleteInput } from './record-inputs';
import { areaPublicRouter } from './public';

const adminRouter = createTRPCRouter({
  list: protectedProcedure
    .input(z.void())
    .output(z.array(areaRecordOut))
    .query(({ ctx }) => ctx.services.areaWrites.list(ctx.user)),
  get: protectedProcedure
    .input(byIdInput)
    .output(areaRecordOut)
    .query(({ ctx, input }) => ctx.services.areaWrites.get(ctx.user, input.id)),
  create: protectedProcedure
    .input(areaCreateInput)
    .output(areaRecordOut)
    .mutation(({ ctx, input }) => ctx.services.areaWrites.create(ctx.user, input)),
  update: protectedProcedure
    .input(areaUpdateInput)
    .output(areaRecordOut)
    .mutation(({ ctx, input }) => ctx.services.areaWrites.update(ctx.user, input)),
  restore: protectedProcedure
    .input(restoreInput)
    .output(areaRecordOut)
    .mutation(({ ctx, input }) => restoreFromAudit(ctx.services, ctx.user, 'area', input)),
  delete: protectedProcedure
    .input(versionedDeleteInput)
    .output(deletedOut)
    .mutation(({ ctx, input }) =>
      ctx.services.areaWrites.delete(ctx.user, input.id, input.version),
    ),
});

export const areaRouter = createTRPCRouter({ ...areaPublicRouter, admin: adminRouter });
