/**
 * RETENTION_MONTHS and the scheduled retention job: a bad setting stops the
 * start with a clear message; the job in the scheduler's list runs the
 * retention service with the configured period against a real database.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openDatabase, runMigrations } from '@cos/db';
import { afterEach, describe, expect, it } from 'vitest';
import { loadConfig } from './config';
import { SCHEDULED_JOBS } from './scheduled-job-list';

const base = { DATABASE_URL: ':memory:', AUTH_SECRET: 'x'.repeat(32) };

describe('RETENTION_MONTHS', () => {
  it('is 12 months when unset or empty', () => {
    expect(loadConfig(base).retentionMonths).toBe(12);
    expect(loadConfig({ ...base, RETENTION_MONTHS: ' ' }).retentionMonths).toBe(12);
  });

  it('takes a whole number of months', () => {
    expect(loadConfig({ ...base, RETENTION_MONTHS: '6' }).retentionMonths).toBe(6);
    expect(loadConfig({ ...base, RETENTION_MONTHS: ' 24 ' }).retentionMonths).toBe(24);
  });

  it.each([
    ['0', /RETENTION_MONTHS must be a whole number of months \(1 or more\), got "0"/],
    ['-3', /whole number/],
    ['1.5', /whole number/],
    ['twelve', /got "twelve"/],
    ['12m', /whole number/],
    ['1e3', /whole number/],
    ['121', /RETENTION_MONTHS must be at most 120 months, got 121/],
  ])('refuses %j with a message naming the setting', (value, message) => {
    expect(() => loadConfig({ ...base, RETENTION_MONTHS: value })).toThrow(message);
  });
});

describe('the retention job', () => {
  let dir: string | undefined;
  afterEach(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('is scheduled, and deletes with the configured period', async () => {
    const job = SCHEDULED_JOBS.find((j) => j.name === 'retention');
    expect(job).toBeDefined();
    expect(job?.everyMs).toBeLessThanOrEqual(24 * 60 * 60_000);

    dir = mkdtempSync(path.join(os.tmpdir(), 'cos-retention-'));
    const handle = openDatabase({ url: path.join(dir, 'test.db') });
    try {
      runMigrations(handle.db);
      const now = new Date('2026-12-02T12:00:00.000Z');
      const insert = handle.sqlite.prepare(
        `INSERT INTO mail_outbox (created_at, "to", language, subject, text, html, kind, status)
         VALUES (?, 'a@example.se', 'sv', 's', 't', 'h', 'test', 'outbox')`,
      );
      const monthsAgo = (m: number) => new Date(Date.UTC(2026, 11 - m, 2, 12)).getTime();
      insert.run(monthsAgo(4)); // older than a 3-month period, newer than 12 months
      insert.run(monthsAgo(1));
      const logged: unknown[] = [];
      const config = loadConfig({ ...base, RETENTION_MONTHS: '3' });
      await job?.run({ handle, config, now, log: (...entry) => logged.push(entry) });
      expect(handle.sqlite.prepare('SELECT created_at FROM mail_outbox').pluck().all()).toEqual([
        monthsAgo(1),
      ]);
      expect(logged).toHaveLength(1);
      // A second run finds nothing and says nothing.
      await job?.run({ handle, config, now, log: (...entry) => logged.push(entry) });
      expect(logged).toHaveLength(1);
    } finally {
      handle.close();
    }
  });
});
