/**
 * GET /media/<hash>-<width>.webp — the stored widths of uploaded images. A
 * name is derived from the file's content, so what it holds never changes:
 * browsers and proxies may keep it for a year without asking again
 * (immutable), and the ETag is the name itself. Only names of that exact
 * form are looked up, so no request can reach outside the media folder.
 */
import { createReadStream, statSync } from 'node:fs';
import { MEDIA_FILE_NAME, type MediaFolder } from '@cos/api';
import type { FastifyInstance } from 'fastify';

export const MEDIA_CACHE_CONTROL = 'public, max-age=31536000, immutable';

export function registerMediaRoute(app: FastifyInstance, folder: MediaFolder): void {
  app.get('/media/:file', async (request, reply) => {
    const { file } = request.params as { file: string };
    const match = MEDIA_FILE_NAME.exec(file);
    const notFound = () =>
      reply
        .status(404)
        .header('cache-control', 'no-store')
        .send({ error: 'NOT_FOUND', message: 'No such image' });
    if (!match) return notFound();
    const filePath = folder.filePath(match[1] ?? '', Number(match[2]));
    let size: number;
    try {
      size = statSync(filePath).size;
    } catch {
      return notFound();
    }
    const etag = `"${match[1]}-${match[2]}"`;
    reply
      .header('cache-control', MEDIA_CACHE_CONTROL)
      .header('etag', etag)
      .header('x-content-type-options', 'nosniff');
    const ifNoneMatch = request.headers['if-none-match'];
    if (ifNoneMatch?.split(',').some((t) => t.trim().replace(/^W\//, '') === etag))
      return reply.status(304).send();
    return reply.type('image/webp').header('content-length', size).send(createReadStream(filePath));
  });
}
