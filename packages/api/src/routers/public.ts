/** Public reads: no sign-in, only published records, only public fields. */
import { articleListQuery, bySlugInput, memberDirectoryQuery } from '@cos/domain';
import { z } from 'zod';
import {
  areaDetailOut,
  areaOut,
  articleListOut,
  articleOut,
  clusterDetailOut,
  clusterOut,
  directoryOut,
  memberDetailOut,
  statisticsOut,
} from '../outputs';
import { createTRPCRouter, publicProcedure } from '../trpc';

const PUBLISHED = ['published'] as const;

export const areaPublicRouter = {
  list: publicProcedure
    .input(z.void())
    .output(z.array(areaOut))
    .query(({ ctx }) => ctx.services.reads.areas()),
  bySlug: publicProcedure
    .input(bySlugInput)
    .output(areaDetailOut)
    .query(({ ctx, input }) => ctx.services.reads.area(input.slug)),
};

export const clusterPublicRouter = {
  list: publicProcedure
    .input(z.void())
    .output(z.array(clusterOut))
    .query(({ ctx }) => ctx.services.reads.clusters()),
  bySlug: publicProcedure
    .input(bySlugInput)
    .output(clusterDetailOut)
    .query(({ ctx, input }) => ctx.services.reads.cluster(input.slug)),
};

export const memberPublicRouter = {
  directory: publicProcedure
    .input(memberDirectoryQuery)
    .output(directoryOut)
    .query(({ ctx, input }) => ctx.services.directory.query(input, { statuses: PUBLISHED })),
  bySlug: publicProcedure
    .input(bySlugInput)
    .output(memberDetailOut)
    .query(({ ctx, input }) => ctx.services.reads.member(input.slug)),
};

export const articlePublicRouter = {
  list: publicProcedure
    .input(articleListQuery)
    .output(articleListOut)
    .query(({ ctx, input }) => ctx.services.articles.list(input)),
  bySlug: publicProcedure
    .input(bySlugInput)
    .output(articleOut)
    .query(({ ctx, input }) => ctx.services.articles.bySlug(input.slug)),
};

export const statisticsRouter = createTRPCRouter({
  overview: publicProcedure
    .input(z.void())
    .output(statisticsOut)
    .query(({ ctx }) => ctx.services.reads.statistics()),
});
