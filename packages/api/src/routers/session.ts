/**
 * Who is using the admin panel: their role and cluster decide which screens
 * and actions it shows.
 */
import { profileUpdateInput, USER_ROLES } from '@cos/domain';
import { z } from 'zod';
import { userRecordOut } from '../outputs';
import { createTRPCRouter, protectedProcedure, publicProcedure } from '../trpc';

const sessionUserOut = z.object({
  id: z.string(),
  email: z.string(),
  name: z.string(),
  role: z.enum(USER_ROLES),
  clusterId: z.number().nullable(),
});

export const sessionRouter = createTRPCRouter({
  /** The signed-in user, or null: the panel asks this on start instead of parsing cookies. */
  me: publicProcedure
    .input(z.void())
    .output(sessionUserOut.nullable())
    .query(({ ctx }) => ctx.user),
  /** One's own account as "My profile" edits it (with the version a change must name). */
  profile: protectedProcedure
    .input(z.void())
    .output(userRecordOut)
    .query(({ ctx }) => ctx.services.userWrites.profile(ctx.user)),
  /**
   * Changes one's own name: audited and version-checked, plain text only.
   * (better-auth's /api/auth/update-user is closed so nothing else can.)
   */
  updateProfile: protectedProcedure
    .input(profileUpdateInput)
    .output(userRecordOut)
    .mutation(({ ctx, input }) => ctx.services.userWrites.updateProfile(ctx.user, input)),
});
