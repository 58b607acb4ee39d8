/**
 * A small in-process scheduler for the platform's few periodic jobs (mail
 * retries, the daily summary, the retention job), so production needs no
 * cron or second program. Each job runs every `everyMs`, measured from the end
 * of its previous run: a run never overlaps the one before, however long it
 * takes. Timers are unref'd (they never keep the process alive), errors are
 * logged and the job runs again next time, and stop() waits for runs in
 * flight, so main.ts can close the database after it.
 *
 * With WORKERS=N only worker slot 0 runs the jobs (main.ts): one process, so a
 * mail is never sent twice; the slot is restarted with the same number if it
 * dies. The jobs themselves keep their state in the database and are safe to
 * run again after a crash.
 *
 * To add a job, add an entry to SCHEDULED_JOBS in scheduled-job-list.ts.
 */
import type { DatabaseHandle } from '@cos/db';
import type { ServerConfig } from './config';

/**
 * Whether this process runs the jobs: a single process does; with WORKERS=N
 * only worker slot 0 (COS_WORKER_SLOT, set by cluster-primary.ts, kept when
 * the slot is restarted) does, and the primary serves and schedules nothing.
 */
export function runsScheduledJobs(workers: number, slot: string | undefined): boolean {
  return workers <= 1 || slot === '0';
}

export type JobLog = (
  level: 'info' | 'error',
  message: string,
  fields?: Record<string, unknown>,
) => void;

export interface JobContext {
  handle: DatabaseHandle;
  config: ServerConfig;
  /** The time of this run (injected in tests). */
  now: Date;
  log: JobLog;
}

export interface ScheduledJob {
  name: string;
  /** Time from the end of one run to the start of the next. */
  everyMs: number;
  /** The first run, this long after start (default: everyMs, at most a minute). */
  firstAfterMs?: number;
  run(context: JobContext): unknown;
}

export interface SchedulerOptions {
  jobs: readonly ScheduledJob[];
  handle: DatabaseHandle;
  config: ServerConfig;
  log: JobLog;
  now?: () => Date;
}

interface JobState {
  job: ScheduledJob;
  timer?: NodeJS.Timeout;
  running: Promise<void> | undefined;
  runs: number;
}

export class JobScheduler {
  private readonly states: JobState[];
  private stopped = true;

  constructor(private readonly options: SchedulerOptions) {
    this.states = options.jobs.map((job) => ({ job, runs: 0, running: undefined }));
  }

  start(): this {
    if (!this.stopped) return this;
    this.stopped = false;
    for (const state of this.states)
      this.arm(state, state.job.firstAfterMs ?? Math.min(state.job.everyMs, 60_000));
    return this;
  }

  /** How many runs of `name` have finished (for tests and diagnosis). */
  runsOf(name: string): number {
    return this.states.find((s) => s.job.name === name)?.runs ?? 0;
  }

  /** Runs `name` now, or joins the run in flight: never two at once. */
  runNow(name: string): Promise<void> {
    const state = this.states.find((s) => s.job.name === name);
    if (!state) return Promise.reject(new Error(`No scheduled job named ${name}`));
    return this.run(state);
  }

  /** No new runs; resolves when the runs in flight have finished. */
  async stop(): Promise<void> {
    this.stopped = true;
    for (const state of this.states) clearTimeout(state.timer);
    await Promise.all(this.states.map((s) => s.running ?? Promise.resolve()));
  }

  private arm(state: JobState, delayMs: number): void {
    clearTimeout(state.timer);
    state.timer = setTimeout(() => void this.run(state), delayMs);
    state.timer.unref();
  }

  private run(state: JobState): Promise<void> {
    if (state.running) return state.running;
    const { handle, config, log, now = () => new Date() } = this.options;
    const started = Date.now();
    // Started on the next microtask, so `running` is set before the job can finish (a job that
    // returns or throws at once would otherwise clear it before it is set, and block all runs).
    state.running = (async () => {
      await Promise.resolve();
      try {
        await state.job.run({ handle, config, now: now(), log });
      } catch (error) {
        log('error', 'scheduled job failed', {
          job: state.job.name,
          error: error instanceof Error ? error.message : String(error),
        });
      } finally {
        state.runs += 1;
        state.running = undefined;
        if (Date.now() - started > state.job.everyMs)
          log('info', 'scheduled job took longer than its interval', { job: state.job.name });
        if (!this.stopped) this.arm(state, state.job.everyMs);
      }
    })();
    return state.running;
  }
}
