/** Web addresses and e-mail addresses, normalised so duplicates compare equal. */
import { z } from 'zod';

export type NormaliseResult = { ok: true; value: string } | { ok: false; reason: string };

/**
 * "Example.se" → "https://example.se", "HTTP://Foo.se/a/" → "http://foo.se/a/".
 * Only http(s) is allowed: a javascript: or data: address on a public page is an attack.
 */
export function normaliseWebAddress(input: string): NormaliseResult {
  const trimmed = input.trim();
  if (trimmed === '') return { ok: false, reason: 'must not be empty' };
  if (/\s/.test(trimmed)) return { ok: false, reason: 'must not contain spaces' };
  // "example.se:8080/x" is a host and port, not a scheme called "example.se".
  const hasScheme = /^[a-z][a-z0-9+.-]*:(?!\d+(?:[/?#]|$))/i.test(trimmed);
  if (hasScheme && !/^https?:\/\//i.test(trimmed)) {
    return { ok: false, reason: 'must start with http:// or https://' };
  }
  let url: URL;
  try {
    url = new URL(hasScheme ? trimmed : `https://${trimmed}`);
  } catch {
    return { ok: false, reason: 'is not a valid web address' };
  }
  if (!url.hostname.includes('.') && url.hostname !== 'localhost') {
    return { ok: false, reason: 'must have a domain such as example.se' };
  }
  if (url.username || url.password) {
    return { ok: false, reason: 'must not contain a user name or password' };
  }
  const href = url.href;
  // A bare origin keeps no trailing slash: "https://example.se".
  return {
    ok: true,
    value: url.pathname === '/' && !url.search && !url.hash ? href.slice(0, -1) : href,
  };
}

export const webAddressSchema = z
  .string({ error: 'Web address must be text' })
  .max(500, 'Web address must be at most 500 characters')
  .transform((value, ctx) => {
    const result = normaliseWebAddress(value);
    if (!result.ok) {
      ctx.addIssue({ code: 'custom', message: `Web address ${result.reason}` });
      return z.NEVER;
    }
    return result.value;
  });

export function normaliseEmail(input: string): string {
  return input.trim().toLowerCase();
}

export const emailSchema = z
  .string({ error: 'E-mail address is required' })
  .max(254, 'E-mail address must be at most 254 characters')
  .transform(normaliseEmail)
  .pipe(z.email('E-mail address is not valid (expected name@example.se)'));
