import { auditRouter } from './routers/audit';
import { memberRouter } from './routers/member';
import { areaRouter, articleRouter, clusterRouter, statisticsRouter } from './routers/public';
import { createCallerFactory, createTRPCRouter } from './trpc';

export const appRouter = createTRPCRouter({
  area: areaRouter,
  cluster: clusterRouter,
  member: memberRouter,
  article: articleRouter,
  statistics: statisticsRouter,
  audit: auditRouter,
});

export type AppRouter = typeof appRouter;

/** Calls procedures in-process (tests, server-rendered pages): `createCaller(createContextInner({...}))`. */
export const createCaller = createCallerFactory(appRouter);
