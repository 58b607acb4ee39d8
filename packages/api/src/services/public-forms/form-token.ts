/**
 * The signed form token: a hidden field carrying when the form was shown.
 * A submission sooner than MIN_FILL_MS after that is refused as too fast (a
 * person needs longer than a script to fill in a form), one older than
 * MAX_AGE_MS as stale (the page was left open for a day; reloading it gives a
 * fresh token). The HMAC makes the time unforgeable: a bot cannot simply claim
 * the form was shown a minute ago.
 *
 * The key is one random secret per database (migration 0009 makes it with
 * SQLite's randomblob), so every worker process serving the file signs and
 * checks alike and no setting has to carry it.
 */
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { DatabaseHandle } from '@cos/db';
import { FieldError } from '../../errors';

/** A person needs at least this long between seeing the form and sending it. */
export const MIN_FILL_MS = 3_000;
/** A token is good for this long after the form was shown. */
export const MAX_AGE_MS = 24 * 60 * 60 * 1000;
/** The form field the token travels in (also where its refusals are reported). */
export const FORM_TOKEN_FIELD = 'formToken';

const keys = new WeakMap<object, Buffer>();

function keyOf(handle: Pick<DatabaseHandle, 'sqlite'>): Buffer {
  let key = keys.get(handle.sqlite);
  if (!key) {
    const row = handle.sqlite.prepare('SELECT secret FROM public_form_keys WHERE id = 1').get() as
      { secret: string } | undefined;
    if (!row) throw new Error('public_form_keys has no key: is migration 0009 applied?');
    key = Buffer.from(row.secret, 'hex');
    keys.set(handle.sqlite, key);
  }
  return key;
}

const sign = (key: Buffer, payload: string) =>
  createHmac('sha256', key).update(payload).digest('base64url');

/** A token for a form shown at `now`: `<ms>.<nonce>.<signature>`. */
export function issueFormToken(
  handle: Pick<DatabaseHandle, 'sqlite'>,
  now: number = Date.now(),
): string {
  // The nonce keeps two forms shown in the same millisecond from sharing a token.
  const payload = `${Math.floor(now)}.${randomBytes(6).toString('base64url')}`;
  return `${payload}.${sign(keyOf(handle), payload)}`;
}

/**
 * Checks a token's signature and age at `now`; throws a field error on
 * `formToken` (publicForm.tokenInvalid | tooFast | expired) when it fails.
 */
export function checkFormToken(
  handle: Pick<DatabaseHandle, 'sqlite'>,
  token: unknown,
  now: number = Date.now(),
): void {
  const parts = typeof token === 'string' ? token.split('.') : [];
  const [shown, nonce, signature] = parts;
  if (parts.length !== 3 || !shown || !nonce || !signature || !/^\d{1,15}$/.test(shown)) {
    throw FieldError.coded(FORM_TOKEN_FIELD, 'publicForm.tokenInvalid', {});
  }
  const expected = Buffer.from(sign(keyOf(handle), `${shown}.${nonce}`));
  const given = Buffer.from(signature);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) {
    throw FieldError.coded(FORM_TOKEN_FIELD, 'publicForm.tokenInvalid', {});
  }
  const age = now - Number(shown);
  if (age < MIN_FILL_MS)
    throw FieldError.coded(FORM_TOKEN_FIELD, 'publicForm.tooFast', {
      seconds: Math.ceil(MIN_FILL_MS / 1000),
    });
  if (age > MAX_AGE_MS) throw FieldError.coded(FORM_TOKEN_FIELD, 'publicForm.expired', {});
}
