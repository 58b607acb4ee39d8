/**
 * The small lookup lists every admin form's pickers use: area and cluster ids
 * with names (editors may not call the admins' area and cluster lists).
 */
import { z } from 'zod';
import { bilingualOut } from '../outputs';
import { createTRPCRouter, protectedProcedure } from '../trpc';

const pickersOut = z.object({
  areas: z.array(z.object({ id: z.number(), slug: z.string(), name: bilingualOut })),
  clusters: z.array(
    z.object({
      id: z.number(),
      slug: z.string(),
      name: z.string(),
      shortName: z.string(),
      status: z.string(),
    }),
  ),
});

export const taxonomyRouter = createTRPCRouter({
  /** Areas and clusters (every status) with their ids, for pickers and labels. */
  pickers: protectedProcedure
    .input(z.void())
    .output(pickersOut)
    .query(({ ctx }) => ctx.services.taxonomy.pickers()),
});
