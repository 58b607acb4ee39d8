/** Web addresses and e-mail addresses, normalised so duplicates compare equal. */
import { z } from 'zod';
import type { MessageParamsByCode } from './messages/codes';
import { customIssue, formatMessage, msg } from './messages/format';

type WebAddressCode = Extract<keyof MessageParamsByCode, `webAddress.${string}`>;
export type NormaliseResult = { ok: true; value: string } | { ok: false; reason: string };
type Checked = { ok: true; value: string } | { ok: false; code: WebAddressCode };

/**
 * "Example.se" → "https://example.se", "HTTP://Foo.se/a/" → "http://foo.se/a/".
 * Only http(s) is allowed: a javascript: or data: address on a public page is an attack.
 */
export function normaliseWebAddress(input: string): NormaliseResult {
  const checked = checkWebAddress(input);
  if (checked.ok) return checked;
  // The reason finishes the sentence "Web address …" that the catalogue holds.
  return { ok: false, reason: formatMessage('en', checked.code, {}).replace(/^Web address /, '') };
}

function checkWebAddress(input: string): Checked {
  const trimmed = input.trim();
  if (trimmed === '') return { ok: false, code: 'webAddress.empty' };
  if (/\s/.test(trimmed)) return { ok: false, code: 'webAddress.spaces' };
  // "example.se:8080/x" is a host and port, not a scheme called "example.se".
  const hasScheme = /^[a-z][a-z0-9+.-]*:(?!\d+(?:[/?#]|$))/i.test(trimmed);
  if (hasScheme && !/^https?:\/\//i.test(trimmed)) {
    return { ok: false, code: 'webAddress.scheme' };
  }
  let url: URL;
  try {
    url = new URL(hasScheme ? trimmed : `https://${trimmed}`);
  } catch {
    return { ok: false, code: 'webAddress.invalid' };
  }
  if (!url.hostname.includes('.') && url.hostname !== 'localhost') {
    return { ok: false, code: 'webAddress.domain' };
  }
  if (url.username || url.password) {
    return { ok: false, code: 'webAddress.credentials' };
  }
  const href = url.href;
  // A bare origin keeps no trailing slash: "https://example.se".
  return {
    ok: true,
    value: url.pathname === '/' && !url.search && !url.hash ? href.slice(0, -1) : href,
  };
}

export const webAddressSchema = z
  .string({ error: msg('notText', { label: 'webAddress' }) })
  .max(500, { error: msg('tooLong', { label: 'webAddress', max: 500 }) })
  .transform((value, ctx) => {
    const result = checkWebAddress(value);
    if (!result.ok) {
      ctx.addIssue(customIssue(result.code, {}));
      return z.NEVER;
    }
    return result.value;
  });

export function normaliseEmail(input: string): string {
  return input.trim().toLowerCase();
}

export const emailSchema = z
  .string({ error: msg('required', { label: 'email' }) })
  .max(254, { error: msg('tooLong', { label: 'email', max: 254 }) })
  .transform(normaliseEmail)
  .pipe(z.email({ error: msg('email.invalid', {}) }));
