/** Members in public: the directory and a profile. No sign-in, only published members. */
import { bySlugInput, memberDirectoryQuery } from '@cos/domain';
import { directoryOut, memberDetailOut } from '../outputs';
import { publicProcedure } from '../trpc';

const PUBLISHED = ['published'] as const;

export const memberPublicRouter = {
  directory: publicProcedure
    .meta({ reads: ['members', 'areas', 'clusters'] })
    .input(memberDirectoryQuery)
    .output(directoryOut)
    .query(({ ctx, input }) => ctx.services.directory.query(input, { statuses: PUBLISHED })),
  bySlug: publicProcedure
    .meta({ reads: ['members', 'areas', 'clusters', 'images'] })
    .input(bySlugInput)
    .output(memberDetailOut)
    .query(({ ctx, input }) => ctx.services.publicReads.member(input.slug)),
};
