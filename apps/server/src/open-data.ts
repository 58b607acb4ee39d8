/**
 * Open data: REST over the same services as tRPC, for people who want plain
 * JSON or a spreadsheet. CSV starts with a UTF-8 BOM so Excel shows å/ä/ö.
 */
import { createCaller, createContextInner, directoryOut, getServices } from '@cos/api';
import type { DatabaseHandle } from '@cos/db';
import { openDataQuery } from '@cos/domain';
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { DownloadLimits } from './download-limits';
import { registerDownloads } from './download-route';
import { sendHttpError as sendError } from './http-errors';
import { dcatDocument } from './dcat';
import { openApiDocument } from './openapi';

export const DATA_LICENCE = {
  name: 'CC BY 4.0',
  url: 'https://creativecommons.org/licenses/by/4.0/',
};

export interface OpenDataOptions {
  /** The public origin the DCAT-AP-SE description names its addresses under. */
  origin?: string;
  /** Per-address bounds on the register downloads (DOWNLOADS_AT_ONCE, DOWNLOADS_PER_MINUTE). */
  downloadLimits?: DownloadLimits;
}

export function registerOpenDataRoutes(
  app: FastifyInstance,
  handle: DatabaseHandle,
  options: OpenDataOptions = {},
): void {
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
    const parsed = openDataQuery.safeParse(request.query);
    if (!parsed.success) return sendError(reply, parsed.error);
    try {
      const { demo, ...query } = parsed.data;
      // The public directory's own read, with demo members left out unless asked for.
      const result = directoryOut.parse(
        getServices(handle).directory.query(query, {
          statuses: ['published'],
          ...(demo === 'include' ? {} : { demo: false }),
        }),
      );
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

  const downloads = registerDownloads(app, handle, options.downloadLimits);
  app.get('/api/v1/members.csv', (request, reply) => downloads.send(request, reply, 'csv'));
  app.get('/api/v1/members.json', (request, reply) => downloads.send(request, reply, 'json'));

  app.get('/api/openapi.json', (_request, reply) => reply.send(openApiDocument(DATA_LICENCE)));

  // The datasets in DCAT-AP-SE for dataportal.se's harvester (dcat.ts).
  app.get('/api/dcat.rdf', async (request, reply) => {
    const origin = options.origin ?? `${request.protocol}://${request.host}`;
    const facts = await caller.openData.catalogue();
    cacheFor(reply);
    return reply
      .type('application/rdf+xml; charset=utf-8')
      .send(dcatDocument(origin, facts, DATA_LICENCE.url));
  });
}
