/**
 * The one place application errors become tRPC errors, and tRPC errors the
 * shape clients read (data.code, httpStatus, path, fieldErrors, issues,
 * current, savedBy, useOrigin, messageCode, messageParams). Services throw AppErrors; the base procedure's
 * middleware (trpc.ts) turns each into a TRPCError whose cause is the
 * AppError, and the error formatter reads the details from that cause.
 */
import { issueMessage, type WireParams } from '@cos/domain';
import { TRPCError } from '@trpc/server';
import type { TRPC_ERROR_CODE_KEY } from '@trpc/server/rpc';
import { ZodError, z } from 'zod';
import {
  AppError,
  ConflictError,
  FieldError,
  OriginRefusedError,
  storageUnavailable,
  type AppErrorKind,
} from './errors';

export interface FieldIssue {
  path: string;
  message: string;
  /** The message catalogue's code (@cos/domain messages) and its parameters, when known. */
  code?: string;
  params?: WireParams;
}

const TRPC_CODES = {
  bad_request: 'BAD_REQUEST',
  unauthorized: 'UNAUTHORIZED',
  forbidden: 'FORBIDDEN',
  not_found: 'NOT_FOUND',
  conflict: 'CONFLICT',
  too_many_requests: 'TOO_MANY_REQUESTS',
  unavailable: 'SERVICE_UNAVAILABLE',
} as const satisfies Record<AppErrorKind, TRPC_ERROR_CODE_KEY>;

/**
 * The application error behind a failed call, if any: one thrown by a
 * service, or a SQLite failure about the storage (full, read-only, busy).
 */
export function appErrorOf(cause: unknown): AppError | null {
  return cause instanceof AppError ? cause : storageUnavailable(cause);
}

export function toTRPCError(error: AppError): TRPCError {
  return new TRPCError({ code: TRPC_CODES[error.kind], message: error.message, cause: error });
}

interface ShapeData {
  code: TRPC_ERROR_CODE_KEY;
  httpStatus: number;
  path?: string;
}

/** The error formatter's body: what a client needs to show each bad field's message. */
export function formatError<Shape extends { message: string; data: ShapeData }>(
  shape: Shape,
  error: TRPCError,
) {
  const cause = error.cause;
  let fieldErrors: Record<string, string[]> | null = null;
  let issues: FieldIssue[] | null = null;
  let message = shape.message;
  if (cause instanceof ZodError) {
    fieldErrors = z.flattenError(cause).fieldErrors;
    issues = cause.issues.map((i) => ({
      path: i.path.map(String).join('.'),
      message: i.message,
      ...issueMessage(i),
    }));
    message = issues.map((i) => (i.path ? `${i.path}: ${i.message}` : i.message)).join('; ');
  } else if (cause instanceof FieldError) {
    fieldErrors = { [cause.field]: [cause.text] };
    issues = [
      {
        path: cause.field,
        message: cause.text,
        code: cause.messageCode,
        params: cause.params,
      },
    ];
  }
  // Never leak internals of unexpected errors to clients.
  if (error.code === 'INTERNAL_SERVER_ERROR') message = 'Internal server error';
  // The message's catalogue code, so a client can word it in its own language.
  // A field error's code travels in its issue (its message has the field in front).
  const coded = cause instanceof AppError && !(cause instanceof FieldError) ? cause : null;
  return {
    ...shape,
    message,
    data: {
      code: shape.data.code,
      httpStatus: shape.data.httpStatus,
      path: shape.data.path,
      fieldErrors,
      issues,
      current: cause instanceof ConflictError ? cause.current : undefined,
      savedBy: cause instanceof ConflictError ? (cause.savedBy ?? null) : undefined,
      useOrigin: cause instanceof OriginRefusedError ? cause.useOrigin : undefined,
      messageCode: coded?.messageCode ?? null,
      messageParams: coded?.params ?? null,
    },
  };
}
