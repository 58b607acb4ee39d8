/**
 * Protection shared by the public forms (join requests, update suggestions):
 * no third-party captcha, nothing loaded from elsewhere, works without
 * JavaScript. Three checks, cheapest first:
 * - a honeypot field people never see (hidden with CSS, labelled "leave
 *   empty" for screen readers) that form-filling bots fill in;
 * - a signed token carrying when the form was shown (form-token.ts): too fast
 *   or a day old is refused;
 * - a per-address limit kept in the database (submission-limits.ts).
 * Cross-site posts are refused before any of this, by the transport.
 */
import type { DatabaseHandle } from '@cos/db';
import { FieldError } from '../../errors';
import { checkFormToken } from './form-token';
import { countSubmission, type SubmissionLimitPolicy } from './submission-limits';

export {
  CONFIRMATION_HOURS,
  confirm,
  createConfirmation,
  forgetConfirmations,
} from './confirmations';
export type { ConfirmationKind, ConfirmationRequest, Confirmed } from './confirmations';
export {
  FORM_TOKEN_FIELD,
  MAX_AGE_MS,
  MIN_FILL_MS,
  checkFormToken,
  issueFormToken,
} from './form-token';
export { DEFAULT_SUBMISSION_LIMIT, countSubmission } from './submission-limits';
export type { SubmissionLimitPolicy } from './submission-limits';

/** The honeypot's form field name: plausible enough for a bot to fill in. */
export const HONEYPOT_FIELD = 'homepage';

export interface SubmissionCheck {
  token: unknown;
  honeypot: unknown;
  /** The client's address as the server saw it (never from the form). */
  address: string;
  now?: number;
  policy?: SubmissionLimitPolicy;
}

/**
 * Throws FieldError (honeypot | formToken) or TooManyRequestsError; returns
 * when the submission may be stored. Only submissions that pass the first two
 * checks count against the address's limit, and input the form's schema
 * refuses never gets here: a person correcting a typo spends no allowance.
 */
export function checkSubmission(
  handle: Pick<DatabaseHandle, 'sqlite'>,
  check: SubmissionCheck,
): void {
  const now = check.now ?? Date.now();
  if (typeof check.honeypot === 'string' ? check.honeypot.trim() !== '' : check.honeypot != null) {
    throw FieldError.coded(HONEYPOT_FIELD, 'publicForm.honeypot', {});
  }
  checkFormToken(handle, check.token, now);
  countSubmission(handle, check.address, now, check.policy);
}
