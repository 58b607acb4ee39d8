/** Mounts better-auth at /api/auth/* by turning Fastify requests into web Requests. */
import { CLIENT_IP_HEADER, coded, ForbiddenError, OriginRefusedError, type Auth } from '@cos/api';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { forwardToAuth } from './auth-forward';
import { isCrossSite, type OriginPolicy } from './csrf';
import { sendAuthError } from './http-errors';
import { AUTH_BODY_LIMIT } from './json-limits';

export function toWebHeaders(request: FastifyRequest): Headers {
  const headers = new Headers();
  for (const [key, value] of Object.entries(request.headers)) {
    if (value === undefined) continue;
    headers.set(key, Array.isArray(value) ? value.join(', ') : value);
  }
  // The socket address, never a client-supplied header: rate limits key on this.
  headers.set(CLIENT_IP_HEADER, request.ip);
  return headers;
}

/**
 * The better-auth endpoints the platform uses: signing in and out, and the
 * session. Every other one stays closed — better-auth's update-user would let
 * a person rename themselves past our audit trail and plain-text rule (names
 * change through session.updateProfile), change-email, change-password and
 * delete-user would change accounts admins manage, and sign-up is off anyway.
 */
const OPEN_AUTH_ROUTES = new Set(['POST /sign-in/email', 'POST /sign-out', 'GET /get-session']);
/** Closed routes that change an account: answered with where to do it instead. */
const ACCOUNT_ROUTES = new Set([
  '/update-user',
  '/change-email',
  '/change-password',
  '/set-password',
  '/delete-user',
  '/unlink-account',
]);

function authRouteOf(request: FastifyRequest): { key: string; path: string } {
  const path = new URL(request.url, 'http://x').pathname.replace(/^\/api\/auth/, '');
  return { key: `${request.method} ${path}`, path };
}

export function registerAuthRoutes(app: FastifyInstance, auth: Auth, origins: OriginPolicy): void {
  const { publicOrigin } = origins;
  app.route({
    method: ['GET', 'POST'],
    url: '/api/auth/*',
    // Sign-in bodies are small: a larger one is a 413 before it is read (json-limits.ts reads
    // the JSON itself: depth and UTF-8, so better-auth only ever gets a bounded body).
    bodyLimit: AUTH_BODY_LIMIT,
    handler: async (request, reply) => {
      const route = authRouteOf(request);
      if (!OPEN_AUTH_ROUTES.has(route.key)) {
        if (ACCOUNT_ROUTES.has(route.path)) {
          return sendAuthError(reply, new ForbiddenError(coded('auth.profileRoute', {})));
        }
        return reply.callNotFound();
      }
      // better-auth refuses an unknown Origin with a bare 403, which the admin
      // could only show as "wrong e-mail or password". Say what is wrong and
      // which address works (e.g. 127.0.0.1 opened instead of localhost).
      if (request.method === 'POST' && isCrossSite(request, origins.allowed)) {
        // No Origin header at all: the catalogue says "another site".
        const from = request.headers.origin ?? '';
        return sendAuthError(
          reply,
          new OriginRefusedError(
            publicOrigin,
            coded('origin.signIn', { origin: publicOrigin, from }),
          ),
        );
      }
      // Sign-in limits, sign-out's delete and storage failures: auth-forward.ts.
      return forwardToAuth(request, reply, auth, publicOrigin, route.key, toWebHeaders(request));
    },
  });
}
