import { areaRouter } from './routers/area';
import { articleRouter } from './routers/article';
import { auditRouter } from './routers/audit';
import { clusterRouter } from './routers/cluster';
import { memberRouter } from './routers/member';
import { statisticsRouter } from './routers/public';
import { sessionRouter } from './routers/session';
import { userRouter } from './routers/user';
import { createCallerFactory, createTRPCRouter } from './trpc';

export const appRouter = createTRPCRouter({
  area: areaRouter,
  cluster: clusterRouter,
  member: memberRouter,
  article: articleRouter,
  statistics: statisticsRouter,
  audit: auditRouter,
  user: userRouter,
  session: sessionRouter,
});

export type AppRouter = typeof appRouter;

/** Calls procedures in-process (tests, server-rendered pages): `createCaller(createContextInner({...}))`. */
export const createCaller = createCallerFactory(appRouter);
