/** Errors the services throw; trpc.ts turns them into tRPC errors with useful data. */
import { TRPCError } from '@trpc/server';

/** A stale write: the record changed since the editor loaded it. Carries the current record. */
export class ConflictError extends TRPCError {
  readonly current: unknown;
  constructor(entity: string, current: unknown) {
    super({
      code: 'CONFLICT',
      message: `This ${entity} was changed by someone else since you loaded it; reload or merge the current version`,
    });
    this.current = current;
  }
}

/**
 * A write (or sign-in) from an address that is not the platform's own, such as
 * http://127.0.0.1:3000 when the public origin is http://localhost:3000: the
 * browser's Origin does not match, so the request is refused as cross-site.
 * Carries the address to use, so the admin can name it instead of guessing.
 */
export class OriginRefusedError extends TRPCError {
  readonly useOrigin: string | null;
  constructor(useOrigin: string | null) {
    super({
      code: 'FORBIDDEN',
      message: useOrigin
        ? `Changes are accepted only from ${useOrigin}; open the admin at ${useOrigin}/admin`
        : 'Cross-site request refused',
    });
    this.useOrigin = useOrigin;
  }
}

export function notFound(entity: string, key: string | number): TRPCError {
  return new TRPCError({
    code: 'NOT_FOUND',
    message: `No ${entity} with ${typeof key === 'number' ? 'id' : 'slug'} ${key}`,
  });
}

export function forbidden(message: string): TRPCError {
  return new TRPCError({ code: 'FORBIDDEN', message });
}

/** A rule broken by otherwise well-formed input, reported like a zod error on one field. */
export class FieldError extends TRPCError {
  readonly field: string;
  constructor(field: string, message: string, code: 'BAD_REQUEST' | 'CONFLICT' = 'BAD_REQUEST') {
    super({ code, message: `${field}: ${message}` });
    this.field = field;
  }
}

/**
 * SQLite failures that are about the storage, not the request: a full disk
 * (or size limit), a read-only file, a lock held too long. The client gets
 * 503 and a message saying what happened and that nothing was saved (the
 * write's transaction rolled back) instead of a bare internal error.
 */
export function storageUnavailable(error: unknown): TRPCError | null {
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code !== 'string' || !code.startsWith('SQLITE_')) return null;
  let message: string | null = null;
  if (code === 'SQLITE_FULL')
    message = 'The database is full (no disk space left); nothing was saved. Try again later';
  else if (code.startsWith('SQLITE_READONLY'))
    message = 'The database is read-only at the moment; nothing was saved. Try again later';
  else if (code.startsWith('SQLITE_BUSY'))
    message = 'The database is busy; nothing was saved. Try again in a moment';
  return message ? new TRPCError({ code: 'SERVICE_UNAVAILABLE', message, cause: error }) : null;
}
