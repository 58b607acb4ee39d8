/**
 * Open data: REST over the same services as tRPC, for people who want plain
 * JSON or a spreadsheet. CSV starts with a UTF-8 BOM so Excel shows å/ä/ö.
 */
import { pipeline, Readable } from 'node:stream';
import {
  createCaller,
  createContextInner,
  exportPublishedMembers,
  jsonArrayChunks,
  MEMBER_CSV_OPTIONS,
  type ExportRow,
} from '@cos/api';
import { openDatabase, type DatabaseHandle } from '@cos/db';
import { memberDirectoryQuery, type MemberDirectoryQuery } from '@cos/domain';
import { stringify } from 'csv-stringify';
import type { FastifyInstance, FastifyReply } from 'fastify';
import { sendHttpError as sendError } from './http-errors';
import { openApiDocument } from './openapi';

export const DATA_LICENCE = {
  name: 'CC BY 4.0',
  url: 'https://creativecommons.org/licenses/by/4.0/',
};

/**
 * The rows of a download, read through a connection of its own. A download
 * streams for as long as the client reads; a statement left open on the
 * shared connection meanwhile made every write fail ("connection is busy"),
 * and forever after a client gave up halfway. Its own read-only connection
 * reads one consistent snapshot (WAL) and is closed when the rows run out or
 * the stream is destroyed (the generator's finally).
 */
let downloadConnections = 0;

/** Download connections open right now (tests check that a cancelled download closes its own). */
export function openDownloadConnections(): number {
  return downloadConnections;
}

function* downloadRows(handle: DatabaseHandle, query: MemberDirectoryQuery): Generator<ExportRow> {
  // An in-memory database has no file another connection could open.
  if (handle.path === ':memory:') {
    yield* exportPublishedMembers(handle.sqlite, query);
    return;
  }
  const reader = openDatabase({ url: handle.path, readonly: true });
  downloadConnections += 1;
  try {
    yield* exportPublishedMembers(reader.sqlite, query);
  } finally {
    reader.close();
    downloadConnections -= 1;
  }
}

/** Never called with an error worth more than the stream's own handling (Fastify logs those). */
const streamDone = () => undefined;

export function registerOpenDataRoutes(app: FastifyInstance, handle: DatabaseHandle): void {
  const caller = createCaller(createContextInner({ handle }));
  const cacheFor = (reply: FastifyReply) => reply.header('cache-control', 'public, max-age=60');

  app.get('/api/v1/areas', async (_request, reply) => {
    cacheFor(reply);
    return { licence: DATA_LICENCE, items: await caller.area.list() };
  });

  app.get('/api/v1/clusters', async (_request, reply) => {
    cacheFor(reply);
    return { licence: DATA_LICENCE, items: await caller.cluster.list() };
  });

  app.get('/api/v1/members', async (request, reply) => {
    const parsed = memberDirectoryQuery.safeParse(request.query);
    if (!parsed.success) return sendError(reply, parsed.error);
    try {
      const result = await caller.member.directory(parsed.data);
      cacheFor(reply);
      return { licence: DATA_LICENCE, ...result };
    } catch (error) {
      return sendError(reply, error);
    }
  });

  app.get('/api/v1/members/:slug', async (request, reply) => {
    try {
      const { slug } = request.params as { slug: string };
      return await caller.member.bySlug({ slug });
    } catch (error) {
      return sendError(reply, error);
    }
  });

  app.get('/api/v1/members.csv', (request, reply) => {
    const parsed = memberDirectoryQuery.safeParse(request.query);
    if (!parsed.success) return sendError(reply, parsed.error);
    // pipeline, not pipe: when the client goes away Fastify destroys `csv`, and pipeline passes
    // that on to the rows, which closes their connection.
    const csv = pipeline(
      Readable.from(downloadRows(handle, parsed.data)),
      stringify(MEMBER_CSV_OPTIONS),
      streamDone,
    );
    return reply
      .header('content-type', 'text/csv; charset=utf-8')
      .header('content-disposition', 'attachment; filename="clusters-of-skane-members.csv"')
      .send(csv);
  });

  app.get('/api/v1/members.json', (request, reply) => {
    const parsed = memberDirectoryQuery.safeParse(request.query);
    if (!parsed.success) return sendError(reply, parsed.error);
    return reply
      .header('content-type', 'application/json; charset=utf-8')
      .header('content-disposition', 'attachment; filename="clusters-of-skane-members.json"')
      .send(Readable.from(jsonArrayChunks(downloadRows(handle, parsed.data))));
  });

  app.get('/api/openapi.json', (_request, reply) => reply.send(openApiDocument(DATA_LICENCE)));
}
