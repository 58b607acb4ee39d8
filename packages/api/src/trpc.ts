/**
 * The tRPC base: the three procedure kinds and nothing else.
 * Errors are shaped so a client can show each bad field's message:
 * data.fieldErrors (top-level field → messages) and data.issues (full path).
 */
import { initTRPC, TRPCError } from '@trpc/server';
import { ZodError, z } from 'zod';
import type { Context } from './context';
import { ConflictError, FieldError, OriginRefusedError, storageUnavailable } from './errors';

export interface FieldIssue {
  path: string;
  message: string;
}

const t = initTRPC.context<Context>().create({
  errorFormatter({ shape, error }) {
    const cause = error.cause;
    let fieldErrors: Record<string, string[]> | null = null;
    let issues: FieldIssue[] | null = null;
    let message = shape.message;
    if (cause instanceof ZodError) {
      fieldErrors = z.flattenError(cause).fieldErrors;
      issues = cause.issues.map((i) => ({
        path: i.path.map(String).join('.'),
        message: i.message,
      }));
      message = issues.map((i) => (i.path ? `${i.path}: ${i.message}` : i.message)).join('; ');
    } else if (error instanceof FieldError) {
      fieldErrors = { [error.field]: [error.message.slice(error.field.length + 2)] };
      issues = [{ path: error.field, message: error.message.slice(error.field.length + 2) }];
    }
    // Never leak internals of unexpected errors to clients.
    if (error.code === 'INTERNAL_SERVER_ERROR') message = 'Internal server error';
    return {
      ...shape,
      message,
      data: {
        code: shape.data.code,
        httpStatus: shape.data.httpStatus,
        path: shape.data.path,
        fieldErrors,
        issues,
        current: error instanceof ConflictError ? error.current : undefined,
        useOrigin: error instanceof OriginRefusedError ? error.useOrigin : undefined,
      },
    };
  },
});

export const createTRPCRouter = t.router;
export const createCallerFactory = t.createCallerFactory;
export const mergeRouters = t.mergeRouters;

/** A full disk or read-only database file answers 503 with a clear message, not a bare 500. */
export const publicProcedure = t.procedure.use(async ({ next }) => {
  const result = await next();
  if (!result.ok) {
    const unavailable = storageUnavailable(result.error.cause);
    if (unavailable) throw unavailable;
  }
  return result;
});

/** Signed in; mutations must come from our own pages (no cross-site requests). */
export const protectedProcedure = publicProcedure.use(({ ctx, type, next }) => {
  if (!ctx.user) throw new TRPCError({ code: 'UNAUTHORIZED', message: 'Sign in first' });
  if (type === 'mutation' && ctx.crossSite) {
    throw new OriginRefusedError(ctx.publicOrigin);
  }
  return next({ ctx: { ...ctx, user: ctx.user } });
});

export const adminProcedure = protectedProcedure.use(({ ctx, next }) => {
  if (ctx.user.role !== 'admin')
    throw new TRPCError({ code: 'FORBIDDEN', message: 'Only administrators may do this' });
  return next();
});
