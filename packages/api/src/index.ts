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
export {
  adminExportBatches,
  adminExportPlan,
  EXPORT_BATCH_SIZE,
  type AdminExportPlan,
} from './services/member-export-admin';
export { ImageLibrary } from './services/image-library';
export {
  IMAGE_FIELD_LABELS,
  processImage,
  sniffImageType,
  type ImageFieldLabel,
} from './services/image-processing';
export { MEDIA_FILE_NAME, MediaFolder } from './services/media-folder';
