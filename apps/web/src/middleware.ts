/**
 * Every response gets Cache-Control and a weak ETag of its body; a request
 * whose If-None-Match names that ETag gets 304 with no body. Pages are small,
 * so reading the whole body to hash it costs little.
 */
import { defineMiddleware } from 'astro:middleware';
import { matchesEtag, weakEtag } from './lib/etag';
import { localeOf } from './lib/routes';

const DEFAULT_CACHE = 'public, max-age=60, stale-while-revalidate=300';

export const onRequest = defineMiddleware(async (context, next) => {
  const response = await next();
  const method = context.request.method;
  if (method !== 'GET' && method !== 'HEAD') return response;

  const headers = new Headers(response.headers);
  if (!headers.has('cache-control')) {
    headers.set('cache-control', response.status >= 500 ? 'no-store' : DEFAULT_CACHE);
  }
  if ((headers.get('content-type') ?? '').startsWith('text/html')) {
    headers.set('content-language', localeOf(context.url.pathname));
  }
  if (response.status !== 200) {
    return new Response(response.body, {
      status: response.status,
      statusText: response.statusText,
      headers,
    });
  }

  const body = new Uint8Array(await response.arrayBuffer());
  const etag = weakEtag(body);
  headers.set('etag', etag);
  if (matchesEtag(context.request.headers.get('if-none-match'), etag)) {
    headers.delete('content-length');
    headers.delete('content-type');
    return new Response(null, { status: 304, headers });
  }
  headers.set('content-length', String(body.byteLength));
  return new Response(body, { status: 200, headers });
});
