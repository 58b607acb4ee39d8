/**
 * Field errors, keyed by the field's dotted path ("name", "description.sv",
 * "memberships.0.since"), from either the shared zod schemas run in the
 * browser or the issues the server sends back.
 */

import { rememberIssue } from './i18n/issues';

export type FieldErrors = Record<string, string[]>;

/** What a form's validator gives: the API input, or the errors by field. */
export type Validated<T> = { ok: true; input: T } | { ok: false; errors: FieldErrors };

export interface IssueLike {
  path: readonly PropertyKey[] | string;
  message: string;
}

export function pathKey(path: readonly PropertyKey[] | string): string {
  return typeof path === 'string' ? path : path.map(String).join('.');
}

export function issuesToFieldErrors(issues: readonly IssueLike[]): FieldErrors {
  const errors: FieldErrors = {};
  for (const issue of issues) {
    // Keeps the message's catalogue code, so the field shows it in the interface language.
    rememberIssue(issue);
    const key = pathKey(issue.path) || '_form';
    const list = (errors[key] ??= []);
    if (!list.includes(issue.message)) list.push(issue.message);
  }
  return errors;
}

/** Errors for one field and, when `nested`, the fields inside it (e.g. "memberships" → "memberships.0.since"). */
export function errorsFor(errors: FieldErrors, key: string, nested = false): string[] {
  const own = errors[key] ?? [];
  if (!nested) return own;
  const inner = Object.entries(errors)
    .filter(([k]) => k.startsWith(`${key}.`))
    .flatMap(([, v]) => v);
  return [...own, ...inner];
}

export function hasErrors(errors: FieldErrors): boolean {
  return Object.values(errors).some((list) => list.length > 0);
}

/** The first field with an error, in the order the form shows its fields. */
export function firstErrorKey(errors: FieldErrors, order: readonly string[]): string | undefined {
  const keys = Object.keys(errors).filter((k) => (errors[k]?.length ?? 0) > 0);
  for (const field of order) {
    const hit = keys.find((k) => k === field || k.startsWith(`${field}.`));
    if (hit) return hit;
  }
  return keys[0];
}

/** '' means "not given": optional fields are sent as null. */
export function blankToNull(value: string): string | null {
  return value.trim() === '' ? null : value;
}

/** The two-language text every bilingual field holds. */
export type Bilingual = { sv: string; en: string };

/** A shared schema's safeParse answer as what a form's validator gives. */
export function validatedBy<T>(
  parsed:
    | { success: true; data: T }
    | { success: false; error: { issues: { path: PropertyKey[]; message: string }[] } },
): Validated<T> {
  return parsed.success
    ? { ok: true, input: parsed.data }
    : { ok: false, errors: issuesToFieldErrors(parsed.error.issues) };
}

/** "" → null, "1999" → 1999, anything else is passed on for the schema to name. */
export function numberOrNull(value: string): number | null | string {
  const v = value.trim();
  if (v === '') return null;
  return /^-?\d+$/.test(v) ? Number(v) : v;
}
