/**
 * Cross-site request detection for cookie-authenticated writes. Browsers send
 * Origin on every cross-site POST and Sec-Fetch-Site on every request, so a
 * form on another site posting to /trpc is recognised and refused (the
 * procedures' protectedProcedure checks the flag for mutations).
 */
import type { FastifyRequest } from 'fastify';

export function isCrossSite(request: FastifyRequest, allowedOrigins: readonly string[]): boolean {
  const fetchSite = request.headers['sec-fetch-site'];
  if (fetchSite === 'cross-site' || fetchSite === 'same-site') return true;
  const origin = request.headers.origin;
  if (origin !== undefined && !allowedOrigins.includes(origin)) return true;
  return false;
}

/**
 * Where sign-in and writes may come from, decided once in buildApp and read by
 * every route that checks: better-auth's routes, tRPC and the import route.
 * publicOrigin is the address named when a request is refused.
 */
export interface OriginPolicy {
  publicOrigin: string;
  allowed: readonly string[];
}

export function originPolicy(origin: string, allowed?: readonly string[]): OriginPolicy {
  const publicOrigin = new URL(origin).origin;
  return { publicOrigin, allowed: allowed ?? [publicOrigin] };
}
