/** Articles: the public reads, and the writes of admins and cluster editors. */
import { articleCreateInput, articleUpdateInput } from '@cos/domain';
import { articleRecordOut } from '../outputs';
import { createTRPCRouter } from '../trpc';
import { articlePublicRouter } from './public';
import { versionedAdminRouter } from './versioned-admin-router';

export const articleRouter = createTRPCRouter({
  ...articlePublicRouter,
  admin: versionedAdminRouter('article', (services) => services.articleWrites, {
    create: articleCreateInput,
    update: articleUpdateInput,
    record: articleRecordOut,
  }),
});
