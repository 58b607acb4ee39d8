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
  createCaller,
  createContextInner,
  sessionUser,
  UnauthorizedError,
  type Actor,
  type Auth,
} from '@cos/api';
import type { DatabaseHandle } from '@cos/db';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { toWebHeaders } from './auth-routes';
import { isCrossSite, type OriginPolicy } from './csrf';
import { sendHttpError } from './http-errors';
import { importApplies, runImport, type ImportAnswer, type ImportRequest } from './import-run';
import type { ImportJob } from './import-worker';
import { appWorker } from './app-workers';

export function registerImportRoute(
  app: FastifyInstance,
  handle: DatabaseHandle,
  auth: Auth,
  origins: OriginPolicy,
): void {
  // The session, looked up before the body is read: an anonymous upload is
  // refused without reading or parsing up to 64 MB of CSV.
  const users = new WeakMap<FastifyRequest, Actor>();
  // Parsing, validating and planning 200,000 rows took the event loop for seconds: a worker does it.
  const worker = appWorker<ImportJob, ImportAnswer>(app, 'import-worker');
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
        const user = users.get(request);
        if (!user) return sendHttpError(reply, new UnauthorizedError());
        const job: ImportRequest = {
          body: request.body,
          query: request.query as Record<string, string | undefined>,
        };
        const crossSite = isCrossSite(request, origins.allowed);
        const { publicOrigin } = origins;
        let answer: ImportAnswer;
        if (handle.path === ':memory:') {
          // No file the worker could open: read and checked here, as before.
          const context = createContextInner({ handle, user, crossSite, publicOrigin });
          answer = await runImport(createCaller(context), job);
        } else {
          const relaxed = importApplies(job) ? shortBusyWait(handle) : () => undefined;
          try {
            answer = await worker.run({
              ...job,
              databasePath: handle.path,
              maxPageCount: handle.sqlite.pragma('max_page_count', { simple: true }) as number,
              user,
              crossSite,
              publicOrigin,
            });
          } finally {
            relaxed();
          }
        }
        return reply
          .status(answer.status)
          .header('content-type', 'application/json; charset=utf-8')
          .send(answer.json);
      },
    );
    done();
  });
}

/**
 * While the import worker applies (and holds SQLite's write lock for the
 * whole all-or-nothing transaction), a write on this process's connection
 * would wait up to the busy timeout (5 s) with the event loop stopped. For
 * that time it waits 100 ms at most and is then refused as "the database is
 * busy, try again in a moment" (storage.busy, 503); reads go on (WAL).
 */
let applying = 0;
let usualBusyWait = 5000;
function shortBusyWait(handle: DatabaseHandle): () => void {
  if (applying === 0)
    usualBusyWait = handle.sqlite.pragma('busy_timeout', { simple: true }) as number;
  applying += 1;
  handle.sqlite.pragma('busy_timeout = 100');
  let undone = false;
  return () => {
    if (undone) return;
    undone = true;
    applying -= 1;
    if (applying === 0) handle.sqlite.pragma(`busy_timeout = ${usualBusyWait}`);
  };
}
