/** Facts about the open datasets themselves: size and last change (the open-data page, DCAT-AP-SE). */
import { z } from 'zod';
import { openDataCatalogueOut } from '../outputs';
import { createTRPCRouter, publicProcedure } from '../trpc';

export const openDataRouter = createTRPCRouter({
  catalogue: publicProcedure
    .meta({ reads: ['members', 'clusters', 'areas', 'audit'] })
    .input(z.void())
    .output(openDataCatalogueOut)
    .query(({ ctx }) => ctx.services.openDataCatalogue.datasets()),
});
