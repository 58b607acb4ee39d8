/** Clusters: the public reads, and the admins' writes. */
import { clusterCreateInput, clusterUpdateInput } from '@cos/domain';
import { clusterRecordOut } from '../outputs';
import { createTRPCRouter } from '../trpc';
import { clusterPublicRouter } from './public';
import { versionedAdminRouter } from './versioned-admin-router';

export const clusterRouter = createTRPCRouter({
  ...clusterPublicRouter,
  admin: versionedAdminRouter('cluster', (services) => services.clusterWrites, {
    create: clusterCreateInput,
    update: clusterUpdateInput,
    record: clusterRecordOut,
  }),
});
