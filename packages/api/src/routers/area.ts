/** Areas: the public reads, and the admins' writes. */
import { areaCreateInput, areaUpdateInput, byIdInput, idSchema, versionSchema } from '@cos/domain';
import { z } from 'zod';
import { areaRecordOut, deletedOut } from '../outputs';
import { createTRPCRouter, protectedProcedure } from '../trpc';
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
  delete: protectedProcedure
    .input(z.strictObject({ id: idSchema, version: versionSchema }))
    .output(deletedOut)
    .mutation(({ ctx, input }) =>
      ctx.services.areaWrites.delete(ctx.user, input.id, input.version),
    ),
});

export const areaRouter = createTRPCRouter({ ...areaPublicRouter, admin: adminRouter });
