/**
 * Every response gets Cache-Control and a weak ETag of its body; a request
 * whose If-None-Match names that ETag gets 304 with no body (`etag` and
 * `fresh` are the validators Express uses). A 200 page is handed to the
 * server's response cache through `locals.remember`, when the server offers
 * it for this request, so the next visitor gets the stored bytes. The server
 * codes what is sent (brotli/gzip per Accept-Encoding) through `locals.encode`.
 */
import { defineMiddleware } from 'astro:middleware';
import { etag } from 'etag';
import fresh from 'fresh';
import { localeOf } from './lib/routes';

/** zlib's and Buffer.from's bytes live in a plain ArrayBuffer (never a shared one), as BodyInit wants. */
const bytes = (body: Buffer) => body as Buffer<ArrayBuffer>;

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
  const encode = context.locals.encode;
  if (response.status !== 200) {
    // Error pages are HTML too: coded when the server offers it (a page body is small).
    if (!encode || !response.body || response.status === 304)
      return new Response(response.body, {
        status: response.status,
        statusText: response.statusText,
        headers,
      });
    const coded = await encode(
      Object.fromEntries(headers),
      Buffer.from(await response.arrayBuffer()),
    );
    return new Response(bytes(coded.body), {
      status: response.status,
      statusText: response.statusText,
      headers: { ...coded.headers, 'content-length': String(coded.body.byteLength) },
    });
  }

  const body = Buffer.from(await response.arrayBuffer());
  const tag = etag(body, { weak: true });
  headers.set('etag', tag);
  // A page marked no-store (a form with its one-time token) is never handed to the server's cache.
  if (!(headers.get('cache-control') ?? '').includes('no-store'))
    context.locals.remember?.(Object.fromEntries(headers), body);
  const ifNoneMatch = context.request.headers.get('if-none-match') ?? undefined;
  if (fresh({ 'if-none-match': ifNoneMatch }, { etag: tag })) {
    const vary = encode && (await encode(Object.fromEntries(headers), body, true)).headers.vary;
    headers.delete('content-length');
    headers.delete('content-type');
    if (vary) headers.set('vary', vary);
    return new Response(null, { status: 304, headers });
  }
  if (encode) {
    const coded = await encode(Object.fromEntries(headers), body);
    return new Response(bytes(coded.body), {
      status: 200,
      headers: { ...coded.headers, 'content-length': String(coded.body.byteLength) },
    });
  }
  headers.set('content-length', String(body.byteLength));
  return new Response(body, { status: 200, headers });
});
