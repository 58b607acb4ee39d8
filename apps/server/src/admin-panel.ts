/**
 * Serves the built admin SPA (SvelteKit adapter-static, base /admin). Any
 * /admin path that is not a file gets the SPA's fallback page, which routes
 * on the client.
 */
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';

export function adminBuildFolder(): string | null {
  const require = createRequire(import.meta.url);
  let build: string;
  try {
    build = path.join(path.dirname(require.resolve('@cos/admin/package.json')), 'build');
  } catch {
    return null; // the package is not installed (an API-only deployment)
  }
  return existsSync(path.join(build, 'index.html')) ? build : null;
}

export async function registerAdminPanel(app: FastifyInstance): Promise<boolean> {
  const build = adminBuildFolder();
  if (!build) {
    app.log.warn('The admin panel is not built (pnpm build); /admin is not served');
    return false;
  }
  await app.register(fastifyStatic, {
    root: build,
    prefix: '/admin/',
    decorateReply: !app.hasReplyDecorator('sendFile'),
    wildcard: false,
    index: ['index.html'],
    setHeaders: (reply, filePath) => {
      reply.header(
        'cache-control',
        filePath.includes(`${path.sep}immutable${path.sep}`)
          ? 'public, max-age=31536000, immutable'
          : 'no-cache',
      );
    },
  });
  const fallback = (_request: FastifyRequest, reply: FastifyReply) =>
    reply.type('text/html').header('cache-control', 'no-cache').sendFile('index.html', build);
  app.get('/admin', fallback);
  app.get('/admin/*', fallback);
  return true;
}
