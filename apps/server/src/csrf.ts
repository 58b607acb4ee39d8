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
