/**
 * The "Föreslå ändring / Suggest an update" form, shared by its four pages
 * (member and cluster, sv and en). Works without JavaScript: the page POSTs to
 * itself; a refusal re-renders the form with what the visitor typed and each
 * message beside its field, in the page's language; success redirects (303)
 * to the same address with ?skickat=1 (a reload does not send it again).
 */
import { formatMessage, issueMessage, isMessageCode, type Locale } from '@cos/domain';
import type { AstroGlobal } from 'astro';
import { apiFor, errorCode } from './api';

export type SuggestTarget = 'member' | 'cluster';
/** The form's raw values, as typed (strings; the areas' checkboxes as a list). */
export type RawForm = Record<string, string | string[]>;

export type SuggestPage =
  | { kind: 'redirect'; to: string }
  | { kind: 'notFound' }
  | { kind: 'sent' }
  | {
      kind: 'form';
      /** The record's name (the page's heading). */
      name: string;
      areas: { id: number; name: { sv: string; en: string } }[];
      form: RawForm;
      formToken: string;
      /** Messages by form field name; `_form` for what belongs to no one field. */
      errors: Record<string, string>;
      status: number;
    };

export const SENT_PARAM = 'skickat';
export const ADDRESSES = ['visitingAddress', 'postalAddress'] as const;
export const ADDRESS_PARTS = ['street', 'postcode', 'city'] as const;
/** A cluster's own text fields beyond the shared ones, by form field name. */
const CLUSTER_TEXT_FIELDS = [
  'email',
  'phone',
  'membershipText_sv',
  'membershipText_en',
  'membershipUrl',
  ...ADDRESSES.flatMap((kind) => ADDRESS_PARTS.map((part) => `${kind}_${part}`)),
];
const SENDER_FIELDS = ['senderName', 'senderEmail', 'comment'] as const;

const text = (data: FormData, name: string) => {
  const value = data.get(name);
  return typeof value === 'string' ? value : '';
};

/** The record's values now, as the form's fields show them. */
function rawFrom(target: SuggestTarget, current: Record<string, unknown>): RawForm {
  const description = (current.description ?? { sv: '', en: '' }) as { sv: string; en: string };
  const str = (value: unknown) => (typeof value === 'string' ? value : '');
  const form: RawForm = {
    name: str(current.name),
    website: str(current.website),
    description_sv: description.sv,
    description_en: description.en,
  };
  if (target === 'member') {
    form.place = current.outsideSkane
      ? 'outside'
      : typeof current.municipalityCode === 'string'
        ? current.municipalityCode
        : 'unknown';
    form.areaIds = ((current.areaIds ?? []) as number[]).map(String);
  } else {
    form.email = str(current.email);
    form.phone = str(current.phone);
    for (const kind of ADDRESSES) {
      const address = (current[kind] ?? {}) as Record<string, unknown>;
      for (const part of ADDRESS_PARTS) form[`${kind}_${part}`] = str(address[part]);
    }
    const membership = (current.membershipText ?? { sv: '', en: '' }) as { sv: string; en: string };
    form.membershipText_sv = membership.sv;
    form.membershipText_en = membership.en;
    form.membershipUrl = str(current.membershipUrl);
  }
  return form;
}

function rawFromPost(target: SuggestTarget, data: FormData): RawForm {
  const form: RawForm = {};
  for (const name of ['name', 'website', 'description_sv', 'description_en', ...SENDER_FIELDS]) {
    form[name] = text(data, name);
  }
  if (target === 'member') {
    form.place = text(data, 'place');
    form.areaIds = data.getAll('areaIds').filter((v): v is string => typeof v === 'string');
  } else {
    for (const name of CLUSTER_TEXT_FIELDS) form[name] = text(data, name);
  }
  if (data.get('consent') === 'yes') form.consent = 'yes';
  return form;
}

/** The proposal as the API takes it: every field the form showed (the API keeps the changed ones). */
function valuesFrom(target: SuggestTarget, form: RawForm): Record<string, unknown> {
  const one = (name: string) => (typeof form[name] === 'string' ? form[name] : '');
  const orNull = (value: string) => (value.trim() === '' ? null : value);
  const values: Record<string, unknown> = {
    name: one('name'),
    website: orNull(one('website')),
    description: { sv: one('description_sv'), en: one('description_en') },
  };
  if (target === 'member') {
    const place = one('place');
    values.municipalityCode = place === 'unknown' || place === 'outside' ? null : place;
    values.outsideSkane = place === 'outside';
    values.areaIds = ((form.areaIds ?? []) as string[]).map(Number);
  } else {
    values.email = orNull(one('email'));
    values.phone = orNull(one('phone'));
    for (const kind of ADDRESSES) {
      values[kind] = Object.fromEntries(
        ADDRESS_PARTS.map((part) => [part, one(`${kind}_${part}`)]),
      );
    }
    values.membershipText = { sv: one('membershipText_sv'), en: one('membershipText_en') };
    values.membershipUrl = orNull(one('membershipUrl'));
  }
  return values;
}

