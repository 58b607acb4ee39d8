import { areaRouter } from './routers/area';
import { articleRouter } from './routers/article';
import { auditRouter } from './routers/audit';
import { clusterRouter } from './routers/cluster';
import { dashboardRouter } from './routers/dashboard';
import { joinRequestRouter } from './routers/join-request';
import { mailRouter } from './routers/mail';
import { memberRouter } from './routers/member';
import { personalDataRouter } from './routers/personal-data';
import { searchRouter } from './routers/search';
import { sessionRouter } from './routers/session';
import { openDataRouter } from './routers/open-data';
import { statisticsRouter } from './routers/statistics';
import { taxonomyRouter } from './routers/taxonomy';
import { updateSuggestionRouter } from './routers/update-suggestion';
import { userRouter } from './routers/user';
import { createCallerFactory, createTRPCRouter } from './trpc';

export const appRouter = createTRPCRouter({
  area: areaRouter,
  cluster: clusterRouter,
  member: memberRouter,
  article: articleRouter,
  statistics: statisticsRouter,
  openData: openDataRouter,
  audit: auditRouter,
  user: userRouter,
  session: sessionRouter,
  taxonomy: taxonomyRouter,
  dashboard: dashboardRouter,
  joinRequest: joinRequestRouter,
  updateSuggestion: updateSuggestionRouter,
  mail: mailRouter,
  personalData: personalDataRouter,
  search: searchRouter,
});

export type AppRouter = typeof appRouter;

/** Calls procedures in-process (tests, server-rendered pages): `createCaller(createContextInner({...}))`. */
export const createCaller = createCallerFactory(appRouter);
