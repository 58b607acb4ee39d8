/** Links inside the admin, under its base path (/admin). */
import { goto } from '$app/navigation';
import { resolve } from '$app/paths';
import type { ResolvedPathname } from '$app/types';

/**
 * A path inside the admin (with or without a query) under the base path. `resolve`
 * is typed for route ids only, hence the looser signature; the result keeps the
 * type `resolve` returns, which is how svelte/no-navigation-without-resolve sees
 * that links and goto() calls went through it.
 */
export function href(path: `/${string}`): ResolvedPathname {
  return (resolve as (path: string) => ResolvedPathname)(path);
}

export function go(path: `/${string}`, options?: Parameters<typeof goto>[1]): Promise<void> {
  return goto(href(path), options);
}

/**
 * Where to go back to after signing in: only a path inside the admin (never
 * another site, never the sign-in page itself).
 */
export function safeReturnPath(value: string | null): `/${string}` {
  if (!value || !value.startsWith('/') || value.startsWith('//') || value.startsWith('/\\'))
    return '/';
  if (value === '/sign-in' || value.startsWith('/sign-in?')) return '/';
  return value as `/${string}`;
}

/** The admin's base path, e.g. "/admin". */
export const BASE = href('/').replace(/\/$/, '');

/** The current page as a path inside the admin, with its query: "/members?q=x". */
export function appPath(url: Pick<URL, 'pathname' | 'search'>): `/${string}` {
  const path = url.pathname.startsWith(BASE) ? url.pathname.slice(BASE.length) : url.pathname;
  return `/${path.replace(/^\/+/, '')}${url.search}`;
}
