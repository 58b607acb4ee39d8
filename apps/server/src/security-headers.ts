/**
 * Security headers on every response (CSP without inline scripts, nosniff,
 * Referrer-Policy, frame protections …), with helmet deciding their values.
 * HSTS only when the public origin is https: over http a browser ignores it,
 * and a proxy that adds TLS in front can then send its own.
 *
 * Every answer to a signed-in request (a session cookie or an Authorization
 * header) and every auth route's answer carries `Cache-Control: private,
 * no-store`, whatever the route set: no browser or shared cache may keep
 * what a signed-in person saw, 304s and errors included. Anonymous answers
 * keep their own caching headers.
 *
 * Why not @fastify/helmet: it builds a new helmet middleware on every request
 * (re-parsing the CSP directives each time) in two extra hooks, ~5 % of a
 * public read's CPU. Our policy has no nonces, so its headers are the same for
 * every response: helmet computes them once at start-up, by running its
 * middleware against a recorder, and one hook sets them.
 */
import type { IncomingMessage, OutgoingHttpHeaders, ServerResponse } from 'node:http';
import { carriesSession } from '@cos/api';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import helmet from 'helmet';

export const PRIVATE_CACHE_CONTROL = 'private, no-store';

export function securityHeaders(origin: string): Readonly<Record<string, string>> {
  const middleware = helmet({
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        frameAncestors: ["'none'"],
        formAction: ["'self'"],
        baseUri: ["'self'"],
        objectSrc: ["'none'"],
        // Only ask browsers to upgrade to https when we are served over https.
        upgradeInsecureRequests: origin.startsWith('https://') ? [] : null,
      },
    },
    referrerPolicy: { policy: 'strict-origin-when-cross-origin' },
    crossOriginEmbedderPolicy: false,
    strictTransportSecurity: origin.startsWith('https://')
      ? { maxAge: 365 * 24 * 60 * 60, includeSubDomains: true }
      : false,
  });
  const headers: Record<string, string> = {};
  const recorder = {
    setHeader(name: string, value: string | number) {
      headers[name.toLowerCase()] = String(value);
    },
    removeHeader() {
      // helmet removes X-Powered-By, which Fastify never sets
    },
  };
  middleware({} as IncomingMessage, recorder as unknown as ServerResponse, () => undefined);
  return Object.freeze(headers);
}

/** Whether an answer to this request must not be stored by any cache. */
export function isPrivateRequest(request: Pick<FastifyRequest, 'headers' | 'url'>): boolean {
  return carriesSession(request.headers) || request.url.startsWith('/api/auth/');
}

type WriteHead = (statusCode: number, ...rest: unknown[]) => ServerResponse;

const isCacheControl = (name: unknown) => String(name).toLowerCase() === 'cache-control';

/** writeHead's headers argument (an object or a flat [name, value, …] list) without Cache-Control. */
function withoutCacheControl(arg: unknown): unknown {
  if (Array.isArray(arg)) {
    const kept: unknown[] = [];
    for (let i = 0; i + 1 < arg.length; i += 2) {
      if (!isCacheControl(arg[i])) kept.push(arg[i], arg[i + 1]);
    }
    return kept;
  }
  if (arg === null || typeof arg !== 'object') return arg;
  return Object.fromEntries(
    Object.entries(arg as OutgoingHttpHeaders).filter(([name]) => !isCacheControl(name)),
  );
}

/**
 * Makes the response's Cache-Control private, no-store at the moment its head
 * is written — after every route and hook had its say, and also for answers
 * written to the raw response (the Astro pages, streams). Node merges the
 * headers set here with those writeHead is given.
 */
function keepPrivate(res: ServerResponse): void {
  const writeHead = res.writeHead.bind(res) as WriteHead;
  const patched: WriteHead = (statusCode, ...rest) => {
    res.setHeader('cache-control', PRIVATE_CACHE_CONTROL);
    return writeHead(statusCode, ...rest.map(withoutCacheControl));
  };
  res.writeHead = patched;
}

export function registerSecurityHeaders(app: FastifyInstance, origin: string): void {
  const headers = securityHeaders(origin);
  app.addHook('onRequest', (request, reply, done) => {
    reply.headers(headers);
    if (isPrivateRequest(request)) {
      reply.header('cache-control', PRIVATE_CACHE_CONTROL);
      keepPrivate(reply.raw);
    }
    done();
  });
}
