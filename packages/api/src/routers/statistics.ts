/** The public statistics: the published register counted by area, cluster, place and kind. */
import { z } from 'zod';
import { demoPresenceOut, statisticsOut } from '../outputs';
import { createTRPCRouter, publicProcedure } from '../trpc';

export const statisticsRouter = createTRPCRouter({
  overview: publicProcedure
    .meta({ reads: ['members', 'clusters', 'areas', 'images'] })
    .input(z.void())
    .output(statisticsOut)
    .query(({ ctx }) => ctx.services.statistics.overview()),
  /** Generated demo members in the register: every page's banner reads this (cached per data generation). */
  demoPresence: publicProcedure
    .meta({ reads: ['demo'] })
    .input(z.void())
    .output(demoPresenceOut)
    .query(({ ctx }) => ctx.services.demoPresence.get()),
});