/** Which form field an API path is about. */
function fieldOf(path: string): string {
  const [head, field, lang] = path.split('.');
  if (head !== 'values')
    return SENDER_FIELDS.includes(head as never) || head === 'consent' ? head! : '_form';
  if (!field) return '_form';
  if (field === 'description' || field === 'membershipText')
    return `${field}_${lang === 'en' ? 'en' : 'sv'}`;
  if (field === 'visitingAddress' || field === 'postalAddress')
    return `${field}_${lang && (ADDRESS_PARTS as readonly string[]).includes(lang) ? lang : 'city'}`;
  if (field === 'municipalityCode' || field === 'outsideSkane') return 'place';
  return field;
}

interface Issue {
  path: string;
  code?: string;
  params?: Record<string, string | number>;
  message: string;
}

/** A refusal's issues, from the in-process caller (TRPCError) or over HTTP (TRPCClientError). */
function issuesOf(error: unknown): Issue[] {
  const e = error as {
    cause?: {
      issues?: { path: PropertyKey[]; message: string }[];
      field?: string;
      messageCode?: string;
      params?: Record<string, string | number>;
      retryAfterSeconds?: number;
    };
    data?: { issues?: Issue[] | null } | null;
    message?: string;
  };
  if (e.data?.issues) return e.data.issues;
  const cause = e.cause;
  if (cause?.issues) {
    return cause.issues.map((i) => ({
      path: i.path.map(String).join('.'),
      message: i.message,
      ...issueMessage(i as never),
    }));
  }
  if (cause?.messageCode) {
    return [
      {
        path: cause.field ?? '',
        code: cause.messageCode,
        params: cause.params,
        message: e.message ?? '',
      },
    ];
  }
  return [{ path: '', message: e.message ?? '' }];
}

const wording = (issue: Issue, locale: Locale) =>
  issue.code && isMessageCode(issue.code)
    ? formatMessage(locale, issue.code, issue.params ?? {})
    : issue.message;

/** Handles the request for one suggest page: GET shows the form, POST sends it. */
export async function suggestPage(
  astro: AstroGlobal,
  locale: Locale,
  target: SuggestTarget,
): Promise<SuggestPage> {
  const slug = astro.params.slug ?? '';
  const api = apiFor(astro.locals);
  if (astro.request.method === 'GET' && astro.url.searchParams.get(SENT_PARAM) === '1') {
    return { kind: 'sent' };
  }
  let started: Awaited<ReturnType<typeof api.updateSuggestion.start>>;
  try {
    started = await api.updateSuggestion.start({ targetType: target, slug });
  } catch (error) {
    if (errorCode(error) === 'NOT_FOUND' || errorCode(error) === 'BAD_REQUEST')
      return { kind: 'notFound' };
    throw error;
  }
  // A fresh token per form shown: never stored for another visitor.
  astro.response.headers.set('cache-control', 'private, no-store');
  if (astro.request.method !== 'POST') {
    return {
      kind: 'form',
      name: started.name,
      areas: started.areas,
      form: rawFrom(target, started.current),
      formToken: started.formToken,
      errors: {},
      status: 200,
    };
  }
  const data = await astro.request.formData();
  const form = rawFromPost(target, data);
  try {
    await api.updateSuggestion.submit({
      targetType: target,
      slug,
      values: valuesFrom(target, form),
      senderName: typeof form.senderName === 'string' ? form.senderName : '',
      senderEmail: typeof form.senderEmail === 'string' ? form.senderEmail : '',
      comment: typeof form.comment === 'string' ? form.comment : '',
      language: locale,
      consent: (form.consent === 'yes') as true,
      formToken: text(data, 'formToken'),
      homepage: text(data, 'homepage'),
    });
    return { kind: 'redirect', to: `${astro.url.pathname}?${SENT_PARAM}=1` };
  } catch (error) {
    const code = errorCode(error);
    if (code === 'NOT_FOUND') return { kind: 'notFound' };
    if (code !== 'BAD_REQUEST' && code !== 'TOO_MANY_REQUESTS' && code !== 'FORBIDDEN') throw error;
    const errors: Record<string, string> = {};
    for (const issue of issuesOf(error)) {
      const field = fieldOf(issue.path);
      errors[field] ??= wording(issue, locale);
    }
    const status = code === 'TOO_MANY_REQUESTS' ? 429 : code === 'FORBIDDEN' ? 403 : 400;
    // A rate-limited visitor is told when to try again, and so is their browser.
    const retry = (error as { cause?: { retryAfterSeconds?: unknown } }).cause?.retryAfterSeconds;
    if (status === 429 && typeof retry === 'number')
      astro.response.headers.set('retry-after', String(retry));
    const { name, areas, formToken } = started;
    return { kind: 'form', name, areas, form, formToken, errors, status };
  }
}
