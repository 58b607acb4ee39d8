/**
 * The Fastify application: security headers, health, auth, tRPC and the open
 * data routes. main.ts starts it; tests build it on a temporary database.
 */
import {
  appRouter,
  createContextInner,
  getServices,
  MediaFolder,
  sessionUser,
  type Auth,
} from '@cos/api';
import type { DatabaseHandle } from '@cos/db';
import { fastifyTRPCPlugin, type FastifyTRPCPluginOptions } from '@trpc/server/adapters/fastify';
import Fastify, { type FastifyServerOptions } from 'fastify';
import { registerAuthRoutes, toWebHeaders } from './auth-routes';
import { isCrossSite, originPolicy } from './csrf';
import { registerAdminPanel } from './admin-panel';
import { mediaDirectory } from './config';
import { registerImageRoutes } from './image-route';
import { registerImportRoute } from './import-route';
import { registerMediaRoute } from './media-route';
import { registerMemberExportRoute } from './member-export-route';
import { registerOpenDataRoutes } from './open-data';
import { OneLinePerRequest } from './request-log';
import { registerResponseCache, ResponseCache } from './response-cache';
import { registerSecurityHeaders } from './security-headers';
import { registerWebSite } from './web-site';

export interface AppOptions {
  handle: DatabaseHandle;
  auth: Auth;
  /** The public origin, e.g. http://localhost:3000. */
  origin: string;
  /** Origins that may sign in and write (config.allowedOrigins); the public origin alone by default. */
  allowedOrigins?: readonly string[];
  logger?: FastifyServerOptions['logger'];
  /** Serve the built public site at / and the admin at /admin (when built). */
  frontends?: boolean;
  /** Uploaded images' folder (config.mediaDir); beside the database file by default. */
  mediaDir?: string;
}

export async function buildApp({
  handle,
  auth,
  origin,
  allowedOrigins,
  logger = false,
  frontends = false,
  mediaDir,
}: AppOptions) {
  const app = Fastify({
    logger,
    logController: new OneLinePerRequest(),
    // Bodies above 5 MB are refused before parsing (CSV imports stream elsewhere).
    bodyLimit: 5 * 1024 * 1024,
    // tRPC's batch link puts every batched procedure name in one path segment
    // (/trpc/a.b,c.d,…); Fastify's default limit of 100 characters answered 414.
    routerOptions: { maxParamLength: 5000 },
  });

  const origins = originPolicy(origin, allowedOrigins);

  // Order matters: security headers first, so answers from the response cache carry them too.
  registerSecurityHeaders(app, origin);
  const responseCache = new ResponseCache(() => getServices(handle).cache.version());
  registerResponseCache(app, responseCache);

  app.get('/healthz', async (_request, reply) => {
    try {
      handle.sqlite.prepare('SELECT count(*) FROM areas').get();
      return await reply.send({ status: 'ok' });
    } catch (error) {
      app.log.error(error, 'health check failed');
      return reply.status(503).send({ status: 'unavailable' });
    }
  });

  registerAuthRoutes(app, auth, origins);

  await app.register(fastifyTRPCPlugin, {
    prefix: '/trpc',
    trpcOptions: {
      router: appRouter,
      createContext: async ({ req }) => {
        // Public reads carry no cookie: skip the session lookup for them.
        const user = req.headers.cookie ? await sessionUser(auth, handle, toWebHeaders(req)) : null;
        return createContextInner({
          handle,
          user,
          crossSite: isCrossSite(req, origins.allowed),
          publicOrigin: origins.publicOrigin,
        });
      },
      onError({ error, path }) {
        if (error.code === 'INTERNAL_SERVER_ERROR')
          app.log.error({ err: error, path }, 'tRPC internal error');
      },
    } satisfies FastifyTRPCPluginOptions<typeof appRouter>['trpcOptions'],
  });

  registerOpenDataRoutes(app, handle);
  registerImportRoute(app, handle, auth, origins);
  const media = new MediaFolder(mediaDir ?? mediaDirectory(handle.path, {}));
  registerImageRoutes(app, handle, auth, origins, media);
  registerMediaRoute(app, media);
  registerMemberExportRoute(app, handle, auth, origins);
  if (frontends) {
    await registerAdminPanel(app);
    await registerWebSite(app, handle, responseCache);
  }
  return app;
}
