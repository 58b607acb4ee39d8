/**
 * Field errors that clear as soon as the field is valid. While a form shows
 * errors, every edit runs the form's own validator (the shared domain schema)
 * again, and each shown error is kept only while it still holds:
 * - an error the validator found (in the browser) stays while the validator
 *   still finds it, with its current wording;
 * - an error only the server can know (a taken slug) stays until its field is
 *   changed — and then only if the validator finds something else wrong there.
 * No new errors appear while typing: fields without an error are not judged
 * until the next save.
 */
import { getPath, sameValue } from './diff';
import type { FieldErrors } from './forms';

export interface ShownErrors {
  errors: FieldErrors;
  /** The values when these errors were shown. */
  values: unknown;
  /** The keys the validator itself found in those values. */
  localKeys: ReadonlySet<string>;
}

export function revalidatedErrors(
  shown: ShownErrors,
  local: FieldErrors,
  values: unknown,
): FieldErrors {
  const out: FieldErrors = {};
  for (const [key, messages] of Object.entries(shown.errors)) {
    if (messages.length === 0) continue;
    const now = local[key];
    if (now && now.length > 0) out[key] = now;
    else if (shown.localKeys.has(key)) continue;
    else if (key === '_form' || sameValue(getPath(shown.values, key), getPath(values, key))) {
      out[key] = messages;
    }
  }
  return out;
}

/** Same keys with the same messages. */
export function sameErrors(a: FieldErrors, b: FieldErrors): boolean {
  const keys = (e: FieldErrors) => Object.keys(e).filter((k) => (e[k]?.length ?? 0) > 0);
  const ka = keys(a);
  return (
    ka.length === keys(b).length &&
    ka.every((k) => {
      const x = a[k] ?? [];
      const y = b[k] ?? [];
      return x.length === y.length && x.every((m, i) => m === y[i]);
    })
  );
}
