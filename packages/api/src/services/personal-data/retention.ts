/**
 * The retention job: deletes the personal data of requests and suggestions
 * handled more than `months` ago, submissions never confirmed within
 * UNCONFIRMED_RETENTION_DAYS, mail older than the period, and what other
 * holders keep only for a while (expired sessions, old sign-in limits).
 * apps/server's scheduler runs it; a run that finds nothing changes nothing
 * and records nothing, so running it often costs no audit noise.
 */
import type { DatabaseHandle } from '@cos/db';
import { UNCONFIRMED_RETENTION_DAYS } from '@cos/domain';
import { AuditTrail } from '../audit';
import type { PersonalDataHolder } from './holder';
import { PERSONAL_DATA_HOLDERS } from './registry';

export interface RetentionOptions {
  now: Date;
  /** Months after handling (RETENTION_MONTHS). */
  months: number;
  holders?: readonly PersonalDataHolder[];
}

export interface RetentionResult {
  /** Everything handled before this was purged. */
  handledBefore: string;
  /** Every unconfirmed submission created before this was purged. */
  unconfirmedBefore: string;
  /** Rows deleted per holder and rule. */
  counts: Record<string, { handled: number; unconfirmed: number; expired: number }>;
  total: number;
}

/** `now` minus whole calendar months (31 March − 1 month is 3 March: JS rolls over, which keeps data no shorter). */
export function monthsBefore(now: Date, months: number): Date {
  const date = new Date(now.getTime());
  date.setUTCMonth(date.getUTCMonth() - months);
  return date;
}

export function runRetention(handle: DatabaseHandle, options: RetentionOptions): RetentionResult {
  if (!Number.isInteger(options.months) || options.months < 1)
    throw new RangeError(`retention months must be a whole number ≥ 1, got ${options.months}`);
  const { now } = options;
  const handledBefore = monthsBefore(now, options.months);
  const unconfirmedBefore = new Date(now.getTime() - UNCONFIRMED_RETENTION_DAYS * 86_400_000);
  const holders = options.holders ?? PERSONAL_DATA_HOLDERS;
  const audit = new AuditTrail(handle.db);
  return handle.sqlite
    .transaction((): RetentionResult => {
      const counts: RetentionResult['counts'] = {};
      let total = 0;
      for (const holder of holders) {
        const c = {
          handled: holder.purgeHandledBefore(handle, handledBefore),
          unconfirmed: holder.purgeUnconfirmedBefore?.(handle, unconfirmedBefore) ?? 0,
          expired: holder.purgeExpired?.(handle, now) ?? 0,
        };
        counts[holder.name] = c;
        total += c.handled + c.unconfirmed + c.expired;
      }
      const result = {
        handledBefore: handledBefore.toISOString(),
        unconfirmedBefore: unconfirmedBefore.toISOString(),
        counts,
        total,
      };
      // One system entry (no author) per run that deleted something.
      if (total > 0) audit.record(null, 'personal-data', 'retention', 'purge', null, result);
      return result;
    })
    .immediate();
}
