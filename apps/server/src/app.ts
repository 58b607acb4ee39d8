/**
 * The Fastify application: security headers, health, auth, tRPC and the open
 * data routes. main.ts starts it; tests build it on a temporary database.
 */
import { getServices, MediaFolder, type Auth } from '@cos/api';
import type { DatabaseHandle } from '@cos/db';
import Fastify, { type FastifyServerOptions } from 'fastify';
import { registerAuthRoutes } from './auth-routes';
import { originPolicy } from './csrf';
import { registerAdminPanel } from './admin-panel';
import { mediaDirectory } from './config';
import { registerImageRoutes } from './image-route';
import type { DownloadLimits } from './download-limits';
import { registerImportRoute } from './import-route';
import { registerCompression } from './compression';
import { registerBodyRefusals, registerJsonLimits } from './json-limits';
import { registerMediaRoute } from './media-route';
import { registerShareImageRoute } from './share-image-route';
import { registerMemberExportRoute } from './member-export-route';
import { registerOpenDataRoutes } from './open-data';
import { OneLinePerRequest } from './request-log';
import { registerResponseCache, ResponseCache } from './response-cache';
import { registerOpenDataCors } from './open-data-cors';
import { registerSecurityHeaders } from './security-headers';
import { fastifyTrustProxy, type TrustProxy } from './trusted-proxy';
import { registerTrpcLimits } from './trpc-limits';
import { registerTrpcRoutes } from './trpc-route';
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
  /** Reverse proxies whose X-Forwarded-For sets request.ip (config.trustProxy); none by default. */
  trustProxy?: TrustProxy;
  /** Per-address bounds on the register downloads (config.downloadLimits). */
  downloadLimits?: DownloadLimits;
}

export async function buildApp({
  handle,
  auth,
  origin,
  allowedOrigins,
  logger = false,
  frontends = false,
  mediaDir,
  trustProxy = false,
  downloadLimits,
}: AppOptions) {
  const app = Fastify({
    logger,
    trustProxy: fastifyTrustProxy(trustProxy),
    logController: new OneLinePerRequest(),
    // Bodies above 5 MB are refused before parsing (CSV imports stream elsewhere).
    bodyLimit: 5 * 1024 * 1024,
    // tRPC's batch link puts every batched procedure name in one path segment
    // (/trpc/a.b,c.d,…); Fastify's default limit of 100 characters answered 414.
    routerOptions: { maxParamLength: 5000 },
  });

  const origins = originPolicy(origin, allowedOrigins);
  // Strict JSON bodies everywhere (depth, UTF-8) and their refusals as 4xx in our shapes.
  registerJsonLimits(app);
  registerBodyRefusals(app);

  // Order matters: security headers first, so answers from the response cache carry them too.
  registerSecurityHeaders(app, origin);
  // Open data may be read from other sites (after the security headers: it relaxes their CORP).
  registerOpenDataCors(app);
  // Batch, URL, body and anonymous answer bounds of /trpc: before the response cache, so an
  // answer over the bound is refused before it could be stored.
  registerTrpcLimits(app);
  const responseCache = new ResponseCache(() => getServices(handle).cache.versions());
  registerResponseCache(app, responseCache);
  // After the cache: it stores identity bodies (and codes those once itself); this codes the rest.
  registerCompression(app);

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

  await registerTrpcRoutes(app, { handle, auth, origins });

  registerOpenDataRoutes(app, handle, { downloadLimits, origin });
  registerImportRoute(app, handle, auth, origins);
  const media = new MediaFolder(mediaDir ?? mediaDirectory(handle.path, {}));
  registerImageRoutes(app, handle, auth, origins, media);
  registerMediaRoute(app, media);
  registerShareImageRoute(app, handle, media);
  registerMemberExportRoute(app, handle, auth, origins);
  if (frontends) {
    await registerAdminPanel(app);
    await registerWebSite(app, handle, responseCache, origins);
  }
  return app;
}
