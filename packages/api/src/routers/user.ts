/** Accounts: admins only. */
import { userCreateInput, userUpdateInput, versionSchema } from '@cos/domain';
import { z } from 'zod';
import { userRecordOut } from '../outputs';
import { adminProcedure, createTRPCRouter } from '../trpc';

export const userRouter = createTRPCRouter({
  list: adminProcedure
    .input(z.void())
    .output(z.array(userRecordOut))
    .query(({ ctx }) => ctx.services.userWrites.list(ctx.user)),
  create: adminProcedure
    .input(userCreateInput)
    .output(userRecordOut)
    .mutation(({ ctx, input }) => ctx.services.userWrites.create(ctx.user, input)),
  update: adminProcedure
    .input(userUpdateInput.safeExtend({ version: versionSchema }))
    .output(userRecordOut)
    .mutation(({ ctx, input }) => ctx.services.userWrites.update(ctx.user, input)),
  delete: adminProcedure
    .input(z.strictObject({ id: z.string().min(1).max(100), version: versionSchema }))
    .output(z.object({ id: z.string() }))
    .mutation(({ ctx, input }) =>
      ctx.services.userWrites.delete(ctx.user, input.id, input.version),
    ),
});
