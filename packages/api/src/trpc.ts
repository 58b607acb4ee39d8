/**
 * The tRPC base: the three procedure kinds and nothing else.
 * Errors are shaped so a client can show each bad field's message:
 * data.fieldErrors (top-level field → messages) and data.issues (full path);
 * trpc-errors.ts holds that shape and the mapping from application errors.
 */
import { initTRPC } from '@trpc/server';
import type { Context } from './context';
import { recordReads, recordUndescribedRead, type DataScope } from './read-scopes';
import {
  BadRequestError,
  coded,
  ConflictError,
  OriginRefusedError,
  UnauthorizedError,
} from './errors';
import { nameConflictAuthor } from './services/conflict-author';
import { assertAdmin } from './services/permissions';
import { appErrorOf, formatError, toTRPCError } from './trpc-errors';

export type { FieldIssue } from './trpc-errors';

/** What a procedure declares about itself. */
export interface ProcedureMeta {
  /**
   * The data scopes a query reads, for the server's stored answers (see
   * read-scopes.ts): its answer stays valid while they are unchanged. A
   * query without it counts as reading everything.
   */
  reads?: readonly DataScope[];
}

const t = initTRPC
  .context<Context>()
  .meta<ProcedureMeta>()
  .create({
    errorFormatter: ({ shape, error }) => formatError(shape, error),
  });

export const createTRPCRouter = t.router;
export const createCallerFactory = t.createCallerFactory;
export const mergeRouters = t.mergeRouters;

/**
 * Every procedure's outermost step: an application error thrown anywhere
 * below (a service, a later middleware) becomes its tRPC error here, once;
 * so does a full disk or read-only database file (503 with a clear message,
 * not a bare 500).
 */
export const publicProcedure = t.procedure.use(async ({ ctx, meta, type, next }) => {
  if (type === 'query') {
    if (meta?.reads) recordReads(meta.reads);
    else recordUndescribedRead();
  }
  const result = await next();
  if (!result.ok) {
    const appError = appErrorOf(result.error.cause);
    // A conflict names who saved the version it reports, and when.
    if (appError instanceof ConflictError) nameConflictAuthor(ctx.services.audit, appError);
    if (appError) throw toTRPCError(appError);
  }
  return result;
});

/** Signed in; mutations must come from our own pages (no cross-site requests). */
export const protectedProcedure = publicProcedure.use(({ ctx, type, next }) => {
  if (!ctx.user) throw new UnauthorizedError();
  if (type === 'mutation' && ctx.crossSite) {
    throw new OriginRefusedError(ctx.publicOrigin);
  }
  return next({ ctx: { ...ctx, user: ctx.user } });
});

/**
 * Anonymous public forms (join requests, update suggestions): from our own
 * pages only, and only through a transport that knows the client's address
 * (the per-address limit counts it; it never comes from the input). Queries
 * pass unchanged.
 */
export const publicFormProcedure = publicProcedure.use(({ ctx, type, next }) => {
  if (type !== 'mutation') return next();
  if (ctx.crossSite)
    throw new OriginRefusedError(ctx.publicOrigin, coded('publicForm.crossSite', {}));
  if (!ctx.clientAddress) throw new BadRequestError(coded('publicForm.noAddress', {}));
  return next({ ctx: { ...ctx, clientAddress: ctx.clientAddress } });
});

export const adminProcedure = protectedProcedure.use(({ ctx, next }) => {
  assertAdmin(ctx.user, 'any');
  return next();
});
