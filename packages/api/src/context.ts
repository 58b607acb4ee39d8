/**
 * The request context. createContextInner takes what a request resolved to
 * (the database handle, the signed-in user, whether the request came from
 * another site) so tests can build one without HTTP.
 */
import type { DatabaseHandle } from '@cos/db';
import type { SessionUser } from './actor';
import { getServices, type Services } from './services';

export type { SessionUser } from './actor';

export interface ContextOptions {
  handle: DatabaseHandle;
  user?: SessionUser | null;
  /** True when a cookie-carrying request came from another origin (CSRF). */
  crossSite?: boolean;
  /** The address writes are accepted from, named when one is refused. */
  publicOrigin?: string;
}

export interface Context {
  handle: DatabaseHandle;
  services: Services;
  user: SessionUser | null;
  crossSite: boolean;
  publicOrigin: string | null;
}

export function createContextInner(opts: ContextOptions): Context {
  return {
    handle: opts.handle,
    services: getServices(opts.handle),
    user: opts.user ?? null,
    crossSite: opts.crossSite ?? false,
    publicOrigin: opts.publicOrigin ?? null,
  };
}
