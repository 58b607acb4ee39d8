/**
 * Export and erasure of everything stored about one e-mail address:
 * administrators only. Both are mutations: each writes an audit entry, and a
 * mutation is never answered from a cache or sent cross-site.
 */
import { personalDataEraseInput, personalDataLookupInput } from '@cos/domain';
import { z } from 'zod';
import { erasePersonalData, exportPersonalData } from '../services/personal-data';
import { adminProcedure, createTRPCRouter } from '../trpc';

const exportOut = z.object({
  email: z.string(),
  exportedAt: z.string(),
  data: z.record(z.string(), z.unknown()),
});

const eraseOut = z.object({
  erased: z.record(z.string(), z.number()),
  total: z.number(),
});

export const personalDataRouter = createTRPCRouter({
  export: adminProcedure
    .input(personalDataLookupInput)
    .output(exportOut)
    .mutation(({ ctx, input }) => exportPersonalData(ctx.handle, ctx.user, input.email)),
  erase: adminProcedure
    .input(personalDataEraseInput)
    .output(eraseOut)
    .mutation(({ ctx, input }) => erasePersonalData(ctx.handle, ctx.user, input.email)),
});
