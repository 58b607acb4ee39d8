/** Articles: the public reads, and the writes of admins and cluster editors. */
import { byIdInput, articleCreateInput, articleUpdateInput } from '@cos/domain';
import { z } from 'zod';
import { articleRecordOut, deletedOut } from '../outputs';
import { createTRPCRouter, protectedProcedure } from '../trpc';
import { STATUS_ACTIONS, statusChangeInput, versionedDeleteInput } from './record-inputs';
import { articlePublicRouter } from './public';

const adminRouter = createTRPCRouter({
  list: protectedProcedure
    .input(z.void())
    .output(z.array(articleRecordOut))
    .query(({ ctx }) => ctx.services.articleWrites.list(ctx.user)),
  get: protectedProcedure
    .input(byIdInput)
    .output(articleRecordOut)
    .query(({ ctx, input }) => ctx.services.articleWrites.get(ctx.user, input.id)),
  create: protectedProcedure
    .input(articleCreateInput)
    .output(articleRecordOut)
    .mutation(({ ctx, input }) => ctx.services.articleWrites.create(ctx.user, input)),
  update: protectedProcedure
    .input(articleUpdateInput)
    .output(articleRecordOut)
    .mutation(({ ctx, input }) => ctx.services.articleWrites.update(ctx.user, input)),
  setStatus: protectedProcedure
    .input(statusChangeInput)
    .output(articleRecordOut)
    .mutation(({ ctx, input }) =>
      ctx.services.articleWrites.setStatus(
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
      ctx.services.articleWrites.delete(ctx.user, input.id, input.version),
    ),
});

export const articleRouter = createTRPCRouter({ ...articlePublicRouter, admin: adminRouter });
