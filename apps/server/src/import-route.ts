/**
 * POST /api/admin/members/import — a CSV file as the request body
 * (text/csv, up to 64 MB), for imports too large for a JSON tRPC call.
 * The body is read as bytes and decoded by the domain's reader (UTF-8 with
 * or without BOM, Windows-1252, ISO-8859-1; ?encoding= forces one), so a
 * Swedish Excel file keeps its å, ä and ö. ?dryRun=false applies (default:
 * check only), ?skipDuplicates=false keeps likely duplicates, ?mode=upsert
 * updates members matched by organisation number or slug. Signed-in users
 * only, same-origin only, and it runs the very same procedure as
 * member.admin.import; the report adds the column mapping and how the file
 * was read (`reading`). A body of application/json is that procedure's
 * input verbatim (the admin sends rows it read itself, with their lines and
 * the versions its preview saw) and gets its report.
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
import { isCsvEncoding } from '@cos/domain';
import { CsvError } from 'csv-parse/sync';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { toWebHeaders } from './auth-routes';
import { isCrossSite, type OriginPolicy } from './csrf';
import { readMemberCsvBytes } from './csv-rows';
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
    // Bytes, not a string: Fastify would decode every body as UTF-8. Windows
    // browsers label a .csv file application/vnd.ms-excel.
    scope.addContentTypeParser(
      [
        'text/csv',
        'text/plain',
        'text/tab-separated-values',
        'application/vnd.ms-excel',
        'application/octet-stream',
      ],
      { parseAs: 'buffer', bodyLimit: 64 * 1024 * 1024 },
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
          // application/json: the member.admin.import input as it is (rows the admin read,
          // with lines, mode and the preview's versions), too large for a tRPC call.
          if (isJsonInput(request.body)) {
            return await reply.send(await caller.member.admin.import(request.body as never));
          }
          if (!(request.body instanceof Uint8Array))
            throw new BadRequestError(coded('request.csvType', {}));
          const encoding = query.encoding?.toLowerCase();
          if (encoding !== undefined && !isCsvEncoding(encoding))
            throw new BadRequestError(coded('csv.encodingUnknown', { encoding }));
          const { rows, lines, mapping, reading } = readMemberCsvBytes(request.body, { encoding });
          const report = await caller.member.admin.import({
            rows,
            lines,
            dryRun: query.dryRun !== 'false',
            skipDuplicates: query.skipDuplicates !== 'false',
            mode: query.mode === 'upsert' ? 'upsert' : 'create',
          });
          return await reply.send({ mapping, reading, ...report });
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

/** A parsed JSON body (Fastify's own parser, under this route's body limit). */
function isJsonInput(body: unknown): body is object {
  return typeof body === 'object' && body !== null && !(body instanceof Uint8Array);
}
