/**
 * The request context. createContextInner takes what a request resolved to
 * (the database handle, the signed-in user, whether the request came from
 * another site) so tests can build one without HTTP.
 */
import type { DatabaseHandle } from '@cos/db';
import type { Actor } from './actor';
import { getServices, type Services } from './services';

export interface ContextOptions {
  handle: DatabaseHandle;
  user?: Actor | null;
  /** True when a cookie-carrying request came from another origin (CSRF). */
  crossSite?: boolean;
  /** The address writes are accepted from, named when one is refused. */
  publicOrigin?: string;
  /**
   * The client's IP as the server resolved it (trusted proxies only), for the
   * public forms' per-address limit. Set by the transport, never from input,
   * so a browser cannot claim another address; null where there is no client.
   */
  clientAddress?: string | null;
}

export interface Context {
  handle: DatabaseHandle;
  services: Services;
  user: Actor | null;
  crossSite: boolean;
  publicOrigin: string | null;
  clientAddress: string | null;
}

export function createContextInner(opts: ContextOptions): Context {
  return {
    handle: opts.handle,
    services: getServices(opts.handle),
    user: opts.user ?? null,
    crossSite: opts.crossSite ?? false,
    publicOrigin: opts.publicOrigin ?? null,
    clientAddress: opts.clientAddress ?? null,
  };
}
