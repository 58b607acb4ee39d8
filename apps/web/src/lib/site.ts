/** The site's public address, for canonical links, Open Graph, feeds and sitemaps. */

export const SITE_NAME = 'Clusters of Skåne';

interface OriginEnv {
  PUBLIC_ORIGIN?: string;
  PORT?: string;
}

/**
 * Never the request's Host header (Astro does not trust it, and a forged one
 * must not end up in canonical links). Inside apps/server the site shares the
 * server's environment, so it resolves the origin the same way the server's
 * config does: PUBLIC_ORIGIN, else http://localhost:<PORT>. Under `astro dev`
 * (no PUBLIC_ORIGIN) the dev server's own address is used.
 */
export function siteOrigin(
  requestUrl: URL,
  env: OriginEnv = process.env,
  dev: boolean = import.meta.env.DEV,
): string {
  const configured = env.PUBLIC_ORIGIN?.trim();
  if (configured) return configured.replace(/\/+$/, '');
  if (dev) return requestUrl.origin;
  return `http://localhost:${env.PORT ?? '3000'}`;
}

export function absolute(requestUrl: URL, path: string): string {
  return `${siteOrigin(requestUrl)}${path}`;
}
