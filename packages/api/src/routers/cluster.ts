/** Clusters: the public reads, and the admins' writes. */
import { bySlugInput, clusterCreateInput, clusterUpdateInput } from '@cos/domain';
import { z } from 'zod';
import { clusterDetailOut, clusterOut, clusterRecordOut } from '../outputs';
import { createTRPCRouter, publicProcedure } from '../trpc';
import { versionedAdminRouter } from './versioned-admin-router';

/** Published clusters, for anyone. */
const clusterPublicRouter = {
  list: publicProcedure
    .meta({ reads: ['clusters', 'areas', 'members', 'images'] })
    .input(z.void())
    .output(z.array(clusterOut))
    .query(({ ctx }) => ctx.services.publicReads.clusters()),
  bySlug: publicProcedure
    .meta({ reads: ['clusters', 'areas', 'members', 'images'] })
    .input(bySlugInput)
    .output(clusterDetailOut)
    .query(({ ctx, input }) => ctx.services.publicReads.cluster(input.slug)),
};

export const clusterRouter = createTRPCRouter({
  ...clusterPublicRouter,
  admin: versionedAdminRouter('cluster', (services) => services.clusterWrites, {
    create: clusterCreateInput,
    update: clusterUpdateInput,
    record: clusterRecordOut,
  }),
});
