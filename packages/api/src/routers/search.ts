/** The site-wide search box, for anyone: only published content. */
import { siteSearchQuery } from '@cos/domain';
import { siteSearchOut } from '../search-outputs';
import { createTRPCRouter, publicProcedure } from '../trpc';

export const searchRouter = createTRPCRouter({
  site: publicProcedure
    .meta({ reads: ['members', 'areas', 'clusters', 'articles', 'images'] })
    .input(siteSearchQuery)
    .output(siteSearchOut)
    .query(({ ctx, input }) => ctx.services.siteSearch.search(input.q)),
});
