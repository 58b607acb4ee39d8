/**
 * Who is using the admin panel: their role and cluster decide which screens
 * and actions it shows.
 */
import { USER_ROLES } from '@cos/domain';
import { z } from 'zod';
import { createTRPCRouter, publicProcedure } from '../trpc';

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
});
