/**
 * The application's errors: what went wrong, in the services' own words.
 * They know no transport: trpc-errors.ts maps them to tRPC errors (one
 * middleware) and apps/server's http-errors.ts to HTTP responses, each from
 * `kind`. Every one is worded by the domain's message catalogue: it carries
 * the code and parameters (clients word it in their own language) and its
 * message is the catalogue's English text.
 */
import {
  formatMessage,
  type AuditEntity,
  type MessageCode,
  type MessageParams,
  type NotFoundEntity,
  type WireParams,
} from '@cos/domain';

export type AppErrorKind =
  | 'bad_request'
  | 'unauthorized'
  | 'forbidden'
  | 'not_found'
  | 'conflict'
  | 'too_many_requests'
  | 'unavailable';

/** A catalogue code with its parameters: a message before it is put into words. */
export interface CodedMessage {
  code: MessageCode;
  params: WireParams;
}

/** A code and its parameters, checked against the catalogue's types. */
export function coded<C extends MessageCode>(
  code: C,
  params: MessageParams<C> & WireParams,
): CodedMessage {
  return { code, params };
}

export class AppError extends Error {
  readonly kind: AppErrorKind;
  /** The catalogue code and parameters of the message. */
  readonly messageCode: MessageCode;
  readonly params: WireParams;
  /** `message` overrides the catalogue's English text (a field error puts the field in front). */
  constructor(
    kind: AppErrorKind,
    text: CodedMessage,
    options?: { cause?: unknown; message?: string },
  ) {
    super(options?.message ?? formatMessage('en', text.code, text.params), options);
    this.kind = kind;
    this.messageCode = text.code;
    this.params = text.params;
    this.name = new.target.name;
  }
}

/** A request that is wrong as a whole (not one field's value): e.g. a body of the wrong type. */
export class BadRequestError extends AppError {
  constructor(text: CodedMessage) {
    super('bad_request', text);
  }
}

/** Nobody is signed in. */
export class UnauthorizedError extends AppError {
  constructor(text: CodedMessage = coded('auth.signIn', {})) {
    super('unauthorized', text);
  }
}

/** Signed in, but this actor may not do this. */
export class ForbiddenError extends AppError {
  constructor(text: CodedMessage) {
    super('forbidden', text);
  }
}

/**
 * A write (or sign-in) from an address that is not the platform's own, such as
 * http://127.0.0.1:3000 when the public origin is http://localhost:3000: the
 * browser's Origin does not match, so the request is refused as cross-site.
 * Carries the address to use, so the admin can name it instead of guessing.
 */
export class OriginRefusedError extends ForbiddenError {
  readonly useOrigin: string | null;
  constructor(useOrigin: string | null, text?: CodedMessage) {
    super(
      text ??
        (useOrigin
          ? coded('origin.refused', { origin: useOrigin })
          : coded('origin.crossSite', {})),
    );
    this.useOrigin = useOrigin;
  }
}

export class NotFoundError extends AppError {
  constructor(text: CodedMessage) {
    super('not_found', text);
  }
}

/**
 * A stale write: the record changed since the editor loaded it. Carries the
 * current record; `name` names it in the message (a bulk change says which one).
 */
/** Who made the version a conflict reports, and when: names and roles, never e-mail addresses. */
export interface SavedBy {
  name: string | null;
  role: 'admin' | 'editor' | null;
  at: string;
}

export class ConflictError extends AppError {
  readonly current: unknown;
  readonly entity: AuditEntity;
  /**
   * Filled in from the audit trail (services/conflict-author.ts) before the
   * error leaves the API; null when no entry names an author.
   */
  savedBy: SavedBy | null | undefined;
  /** `text` words a conflict of many records at once (an import's apply names its rows). */
  constructor(entity: AuditEntity, current: unknown, name?: string, text?: CodedMessage) {
    super(
      'conflict',
      text ??
        (name === undefined
          ? coded('conflict.changed', { entity })
          : coded('conflict.changedNamed', { entity, name })),
    );
    this.current = current;
    this.entity = entity;
  }
}

/**
 * A rule broken by otherwise well-formed input, reported like a zod error on
 * one field. Its kind is 'conflict' when the value clashes with another record
 * (a slug or e-mail already taken), 'bad_request' otherwise.
 */
export class FieldError extends AppError {
  readonly field: string;
  /** The message without the field's name in front (message is `${field}: ${text}`). */
  readonly text: string;
  constructor(field: string, text: CodedMessage, kind: 'bad_request' | 'conflict' = 'bad_request') {
    const english = formatMessage('en', text.code, text.params);
    super(kind, text, { message: `${field}: ${english}` });
    this.field = field;
    this.text = english;
  }

  /** A field error worded by the catalogue: `FieldError.coded('slug', 'taken.slug', {…})`. */
  static coded<C extends MessageCode>(
    field: string,
    messageCode: C,
    params: MessageParams<C> & WireParams,
    kind: 'bad_request' | 'conflict' = 'bad_request',
  ): FieldError {
    return new FieldError(field, coded(messageCode, params), kind);
  }
}

/**
 * Too many requests from this client (or for this account) for now; try again
 * after `retryAfterSeconds` (the transport sends it as Retry-After).
 */
export class TooManyRequestsError extends AppError {
  readonly retryAfterSeconds: number;
  constructor(text: CodedMessage, retryAfterSeconds: number) {
    super('too_many_requests', text);
    this.retryAfterSeconds = Math.max(1, Math.ceil(retryAfterSeconds));
  }
}

/** The storage cannot take the request now (full, read-only, busy); nothing was saved. */
export class StorageUnavailableError extends AppError {
  constructor(text: CodedMessage, cause: unknown) {
    super('unavailable', text, { cause });
  }
}

export function notFound(entity: NotFoundEntity, key: string | number): NotFoundError {
  return new NotFoundError(
    coded('notFound.record', { entity, by: typeof key === 'number' ? 'id' : 'slug', key }),
  );
}

export function forbidden<C extends MessageCode>(
  code: C,
  params: MessageParams<C> & WireParams,
): ForbiddenError {
  return new ForbiddenError(coded(code, params));
}

/**
 * SQLite failures that are about the storage, not the request: a full disk
 * (or size limit), a read-only file, a lock held too long. The client gets
 * 503 and a message saying what happened and that nothing was saved (the
 * write's transaction rolled back) instead of a bare internal error.
 */
export function storageUnavailable(error: unknown): StorageUnavailableError | null {
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code !== 'string' || !code.startsWith('SQLITE_')) return null;
  let text: CodedMessage | null = null;
  if (code === 'SQLITE_FULL') text = coded('storage.full', {});
  else if (code.startsWith('SQLITE_READONLY')) text = coded('storage.readOnly', {});
  else if (code.startsWith('SQLITE_BUSY')) text = coded('storage.busy', {});
  return text ? new StorageUnavailableError(text, error) : null;
}
