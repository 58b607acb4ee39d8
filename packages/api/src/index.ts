export type { Actor } from './actor';
export { createContextInner, type Context, type ContextOptions } from './context';
export { appRouter, createCaller, type AppRouter } from './root';
export { getServices, type Services } from './services';
export {
  ReadLog,
  recordReads,
  recordUndescribedRead,
  withReadLog,
  type DataScope,
} from './read-scopes';
export {
  AppError,
  BadRequestError,
  ConflictError,
  FieldError,
  ForbiddenError,
  NotFoundError,
  OriginRefusedError,
  StorageUnavailableError,
  TooManyRequestsError,
  UnauthorizedError,
  coded,
  storageUnavailable,
  type AppErrorKind,
  type CodedMessage,
} from './errors';
export {
  CLIENT_IP_HEADER,
  createAuth,
  createUser,
  carriesSession,
  SESSION_COOKIE,
  sessionUser,
  type Auth,
  type AuthOptions,
} from './auth';
export {
  accountKey,
  addressKey,
  DEFAULT_SIGN_IN_POLICY,
  SignInLimits,
  type SignInAttempt,
  type SignInCheck,
  type SignInLimitPolicy,
} from './services/sign-in-limits';
export {
  exportPublishedMembers,
  jsonArrayChunks,
  MEMBER_CSV_OPTIONS,
  PUBLISHED_EXPORT_SCOPES,
  type ExportRow,
} from './services/member-export';
export {
  adminExportBatches,
  adminExportPlan,
  EXPORT_BATCH_SIZE,
  type AdminExportPlan,
} from './services/member-export-admin';
export { ImageLibrary } from './services/image-library';
export { OPEN_DATASETS, type DatasetFacts, type OpenDataset } from './services/open-data-catalogue';
export {
  IMAGE_FIELD_LABELS,
  processImage,
  sniffImageType,
  type ImageFieldLabel,
} from './services/image-processing';
export { MEDIA_FILE_NAME, MediaFolder } from './services/media-folder';
export { ShareImages, type ShareImageOptions } from './services/share-images';
export {
  erasePersonalData,
  exportPersonalData,
  PERSONAL_DATA_HOLDERS,
  runRetention,
  type PersonalDataHolder,
  type RetentionResult,
} from './services/personal-data';
export {
  configureMail,
  notifyAdmins,
  notifyClusterEditors,
  renderMail,
  retryUndelivered,
  sendDailyDigests,
  sendMail,
  type MailLog,
  type MailSettings,
} from './services/mail';
/** The public directory's answer shape, for REST responses read from the services directly. */
export { areaOut, clusterOut, directoryOut, memberDetailOut } from './outputs';
