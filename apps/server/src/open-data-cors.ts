/**
 * Open data for other sites: any origin may read `/api/v1/*` (and the
 * OpenAPI document, /api/openapi.json) from a browser
 * (GET and HEAD, with a preflight answered for the headers a client adds,
 * such as If-None-Match). The answer says `Access-Control-Allow-Origin: *`
 * and a cross-origin resource policy that lets another site use it; the
 * rest of the site keeps `same-origin` (helmet's default), so /trpc, the auth
 * routes, the admin and the pages stay closed to other origins. With `*` a
 * browser never sends cookies along, so a visitor's session cannot leak
 * into another site's reads.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';

const PREFIX = '/api/v1/';
const READS = new Set(['GET', 'HEAD']);
/** Headers a script elsewhere may read besides the safelisted ones. */
const EXPOSED = 'ETag, Last-Modified, Link, Content-Disposition, Content-Length';
/** A day: how long a browser may reuse a preflight's answer. */
const PREFLIGHT_MAX_AGE = String(24 * 60 * 60);

/** The open-data routes and the OpenAPI document that describes them. */
const isOpenData = (request: Pick<FastifyRequest, 'url'>) =>
  request.url.startsWith(PREFIX) || request.url.split('?')[0] === '/api/openapi.json';

export function registerOpenDataCors(app: FastifyInstance): void {
  app.addHook('onRequest', async (request, reply) => {
    if (!isOpenData(request)) return;
    if (request.method === 'OPTIONS') {
      const asked = request.headers['access-control-request-method'];
      // Only reads are open: a preflight for anything else gets no permission.
      if (typeof asked === 'string' && READS.has(asked.toUpperCase())) {
        reply.headers({
          'access-control-allow-origin': '*',
          'access-control-allow-methods': 'GET, HEAD',
          'access-control-allow-headers':
            request.headers['access-control-request-headers'] ?? 'Accept',
          'access-control-max-age': PREFLIGHT_MAX_AGE,
          vary: 'Access-Control-Request-Headers',
        });
      }
      return reply.code(204).header('cache-control', 'no-store').send();
    }
    if (!READS.has(request.method)) return;
    reply.headers({
      'access-control-allow-origin': '*',
      'access-control-expose-headers': EXPOSED,
      'cross-origin-resource-policy': 'cross-origin',
    });
  });
}
