/**
 * The one place errors become HTTP answers, for the routes outside tRPC: the
 * REST open-data routes, the CSV import route and the sign-in refusal. They
 * call procedures through the tRPC caller, whose errors carry the
 * application's error (packages/api errors.ts) as their cause; that error's
 * kind decides the status. The bodies are { error, message } (plus
 * fieldErrors for a bad query, useOrigin for a refused origin, and the
 * message's catalogue code as messageCode and messageParams, so a client can
 * word it in its own language).
 */
import {
  AppError,
  ConflictError,
  FieldError,
  OriginRefusedError,
  TooManyRequestsError,
  type AppErrorKind,
} from '@cos/api';
import { TRPCError } from '@trpc/server';
import { getHTTPStatusCodeFromError } from '@trpc/server/http';
import type { FastifyReply } from 'fastify';
import { z } from 'zod';

/** Each kind's status and the name the body's `error` gives it (the same names tRPC uses). */
const HTTP_STATUS = {
  bad_request: { status: 400, error: 'BAD_REQUEST' },
  unauthorized: { status: 401, error: 'UNAUTHORIZED' },
  forbidden: { status: 403, error: 'FORBIDDEN' },
  not_found: { status: 404, error: 'NOT_FOUND' },
  conflict: { status: 409, error: 'CONFLICT' },
  too_many_requests: { status: 429, error: 'TOO_MANY_REQUESTS' },
  unavailable: { status: 503, error: 'SERVICE_UNAVAILABLE' },
} as const satisfies Record<AppErrorKind, { status: number; error: string }>;

export interface HttpError {
  status: number;
  body: {
    error: string;
    message: string;
    fieldErrors?: Record<string, string[] | undefined>;
    useOrigin?: string | null;
    current?: unknown;
    messageCode?: string;
    messageParams?: Record<string, string | number>;
  };
}

/** The catalogue code of an app error's message (a field error's message has the field in front). */
function codeOf(error: AppError): Pick<HttpError['body'], 'messageCode' | 'messageParams'> {
  return error instanceof FieldError
    ? {}
    : { messageCode: error.messageCode, messageParams: error.params };
}

/** The application error behind an error, whether thrown directly or by a procedure. */
function appErrorOf(error: unknown): AppError | null {
  if (error instanceof AppError) return error;
  if (error instanceof TRPCError && error.cause instanceof AppError) return error.cause;
  return null;
}

/** The status and body for an error, or null for one that is not the client's to hear about. */
export function httpError(error: unknown): HttpError | null {
  if (error instanceof z.ZodError) {
    return {
      status: 400,
      body: {
        error: 'BAD_REQUEST',
        message: error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '),
        fieldErrors: z.flattenError(error).fieldErrors,
      },
    };
  }
  const appError = appErrorOf(error);
  if (appError) {
    const { status, error: name } = HTTP_STATUS[appError.kind];
    return {
      status,
      body: {
        error: name,
        message: appError.message,
        ...(appError instanceof OriginRefusedError ? { useOrigin: appError.useOrigin } : {}),
        // A conflict says what is stored now (an import's apply: the rows that changed).
        ...(appError instanceof ConflictError ? { current: appError.current } : {}),
        ...codeOf(appError),
      },
    };
  }
  // The caller's own refusals (a procedure's input failing its schema) have a tRPC code only.
  if (error instanceof TRPCError && error.code !== 'INTERNAL_SERVER_ERROR') {
    return {
      status: getHTTPStatusCodeFromError(error),
      body: { error: error.code, message: error.message },
    };
  }
  return null;
}

/** Answers with the error's status and body; anything else is rethrown for Fastify to log (500). */
export function sendHttpError(reply: FastifyReply, error: unknown): FastifyReply {
  const answer = httpError(error);
  if (!answer) throw error;
  retryAfter(reply, appErrorOf(error));
  return reply.status(answer.status).send(answer.body);
}

/** A refusal for now (429) says when to try again. */
function retryAfter(reply: FastifyReply, error: AppError | null): void {
  if (error instanceof TooManyRequestsError)
    reply.header('retry-after', String(error.retryAfterSeconds));
}

/**
 * The sign-in routes answer in better-auth's shape ({ code, message }), which
 * the admin's sign-in form reads; a refused origin's code names the reason.
 */
export function sendAuthError(reply: FastifyReply, error: AppError): FastifyReply {
  const { status, error: name } = HTTP_STATUS[error.kind];
  retryAfter(reply, error);
  return reply.status(status).send({
    code: error instanceof OriginRefusedError ? 'ORIGIN_NOT_ALLOWED' : name,
    message: error.message,
    ...(error instanceof OriginRefusedError ? { useOrigin: error.useOrigin } : {}),
    ...codeOf(error),
  });
}
