/**
 * The job scheduler with Vitest's fake timers (no real waiting): a job runs
 * at its interval measured from the end of its last run, never twice at once,
 * a failure is logged and the job runs again, and stop() ends the timers and
 * waits for a run in flight.
 */
import type { DatabaseHandle } from '@cos/db';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ServerConfig } from './config';
import { JobScheduler, runsScheduledJobs, type JobLog, type ScheduledJob } from './scheduled-jobs';

const handle = {} as DatabaseHandle;
const config = {} as ServerConfig;

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

/** A job whose runs stay open until the test lets each one finish. */
function gatedJob(everyMs: number) {
  let active = 0;
  let most = 0;
  const finishers: (() => void)[] = [];
  const job: ScheduledJob = {
    name: 'gated',
    everyMs,
    firstAfterMs: everyMs,
    run: () =>
      new Promise<void>((resolve) => {
        active += 1;
        most = Math.max(most, active);
        finishers.push(() => {
          active -= 1;
          resolve();
        });
      }),
  };
  return {
    job,
    started: () => finishers.length,
    finishNext: () => finishers.shift()?.(),
    most: () => most,
  };
}

describe('JobScheduler', () => {
  it('never overlaps runs of one job, however long a run takes', async () => {
    const gated = gatedJob(1000);
    const scheduler = new JobScheduler({
      jobs: [gated.job],
      handle,
      config,
      log: () => {},
    }).start();
    await vi.advanceTimersByTimeAsync(1000);
    expect(gated.started()).toBe(1);
    // The run goes on for ten intervals: no second run starts meanwhile.
    await vi.advanceTimersByTimeAsync(10_000);
    expect(gated.started()).toBe(1);
    // Asked to run now while running, it joins the run in flight.
    void scheduler.runNow('gated');
    expect(gated.started()).toBe(1);
    gated.finishNext();
    await vi.advanceTimersByTimeAsync(0);
    expect(scheduler.runsOf('gated')).toBe(1);
    // The next run is one interval after the end of the last.
    await vi.advanceTimersByTimeAsync(999);
    expect(gated.started()).toBe(0);
    await vi.advanceTimersByTimeAsync(1);
    expect(gated.started()).toBe(1);
    expect(gated.most()).toBe(1);
    gated.finishNext();
    await scheduler.stop();
  });

  it('logs a failing job and runs it again at its next time', async () => {
    const lines: Parameters<JobLog>[] = [];
    let calls = 0;
    const scheduler = new JobScheduler({
      jobs: [
        {
          name: 'flaky',
          everyMs: 500,
          run: () => {
            calls += 1;
            if (calls === 1) throw new Error('disk on fire');
          },
        },
      ],
      handle,
      config,
      log: (...line) => lines.push(line),
      now: () => new Date('2026-01-01T00:00:00Z'),
    }).start();
    await vi.advanceTimersByTimeAsync(500);
    expect(lines).toEqual([
      ['error', 'scheduled job failed', { job: 'flaky', error: 'disk on fire' }],
    ]);
    await vi.advanceTimersByTimeAsync(500);
    expect(calls).toBe(2);
    expect(scheduler.runsOf('flaky')).toBe(2);
    await scheduler.stop();
  });

  it('passes the injected time and the handle to the job', async () => {
    const seen: unknown[] = [];
    const now = new Date('2026-03-04T05:06:07Z');
    const scheduler = new JobScheduler({
      jobs: [{ name: 'peek', everyMs: 100, run: (c) => seen.push(c.now, c.handle) }],
      handle,
      config,
      log: () => {},
      now: () => now,
    }).start();
    await vi.advanceTimersByTimeAsync(100);
    expect(seen).toEqual([now, handle]);
    await scheduler.stop();
  });

  it('stops: no more runs after stop(), which waits for the run in flight', async () => {
    const gated = gatedJob(1000);
    const scheduler = new JobScheduler({
      jobs: [gated.job],
      handle,
      config,
      log: () => {},
    }).start();
    await vi.advanceTimersByTimeAsync(1000);
    expect(gated.started()).toBe(1);
    let stopped = false;
    const stopping = scheduler.stop().then(() => {
      stopped = true;
    });
    await vi.advanceTimersByTimeAsync(0);
    expect(stopped).toBe(false);
    gated.finishNext();
    await stopping;
    expect(stopped).toBe(true);
    await vi.advanceTimersByTimeAsync(60_000);
    expect(gated.started()).toBe(0);
    expect(vi.getTimerCount()).toBe(0);
  });

  it("keeps no process alive: its timers are unref'd", () => {
    vi.useRealTimers();
    const scheduler = new JobScheduler({
      jobs: [{ name: 'idle', everyMs: 3_600_000, run: () => {} }],
      handle,
      config,
      log: () => {},
    }).start();
    const timer = (scheduler as unknown as { states: { timer: NodeJS.Timeout }[] }).states[0]
      ?.timer;
    expect(timer?.hasRef()).toBe(false);
    void scheduler.stop();
  });
});

describe('runsScheduledJobs', () => {
  it('is the single process, or worker slot 0 of WORKERS=N only', () => {
    expect(runsScheduledJobs(1, undefined)).toBe(true);
    expect(runsScheduledJobs(4, '0')).toBe(true);
    expect(runsScheduledJobs(4, '1')).toBe(false);
    expect(runsScheduledJobs(4, '3')).toBe(false);
    // The primary (no slot) of a clustered start schedules nothing.
    expect(runsScheduledJobs(4, undefined)).toBe(false);
  });
});
