/**
 * Hands one open auth route to better-auth, with what the platform adds
 * around it:
 * - sign-in passes the sign-in limits first (per address and per account, in
 *   the database: @cos/api services/sign-in-limits.ts); a refusal is 429 with
 *   Retry-After in the sign-in errors' shape, and a success tells the limiter;
 * - sign-out deletes the session itself first, because better-auth only logs
 *   a failed delete and answers "signed out" while the session lives on;
 * - a storage failure anywhere (full disk, read-only file) is the same clear
 *   503 as other writes, never better-auth's 500 with the body null.
 */
import {
  coded,
  storageUnavailable,
  TooManyRequestsError,
  type Auth,
  type SignInAttempt,
  type StorageUnavailableError,
} from '@cos/api';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { sendAuthError } from './http-errors';

/** A storage failure behind an error, also when better-auth wrapped it. */
function storageFailure(error: unknown): StorageUnavailableError | null {
  return storageUnavailable(error) ?? storageUnavailable((error as { cause?: unknown })?.cause);
}

export async function forwardToAuth(
  request: FastifyRequest,
  reply: FastifyReply,
  auth: Auth,
  publicOrigin: string,
  route: string,
  /** The request's headers as better-auth reads them (auth-routes.ts toWebHeaders). */
  headers: Headers,
): Promise<FastifyReply> {
  let attempt: SignInAttempt | null = null;
  try {
    if (route === 'POST /sign-in/email') {
      const email = (request.body as { email?: unknown } | null | undefined)?.email;
      const check = auth.signInLimits.begin(email, request.ip);
      if (!check.allowed) {
        const seconds = check.retryAfterSeconds;
        return sendAuthError(
          reply,
          new TooManyRequestsError(coded('auth.tooManyAttempts', { seconds }), seconds),
        );
      }
      attempt = check.attempt;
    } else if (route === 'POST /sign-out') {
      const session = await auth.api.getSession({ headers, query: { disableRefresh: true } });
      if (session) {
        const context = await auth.$context;
        await context.internalAdapter.deleteSession(session.session.token);
      }
    }
    const body =
      request.method === 'POST' && request.body !== undefined
        ? JSON.stringify(request.body)
        : undefined;
    const response = await auth.handler(
      new Request(new URL(request.url, publicOrigin), { method: request.method, headers, body }),
    );
    if (attempt && response.ok) auth.signInLimits.succeeded(attempt);
    reply.status(response.status);
    for (const [key, value] of response.headers) {
      if (key.toLowerCase() !== 'set-cookie') reply.header(key, value);
    }
    const cookies = response.headers.getSetCookie();
    if (cookies.length > 0) reply.header('set-cookie', cookies);
    return await reply.send(response.body ? Buffer.from(await response.arrayBuffer()) : null);
  } catch (error) {
    const storage = storageFailure(error);
    if (storage) return sendAuthError(reply, storage);
    throw error;
  }
}
