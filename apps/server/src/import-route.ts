/**
 * POST /api/admin/members/import — a CSV file as the request body
 * (text/csv, up to 64 MB), for imports too large for a JSON tRPC call.
 * ?dryRun=false applies (default: check only), ?skipDuplicates=false keeps
 * likely duplicates. Signed-in users only, same-origin only, and it runs the
 * very same procedure as member.admin.import.
 */
import {
  createCaller,
  createContextInner,
  OriginRefusedError,
  sessionUser,
  type Auth,
  type SessionUser,
} from '@cos/api';
import type { DatabaseHandle } from '@cos/db';
import { TRPCError } from '@trpc/server';
import { getHTTPStatusCodeFromError } from '@trpc/server/http';
import { CsvError } from 'csv-parse/sync';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { toWebHeaders } from './auth-routes';
import { isCrossSite, type OriginPolicy } from './csrf';
import { readMemberCsv } from './csv-rows';

export function registerImportRoute(
  app: FastifyInstance,
  handle: DatabaseHandle,
  auth: Auth,
  origins: OriginPolicy,
): void {
  // The session, looked up before the body is read: an anonymous upload is
  // refused without reading or parsing up to 64 MB of CSV.
  const users = new WeakMap<FastifyRequest, SessionUser>();
  app.register((scope, _options, done) => {
    scope.addContentTypeParser(
      ['text/csv', 'text/plain'],
      { parseAs: 'string', bodyLimit: 64 * 1024 * 1024 },
      (_req, body, next) => next(null, body),
    );
    scope.post(
      '/api/admin/members/import',
      {
        bodyLimit: 64 * 1024 * 1024,
        onRequest: async (request, reply) => {
          const user = request.headers.cookie
            ? await sessionUser(auth, handle, toWebHeaders(request))
            : null;
          if (!user)
            return reply.status(401).send({ error: 'UNAUTHORIZED', message: 'Sign in first' });
          users.set(request, user);
        },
      },
      async (request, reply) => {
        const user = users.get(request) ?? null;
        const caller = createCaller(
          createContextInner({
            handle,
            user,
            crossSite: isCrossSite(request, origins.allowed),
            publicOrigin: origins.publicOrigin,
          }),
        );
        const query = request.query as Record<string, string | undefined>;
        try {
          if (typeof request.body !== 'string')
            throw new TRPCError({ code: 'BAD_REQUEST', message: 'Send the CSV file as text/csv' });
          const { rows, mapping } = readMemberCsv(request.body);
          const report = await caller.member.admin.import({
            rows,
            dryRun: query.dryRun !== 'false',
            skipDuplicates: query.skipDuplicates !== 'false',
          });
          return await reply.send({ mapping, ...report });
        } catch (error) {
          if (error instanceof TRPCError) {
            return reply.status(getHTTPStatusCodeFromError(error)).send({
              error: error.code,
              message: error.message,
              ...(error instanceof OriginRefusedError ? { useOrigin: error.useOrigin } : {}),
            });
          }
          // Every csv-parse error (not all their codes start with CSV_, e.g. INVALID_OPENING_QUOTE).
          if (error instanceof CsvError) {
            return reply
              .status(400)
              .send({ error: 'BAD_REQUEST', message: `CSV: ${error.message}` });
          }
          throw error;
        }
      },
    );
    done();
  });
}
