/**
 * Mounts the Astro public site (built with @astrojs/node in middleware mode).
 * Each page request gets an in-process tRPC caller through Astro.locals.api,
 * so server-rendered pages call procedures without an HTTP hop. Paths that
 * belong to the API, the admin or health checks never reach Astro.
 */
import { existsSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { createCaller, createContextInner } from '@cos/api';
import type { DatabaseHandle } from '@cos/db';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import { encodePage } from './compression';
import { isCrossSite, type OriginPolicy } from './csrf';
import type { ResponseCache } from './response-cache';

type AstroHandler = (
  req: IncomingMessage,
  res: ServerResponse,
  next: ((error?: unknown) => void) | undefined,
  locals: object,
) => Promise<void>;

const NOT_FOR_ASTRO = /^\/(?:trpc|api|admin|healthz)(?:[/?.]|$)/;

/**
 * The largest form body a page takes: the join form's longest message (5,000
 * characters, up to 4 bytes each, percent-encoded) fits with room; a 100 kB
 * message still arrives, so the page can say which field is too long.
 */
const FORM_BODY_LIMIT = 1024 * 1024;

/** The built site's folder (apps/web/dist), or null when it has not been built. */
export function webDistFolder(): string | null {
  const require = createRequire(import.meta.url);
  let dist: string;
  try {
    dist = path.join(path.dirname(require.resolve('@cos/web/package.json')), 'dist');
  } catch {
    return null; // the package is not installed (an API-only deployment)
  }
  return existsSync(path.join(dist, 'server', 'entry.mjs')) ? dist : null;
}

export async function registerWebSite(
  app: FastifyInstance,
  handle: DatabaseHandle,
  cache: ResponseCache,
  origins?: OriginPolicy,
): Promise<boolean> {
  const dist = webDistFolder();
  if (!dist) {
    app.log.warn('The public site is not built (pnpm build); serving the API only');
    return false;
  }
  const entry = (await import(pathToFileURL(path.join(dist, 'server', 'entry.mjs')).href)) as {
    handler: AstroHandler;
  };
  // Public pages read as an anonymous visitor: one caller serves every GET.
  const api = createCaller(createContextInner({ handle }));
  // A form the site posts to itself (no JavaScript needed) arrives form-encoded: read here,
  // bounded, and handed to Astro as the request's body (its node adapter takes `req.body`).
  app.addContentTypeParser(
    'application/x-www-form-urlencoded',
    { parseAs: 'buffer', bodyLimit: FORM_BODY_LIMIT },
    (_request, body, done) => {
      done(null, body);
    },
  );

  await app.register(fastifyStatic, {
    root: path.join(dist, 'client'),
    prefix: '/',
    wildcard: false,
    index: false,
    decorateReply: !app.hasReplyDecorator('sendFile'),
    setHeaders: (reply, filePath) => {
      // Astro fingerprints /_astro/* file names: they never change.
      reply.header(
        'cache-control',
        filePath.includes(`${path.sep}_astro${path.sep}`)
          ? 'public, max-age=31536000, immutable'
          : 'public, max-age=3600',
      );
    },
  });
  // Astro's pages are not Fastify routes, so they are exactly the requests Fastify finds no route
  // for: rendering them from the not-found handler keeps the API's own requests free of any
  // middleware pass (a middie layer in front of every request cost the API ~12 % of its time).
  // Astro calls `next` when it has no page either; then it renders its 404 page in the
  // visitor's language. Astro writes to the raw response, so the security headers set in onRequest
  // are copied onto it, and a page that may be cached is handed back through `remember`.
  app.setNotFoundHandler((request, reply) => {
    if (NOT_FOR_ASTRO.test(request.url))
      return reply.status(404).send({ error: 'NOT_FOUND', message: 'No such route' });
    const reads = request.responseCacheReads;
    const posted = request.method !== 'GET' && request.method !== 'HEAD';
    if (posted && Buffer.isBuffer(request.body))
      (request.raw as { body?: Buffer }).body = request.body;
    const crossSite = posted && origins !== undefined && isCrossSite(request, origins.allowed);
    const locals = {
      // A posted form gets a caller of its own that knows the client's address (as Fastify
      // resolved it, trusting only the configured proxies: never a header the browser chose)
      // and whether the post came from another site, which the public forms refuse.
      api: posted
        ? createCaller(
            createContextInner({
              handle,
              crossSite,
              clientAddress: request.ip,
              ...(origins ? { publicOrigin: origins.publicOrigin } : {}),
            }),
          )
        : api,
      crossSite,
      // The page's procedure calls record what they read into the request's log (read-scopes).
      remember:
        reads === null
          ? undefined
          : (headers: Record<string, string>, body: Buffer) => {
              cache.set(request.url, reads, headers, body);
            },
      // Pages are coded (brotli/gzip) here: Astro writes past Fastify's onSend hooks.
      encode: (headers: Record<string, string>, body: Buffer, notModified?: boolean) =>
        encodePage(request.headers['accept-encoding'], { headers, body }, notModified),
    };
    for (const [name, value] of Object.entries(reply.getHeaders())) {
      if (value !== undefined) reply.raw.setHeader(name, value);
    }
    reply.hijack();
    const fail = (error: unknown) => {
      app.log.error(error, 'rendering a page failed');
      if (!reply.raw.headersSent) reply.raw.writeHead(500).end();
    };
    const notFoundPage = () => {
      entry.handler(request.raw, reply.raw, undefined, locals).catch(fail);
    };
    entry.handler(request.raw, reply.raw, notFoundPage, locals).catch(fail);
  });
  return true;
}
