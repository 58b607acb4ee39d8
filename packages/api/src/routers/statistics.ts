/** The public statistics: the published register counted by area, cluster, place and kind. */
import { z } from 'zod';
import { statisticsOut } from '../outputs';
import { createTRPCRouter, publicProcedure } from '../trpc';

export const statisticsRouter = createTRPCRouter({
  overview: publicProcedure
    .meta({ reads: ['members', 'clusters', 'areas', 'images'] })
    .input(z.void())
    .output(statisticsOut)
    .query(({ ctx }) => ctx.services.statistics.overview()),
});
