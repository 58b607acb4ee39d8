/** Articles: the public reads, and the writes of admins and cluster editors. */
import {
  articleBySlugInput,
  articleCreateInput,
  articleListQuery,
  articleUpdateInput,
} from '@cos/domain';
import { articleListOut, articleOut, articleRecordOut } from '../outputs';
import { createTRPCRouter, publicProcedure } from '../trpc';
import { versionedAdminRouter } from './versioned-admin-router';

/** Published articles, for anyone. */
const articlePublicRouter = {
  list: publicProcedure
    .meta({ reads: ['articles', 'clusters', 'images'] })
    .input(articleListQuery)
    .output(articleListOut)
    .query(({ ctx, input }) => ctx.services.articleReads.list(input)),
  bySlug: publicProcedure
    .meta({ reads: ['articles', 'clusters', 'images'] })
    .input(articleBySlugInput)
    .output(articleOut)
    .query(({ ctx, input }) => ctx.services.articleReads.bySlug(input.slug, input.locale)),
};

export const articleRouter = createTRPCRouter({
  ...articlePublicRouter,
  admin: versionedAdminRouter('article', (services) => services.articleWrites, {
    create: articleCreateInput,
    update: articleUpdateInput,
    record: articleRecordOut,
  }),
});
