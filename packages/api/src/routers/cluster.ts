/** Clusters: the public reads, and the admins' writes. */
import { byIdInput, clusterCreateInput, clusterUpdateInput } from '@cos/domain';
import { z } from 'zod';
import { clusterRecordOut, deletedOut } from '../outputs';
import { createTRPCRouter, protectedProcedure } from '../trpc';
import { STATUS_ACTIONS, statusChangeInput, versionedDeleteInput } from './record-inputs';
import { clusterPublicRouter } from './public';

const adminRouter = createTRPCRouter({
  list: protectedProcedure
    .input(z.void())
    .output(z.array(clusterRecordOut))
    .query(({ ctx }) => ctx.services.clusterWrites.list(ctx.user)),
  get: protectedProcedure
    .input(byIdInput)
    .output(clusterRecordOut)
    .query(({ ctx, input }) => ctx.services.clusterWrites.get(ctx.user, input.id)),
  create: protectedProcedure
    .input(clusterCreateInput)
    .output(clusterRecordOut)
    .mutation(({ ctx, input }) => ctx.services.clusterWrites.create(ctx.user, input)),
  update: protectedProcedure
    .input(clusterUpdateInput)
    .output(clusterRecordOut)
    .mutation(({ ctx, input }) => ctx.services.clusterWrites.update(ctx.user, input)),
  setStatus: protectedProcedure
    .input(statusChangeInput)
    .output(clusterRecordOut)
    .mutation(({ ctx, input }) =>
      ctx.services.clusterWrites.setStatus(
        ctx.user,
        input.id,
        input.version,
        STATUS_ACTIONS[input.action],
      ),
    ),
  delete: protectedProcedure
    .input(versionedDeleteInput)
    .output(deletedOut)
    .mutation(({ ctx, input }) =>
      ctx.services.clusterWrites.delete(ctx.user, input.id, input.version),
    ),
});

export const clusterRouter = createTRPCRouter({ ...clusterPublicRouter, admin: adminRouter });
