/**
 * The shared confirmation page (join requests and update suggestions). The
 * mailed link opens it by GET, which only shows a button: mail scanners and
 * link previews fetch links, and must not confirm anything. The button POSTs
 * the token back here; the API confirms and says what it was for.
 */
import type { Locale } from '@cos/domain';
import type { AstroGlobal } from 'astro';
import { apiFor, errorCode } from './api';
import { issuesOf, wording } from './form-issues';

export type ConfirmPage =
  | { kind: 'ask'; token: string }
  | { kind: 'missing' }
  | { kind: 'done'; what: 'join' | 'suggestion' }
  | { kind: 'failed'; message: string }
  | { kind: 'crossSite' };

export async function confirmPage(astro: AstroGlobal, locale: Locale): Promise<ConfirmPage> {
  astro.response.headers.set('cache-control', 'private, no-store');
  // The token is in the address: the page must not hand it to other sites as a referrer.
  // ('no-referrer' would make the browser send `Origin: null` with the button's POST, which
  // the cross-site check rightly refuses; 'same-origin' keeps the Origin and the token here.)
  astro.response.headers.set('referrer-policy', 'same-origin');
  if (astro.request.method !== 'POST') {
    const token = astro.url.searchParams.get('token') ?? '';
    return token ? { kind: 'ask', token } : { kind: 'missing' };
  }
  if (astro.locals.crossSite) return { kind: 'crossSite' };
  const data = await astro.request.formData();
  const token = data.get('token');
  if (typeof token !== 'string' || token === '') return { kind: 'missing' };
  try {
    const confirmed = await apiFor(astro.locals).joinRequest.confirm({ token });
    return { kind: 'done', what: confirmed.kind };
  } catch (error) {
    const code = errorCode(error);
    if (code === 'FORBIDDEN') return { kind: 'crossSite' };
    if (code !== 'BAD_REQUEST' && code !== 'NOT_FOUND') throw error;
    const [issue] = issuesOf(error);
    return { kind: 'failed', message: issue ? wording(issue, locale) : '' };
  }
}

export function confirmStatus(page: ConfirmPage): number {
  return page.kind === 'failed' || page.kind === 'missing'
    ? 400
    : page.kind === 'crossSite'
      ? 403
      : 200;
}
