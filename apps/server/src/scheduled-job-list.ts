/**
 * The jobs the server runs on a timer (scheduled-jobs.ts). Add yours here:
 * `{ name, everyMs, run: ({ handle, config, now, log }) => … }`; a job that
 * throws is logged and runs again at its next time.
 */
import { retryUndelivered, runRetention, sendDailyDigests } from '@cos/api';
import type { ScheduledJob } from './scheduled-jobs';

const MINUTE = 60_000;

export const SCHEDULED_JOBS: ScheduledJob[] = [
  // Mail that the SMTP server refused or could not take: tried again with growing pauses.
  {
    name: 'mail-retry',
    everyMs: MINUTE,
    run: ({ handle, now }) => retryUndelivered(handle, { now }),
  },
  // The daily summaries go out at 07:00 Stockholm time; looking every ten minutes is enough.
  {
    name: 'mail-digest',
    everyMs: 10 * MINUTE,
    run: ({ handle, now }) => sendDailyDigests(handle, { now }),
  },
  // Personal data past its retention period (RETENTION_MONTHS after handling; unconfirmed after 7 days).
  {
    name: 'retention',
    everyMs: 6 * 60 * MINUTE,
    run: ({ handle, config, now, log }) => {
      const result = runRetention(handle, { now, months: config.retentionMonths });
      if (result.total > 0) log('info', 'retention: personal data deleted', { ...result });
    },
  },
];
