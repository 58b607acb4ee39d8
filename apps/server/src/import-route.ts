/**
 * POST /api/admin/members/import — a CSV file as the request body
 * (text/csv, up to 64 MB), for imports too large for a JSON tRPC call.
 * ?dryRun=false applies (default: check only), ?skipDuplicates=false keeps
 * likely duplicates. Signed-in users only, same-origin only, and it runs the
 * very same procedure as member.admin.import.
 */
import {
  BadRequestError,
  coded,
  createCaller,
  createContextInner,
  sessionUser,
  UnauthorizedError,
  type Actor,
  type Auth,
} from '@cos/api';
import type { DatabaseHandle } from '@cos/db';
import { CsvError } from 'csv-parse/sync';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { toWebHeaders } from './auth-routes';
import { isCrossSite, type OriginPolicy } from './csrf';
import { readMemberCsv } from './csv-rows';
import { sendHttpError } from './http-errors';

export function registerImportRoute(
  app: FastifyInstance,
  handle: DatabaseHandle,
  auth: Auth,
  origins: OriginPolicy,
): void {
  // The session, looked up before the body is read: an anonymous upload is
  // refused without reading or parsing up to 64 MB of CSV.
  const users = new WeakMap<FastifyRequest, Actor>();
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
          if (!user) return sendHttpError(reply, new UnauthorizedError());
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
            throw new BadRequestError(coded('request.csvType', {}));
          const { rows, mapping } = readMemberCsv(request.body);
          const report = await caller.member.admin.import({
            rows,
            dryRun: query.dryRun !== 'false',
            skipDuplicates: query.skipDuplicates !== 'false',
          });
          return await reply.send({ mapping, ...report });
        } catch (error) {
          // Every csv-parse error (not all their codes start with CSV_, e.g. INVALID_OPENING_QUOTE).
          if (error instanceof CsvError)
            return sendHttpError(
              reply,
              new BadRequestError(coded('request.csvUnreadable', { detail: error.message })),
            );
          return sendHttpError(reply, error);
        }
      },
    );
    done();
  });
}
