/**
 * GET /share/<locale>/<kind>/<slug>.<version>.png — the pages' share images
 * (Open Graph, Twitter cards), drawn by @cos/api's ShareImages. The version in
 * the address is a hash of what the card shows, so the current address never
 * changes what it holds: immutable for a year. An older version (a link shared
 * before an edit) is redirected to the current one, briefly cacheable; a page
 * that does not exist (or is not published) answers 404.
 */
import path from 'node:path';
import { getServices, ShareImages, type MediaFolder } from '@cos/api';
import type { DatabaseHandle } from '@cos/db';
import {
  parseShareFile,
  SHARE_IMAGE,
  SHARE_KINDS,
  sharePath,
  shareVersion,
  type ShareKind,
} from '@cos/domain/share';
import type { FastifyInstance } from 'fastify';
import { webDistFolder } from './web-site';

export const SHARE_CACHE_CONTROL = 'public, max-age=31536000, immutable';
/** A stale version's redirect: the content may change again, so only briefly. */
const REDIRECT_CACHE_CONTROL = 'public, max-age=300';

export function registerShareImageRoute(
  app: FastifyInstance,
  handle: DatabaseHandle,
  media: MediaFolder,
): void {
  const web = webDistFolder();
  const shares = new ShareImages(getServices(handle), media, {
    // Beside the uploads: one place to back up or clear, shared by every worker process.
    cacheDir: path.join(media.dir, 'share'),
    artDir: web ? path.join(web, 'client', 'images', 'areas') : null,
  });

  app.get('/share/:locale/:kind/:file', async (request, reply) => {
    const params = request.params as { locale: string; kind: string; file: string };
    const notFound = () =>
      reply
        .status(404)
        .header('cache-control', 'no-store')
        .send({ error: 'NOT_FOUND', message: 'No such share image' });
    const locale = params.locale === 'sv' || params.locale === 'en' ? params.locale : null;
    const kind = SHARE_KINDS.find((k): k is ShareKind => k === params.kind);
    const file = parseShareFile(params.file);
    if (!locale || !kind || !file) return notFound();
    const card = shares.card(locale, kind, file.slug);
    if (!card) return notFound();
    const version = shareVersion(card);
    if (version !== file.version) {
      return reply.header('cache-control', REDIRECT_CACHE_CONTROL).redirect(sharePath(card), 302);
    }
    const etag = `"${version}"`;
    reply
      .header('cache-control', SHARE_CACHE_CONTROL)
      .header('etag', etag)
      .header('x-content-type-options', 'nosniff');
    const ifNoneMatch = request.headers['if-none-match'];
    if (ifNoneMatch?.split(',').some((t) => t.trim().replace(/^W\//, '') === etag))
      return reply.status(304).send();
    const bytes = await shares.png(card);
    return reply.type(SHARE_IMAGE.type).header('content-length', bytes.length).send(bytes);
  });
}
