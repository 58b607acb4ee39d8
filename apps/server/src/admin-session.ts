/**
 * The guard of the admin's own HTTP routes (image upload, member export):
 * who is asking, and from where, decided in onRequest — before a byte of
 * the body is read or a row is fetched. Anonymous → 401; another site's page
 * (Sec-Fetch-Site / Origin, as for writes) → 403: the register is not public,
 * and a link elsewhere must not use the person's cookie. The import route
 * keeps its own guard: it passes "cross-site" on to the procedure it runs.
 */
import {
  OriginRefusedError,
  sessionUser,
  UnauthorizedError,
  type Actor,
  type Auth,
} from '@cos/api';
import type { DatabaseHandle } from '@cos/db';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { toWebHeaders } from './auth-routes';
import { isCrossSite, type OriginPolicy } from './csrf';
import { sendHttpError } from './http-errors';

export interface AdminSessionGuard {
  /** The route's onRequest hook. */
  onRequest: (request: FastifyRequest, reply: FastifyReply) => Promise<unknown>;
  /** The signed-in person onRequest let through (null only if the hook did not run). */
  userOf: (request: FastifyRequest) => Actor | null;
}

export function signedInSameOrigin(
  handle: DatabaseHandle,
  auth: Auth,
  origins: OriginPolicy,
): AdminSessionGuard {
  const users = new WeakMap<FastifyRequest, Actor>();
  return {
    onRequest: async (request, reply) => {
      const user = request.headers.cookie
        ? await sessionUser(auth, handle, toWebHeaders(request))
        : null;
      if (!user) return sendHttpError(reply, new UnauthorizedError());
      if (isCrossSite(request, origins.allowed))
        return sendHttpError(reply, new OriginRefusedError(origins.publicOrigin));
      users.set(request, user);
    },
    userOf: (request) => users.get(request) ?? null,
  };
}
