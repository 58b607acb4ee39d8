/**
 * The retention periods the privacy page states: the same setting and rules
 * the server's retention job uses (RETENTION_MONTHS, checked at start by
 * apps/server config.ts, so an invalid value never gets this far).
 */
import { parseRetentionMonths, UNCONFIRMED_RETENTION_DAYS } from '@cos/domain';

export function retentionPeriods(env: Record<string, string | undefined> = process.env) {
  const parsed = parseRetentionMonths(env.RETENTION_MONTHS);
  return {
    months: parsed.ok ? parsed.months : 12,
    unconfirmedDays: UNCONFIRMED_RETENTION_DAYS,
  };
}
