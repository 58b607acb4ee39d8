/** The admin's start page: what needs attention, within the actor's scope. */
import { STATUSES } from '@cos/domain';
import { z } from 'zod';
import { createTRPCRouter, protectedProcedure } from '../trpc';

const attentionOut = z.object({
  missingDescription: z.object({
    items: z.array(
      z.object({
        id: z.number(),
        slug: z.string(),
        name: z.string(),
        status: z.enum(STATUSES),
        updatedAt: z.string(),
      }),
    ),
    /** More than the items shown lack a description. */
    more: z.boolean(),
  }),
});

export const dashboardRouter = createTRPCRouter({
  /**
   * Members (not archived) with no Swedish description, most recently changed
   * first; an editor sees only their own cluster's.
   */
  attention: protectedProcedure
    .input(z.void())
    .output(attentionOut)
    .query(({ ctx }) => ({
      missingDescription: ctx.services.attention.missingDescription(ctx.user),
    })),
});
