export type { Actor } from './actor';
export { createContextInner, type Context, type ContextOptions } from './context';
export { appRouter, createCaller, type AppRouter } from './root';
export { getServices, type Services } from './services';
export {
  AppError,
  BadRequestError,
  ConflictError,
  FieldError,
  ForbiddenError,
  NotFoundError,
  OriginRefusedError,
  StorageUnavailableError,
  UnauthorizedError,
  coded,
  type AppErrorKind,
  type CodedMessage,
} from './errors';
export {
  CLIENT_IP_HEADER,
  createAuth,
  createUser,
  sessionUser,
  type Auth,
  type AuthOptions,
} from './auth';
export {
  exportPublishedMembers,
  jsonArrayChunks,
  MEMBER_CSV_OPTIONS,
  type ExportRow,
} from './services/member-export';
