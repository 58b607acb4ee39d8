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
import middie from '@fastify/middie';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';

type AstroHandler = (
  req: IncomingMessage,
  res: ServerResponse,
  next: ((error?: unknown) => void) | undefined,
  locals: object,
) => Promise<void>;

const NOT_FOR_ASTRO = /^\/(?:trpc|api|admin|healthz)(?:[/?.]|$)/;

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
): Promise<boolean> {
  const dist = webDistFolder();
  if (!dist) {
    app.log.warn('The public site is not built (pnpm build); serving the API only');
    return false;
  }
  const entry = (await import(pathToFileURL(path.join(dist, 'server', 'entry.mjs')).href)) as {
    handler: AstroHandler;
  };
  // Public pages read as an anonymous visitor: one caller serves every request.
  const locals = { api: createCaller(createContextInner({ handle })) };

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
  await app.register(middie);
  app.use((req: IncomingMessage, res: ServerResponse, next: (error?: unknown) => void) => {
    if (NOT_FOR_ASTRO.test(req.url ?? '/')) return next();
    entry.handler(req, res, next, locals).catch(next);
  });
  // Unknown addresses outside the API get the site's own 404 page, in the right language.
  app.setNotFoundHandler((request, reply) => {
    if (NOT_FOR_ASTRO.test(request.url))
      return reply.status(404).send({ error: 'NOT_FOUND', message: 'No such route' });
    reply.hijack();
    entry.handler(request.raw, reply.raw, undefined, locals).catch((error: unknown) => {
      app.log.error(error, 'rendering the 404 page failed');
      if (!reply.raw.headersSent) reply.raw.writeHead(500).end();
    });
  });
  return true;
}
