/**
 * Personal data: how long it is kept, and the administrator's export and
 * erasure requests. The retention rules live here, not in the server, so the
 * privacy page states exactly what the retention job does.
 */
import { z } from 'zod';
import { emailSchema } from './contact';
import { msg } from './messages/format';

/** Months a handled request or suggestion is kept after it was handled, unless RETENTION_MONTHS says otherwise. */
export const DEFAULT_RETENTION_MONTHS = 12;
/** The longest retention setting accepted: ten years is already far more than any purpose needs. */
export const RETENTION_MONTHS_MAX = 120;
/** Days a submission whose e-mail address was never confirmed is kept. */
export const UNCONFIRMED_RETENTION_DAYS = 7;

/**
 * RETENTION_MONTHS as written in the environment: unset or empty is the
 * default; otherwise a whole number of months from 1 to RETENTION_MONTHS_MAX.
 */
export function parseRetentionMonths(
  raw: string | undefined,
): { ok: true; months: number } | { ok: false; reason: string } {
  if (raw === undefined || raw.trim() === '') return { ok: true, months: DEFAULT_RETENTION_MONTHS };
  const text = raw.trim();
  const months = Number(text);
  if (!/^\d+$/.test(text) || !Number.isSafeInteger(months) || months < 1) {
    return { ok: false, reason: `must be a whole number of months (1 or more), got "${raw}"` };
  }
  if (months > RETENTION_MONTHS_MAX) {
    return { ok: false, reason: `must be at most ${RETENTION_MONTHS_MAX} months, got ${months}` };
  }
  return { ok: true, months };
}

/** One e-mail address to look up (compared without regard to case). */
export const personalDataLookupInput = z.strictObject({ email: emailSchema });

/** Erasure must be confirmed in the request itself: `confirm: true`, nothing else. */
export const personalDataEraseInput = z.strictObject({
  email: emailSchema,
  confirm: z.literal(true, { error: msg('personalData.confirmErase', {}) }),
});
