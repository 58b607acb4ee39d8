/** Areas: the public reads, and the admins' writes. */
import { areaCreateInput, areaUpdateInput, byIdInput, bySlugInput } from '@cos/domain';
import { z } from 'zod';
import { areaDetailOut, areaOut, areaRecordOut, deletedOut } from '../outputs';
import { restoreFromAudit } from '../services/restore';
import { createTRPCRouter, protectedProcedure, publicProcedure } from '../trpc';
import { restoreInput, versionedDeleteInput } from './record-inputs';

/** Published areas, for anyone. */
const areaPublicRouter = {
  list: publicProcedure
    .meta({ reads: ['areas', 'clusters', 'members'] })
    .input(z.void())
    .output(z.array(areaOut))
    .query(({ ctx }) => ctx.services.publicReads.areas()),
  bySlug: publicProcedure
    .meta({ reads: ['areas', 'clusters', 'members', 'images'] })
    .input(bySlugInput)
    .output(areaDetailOut)
    .query(({ ctx, input }) => ctx.services.publicReads.area(input.slug)),
};

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
