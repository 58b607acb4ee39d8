/**
 * Public-form submissions per client address, kept in SQLite (like the
 * sign-in limits) so the limit holds across restarts and across every worker
 * process. A fixed window: at most `perWindow` submissions per `windowMs`
 * from one address, IPv6 counted by its /64.
 *
 * Addresses are kept only while their window is open (pruned at most once a
 * minute per process): the privacy page says so.
 */
import type { DatabaseHandle } from '@cos/db';
import { coded, TooManyRequestsError } from '../../errors';
import { addressKey } from '../sign-in-limits';

export interface SubmissionLimitPolicy {
  perWindow: number;
  windowMs: number;
}

export const DEFAULT_SUBMISSION_LIMIT: SubmissionLimitPolicy = {
  perWindow: 5,
  windowMs: 10 * 60_000,
};

const pruned = new WeakMap<object, number>();

/**
 * Counts one submission from `ip`; throws TooManyRequestsError (with the
 * seconds until the window ends) when the address is over its limit. One
 * IMMEDIATE transaction, so concurrent submissions cannot all slip through.
 */
export function countSubmission(
  handle: Pick<DatabaseHandle, 'sqlite'>,
  ip: string,
  now: number = Date.now(),
  policy: SubmissionLimitPolicy = DEFAULT_SUBMISSION_LIMIT,
): void {
  const { sqlite } = handle;
  const address = addressKey(ip);
  const retryAfterMs = sqlite
    .transaction((): number | null => {
      if (now - (pruned.get(sqlite) ?? 0) >= 60_000) {
        pruned.set(sqlite, now);
        sqlite
          .prepare('DELETE FROM public_form_limits WHERE window_start <= ?')
          .run(now - policy.windowMs);
      }
      const row = sqlite
        .prepare('SELECT window_start, submissions FROM public_form_limits WHERE address = ?')
        .get(address) as { window_start: number; submissions: number } | undefined;
      if (!row || now - row.window_start >= policy.windowMs) {
        sqlite
          .prepare(
            `INSERT INTO public_form_limits (address, window_start, submissions) VALUES (?, ?, 1)
             ON CONFLICT (address) DO UPDATE SET window_start = excluded.window_start, submissions = 1`,
          )
          .run(address, now);
        return null;
      }
      if (row.submissions >= policy.perWindow) return row.window_start + policy.windowMs - now;
      sqlite
        .prepare('UPDATE public_form_limits SET submissions = submissions + 1 WHERE address = ?')
        .run(address);
      return null;
    })
    .immediate();
  if (retryAfterMs !== null) {
    const seconds = Math.max(1, Math.ceil(retryAfterMs / 1000));
    throw new TooManyRequestsError(coded('publicForm.tooMany', { seconds }), seconds);
  }
}
