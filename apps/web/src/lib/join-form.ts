/**
 * The join form ("Bli medlem / Become a member"), shared by its two pages.
 * Works without JavaScript: the page POSTs to itself; a refusal re-renders
 * the form with what was typed and each message beside its field; success
 * redirects (303) to ?skickat=1, which says "check your e-mail" (a reload
 * sends nothing again). A cross-site post gets 403, a rate-limited one 429
 * with Retry-After, both as pages saying what to do.
 */
import { JOIN_FORM_FIELDS, type Locale } from '@cos/domain';
import type { AstroGlobal } from 'astro';
import { apiFor, errorCode } from './api';
import { issuesOf, retryAfterOf, wording } from './form-issues';

export type RawForm = Record<string, string | string[]>;

export interface JoinFormData {
  cluster: { id: number; slug: string; name: string };
  areas: { id: number; slug: string; name: { sv: string; en: string } }[];
  formToken: string;
  form: RawForm;
  /** Messages by form field; `_form` for what belongs to no one field. */
  errors: Record<string, string>;
}

export type JoinPage =
  | { kind: 'redirect'; to: string }
  | { kind: 'notFound' }
  | { kind: 'sent'; cluster: { slug: string; name: string } }
  | { kind: 'tooMany'; seconds: number; retryAt: Date; cluster: { slug: string; name: string } }
  | { kind: 'crossSite'; cluster: { slug: string; name: string } }
  | ({ kind: 'form'; status: number } & JoinFormData);

export const SENT_PARAM = 'skickat';

const TEXT_FIELDS = [
  'organisationName',
  'organisationNumber',
  'municipalityCode',
  'website',
  'contactName',
  'email',
  'message',
] as const;

function rawFromPost(data: FormData): RawForm {
  const form: RawForm = {};
  for (const name of TEXT_FIELDS) {
    const value = data.get(name);
    form[name] = typeof value === 'string' ? value : '';
  }
  form.areaIds = data.getAll('areaIds').filter((v): v is string => typeof v === 'string');
  if (data.get('consent') === 'yes') form.consent = 'yes';
  return form;
}

/** The submit input from what was typed: empty optional fields are null. */
function inputFrom(clusterId: number, form: RawForm, data: FormData, locale: Locale) {
  const one = (name: string) => (typeof form[name] === 'string' ? form[name] : '');
  const orNull = (value: string) => (value.trim() === '' ? null : value.trim());
  const field = (name: string) => {
    const value = data.get(name);
    return typeof value === 'string' ? value : '';
  };
  return {
    clusterId,
    organisationName: one('organisationName'),
    organisationNumber: orNull(one('organisationNumber')),
    municipalityCode: orNull(one('municipalityCode')),
    website: orNull(one('website')),
    areaIds: ((form.areaIds ?? []) as string[]).map(Number),
    contactName: one('contactName'),
    email: one('email'),
    message: one('message'),
    language: locale,
    consent: form.consent === 'yes',
    formToken: field('formToken'),
    homepage: field('homepage'),
  };
}

const KNOWN = new Set<string>(JOIN_FORM_FIELDS);

/** Handles one request for a join page: GET shows the form, POST sends it. */
export async function joinPage(astro: AstroGlobal, locale: Locale): Promise<JoinPage> {
  const slug = astro.params.slug ?? '';
  const api = apiFor(astro.locals);
  // A fresh token per form shown: never stored for another visitor, by the server or a proxy.
  astro.response.headers.set('cache-control', 'private, no-store');
  let started: Awaited<ReturnType<typeof api.joinRequest.start>>;
  try {
    started = await api.joinRequest.start({ clusterSlug: slug });
  } catch (error) {
    const code = errorCode(error);
    if (code === 'NOT_FOUND' || code === 'BAD_REQUEST') return { kind: 'notFound' };
    throw error;
  }
  const cluster = started.cluster;
  const base = { cluster, areas: started.areas, formToken: started.formToken };
  if (astro.request.method !== 'POST') {
    if (astro.url.searchParams.get(SENT_PARAM) === '1') return { kind: 'sent', cluster };
    return { kind: 'form', status: 200, ...base, form: {}, errors: {} };
  }
  if (astro.locals.crossSite) return { kind: 'crossSite', cluster };
  const data = await astro.request.formData();
  const form = rawFromPost(data);
  try {
    await api.joinRequest.submit(inputFrom(cluster.id, form, data, locale) as never);
    return { kind: 'redirect', to: `${astro.url.pathname}?${SENT_PARAM}=1` };
  } catch (error) {
    const code = errorCode(error);
    if (code === 'FORBIDDEN') return { kind: 'crossSite', cluster };
    if (code === 'TOO_MANY_REQUESTS') {
      const seconds = retryAfterOf(error);
      return { kind: 'tooMany', seconds, retryAt: new Date(Date.now() + seconds * 1000), cluster };
    }
    if (code !== 'BAD_REQUEST' && code !== 'NOT_FOUND') throw error;
    const errors: Record<string, string> = {};
    for (const issue of issuesOf(error)) {
      const head = issue.path.split('.')[0] ?? '';
      // The token's and honeypot's refusals belong to the form as a whole: there is no field to fix.
      const field = KNOWN.has(head) && head !== 'formToken' && head !== 'homepage' ? head : '_form';
      errors[field] ??= wording(issue, locale);
    }
    return { kind: 'form', status: 400, ...base, form, errors };
  }
}

/** Applies a page's status and headers to the response (429 carries Retry-After). */
export function answer(astro: AstroGlobal, page: JoinPage): void {
  if (page.kind === 'notFound') astro.response.status = 404;
  else if (page.kind === 'form') astro.response.status = page.status;
  else if (page.kind === 'crossSite') astro.response.status = 403;
  else if (page.kind === 'tooMany') {
    astro.response.status = 429;
    astro.response.headers.set('retry-after', String(page.seconds));
  }
}
