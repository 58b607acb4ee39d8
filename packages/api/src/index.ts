export { createContextInner, type Context, type ContextOptions, type SessionUser } from './context';
export { appRouter, createCaller, type AppRouter } from './root';
export { getServices, type Services } from './services';
export { OriginRefusedError } from './errors';
export {
  CLIENT_IP_HEADER,
  createAuth,
  createUser,
  sessionUser,
  type Auth,
  type AuthOptions,
} from './auth';
export {
  EXPORT_COLUMNS,
  exportPublishedMembers,
  jsonArrayChunks,
  MEMBER_CSV_OPTIONS,
  neutraliseFormula,
  type ExportRow,
} from './services/member-export';
