/**
 * The primary of WORKERS=N: forks the workers (each opens the same WAL
 * database and serves the same port — node:cluster hands each accepted
 * connection to one of them, round-robin), restarts one that dies (with
 * RestartBackoff), and on SIGTERM/SIGINT passes the signal on and waits until
 * every worker has finished its in-flight requests and closed its database.
 * It serves nothing and holds no database connection itself: main.ts has
 * migrated and seeded before calling superviseWorkers.
 *
 * A failure while the workers first start (the port is taken, the file cannot
 * be opened) is told in one line and the whole server exits 1 — not N lines,
 * and not a restart loop for a supervisor to watch.
 */
import cluster, { type Worker } from 'node:cluster';
import { once } from 'node:events';
import { RestartBackoff, type BackoffOptions } from './cluster-restart';
import { isWorkerMessage } from './cluster-worker';

export interface SuperviseOptions {
  workers: number;
  /** Said once when every worker is listening. */
  readyLine: string;
  /** How long workers get to drain after SIGTERM before they are killed (default 30 s). */
  drainMs?: number;
  backoff?: BackoffOptions;
  log?: PrimaryLog;
}

type Level = 'info' | 'warn' | 'error';
export type PrimaryLog = (level: Level, msg: string, fields?: Record<string, unknown>) => void;

const LEVELS: Record<string, number> = { trace: 10, debug: 20, info: 30, warn: 40, error: 50 };

/** Lines in the workers' (pino's) JSON shape, so one log reader handles both. */
export function primaryLog(threshold = process.env.LOG_LEVEL ?? 'info'): PrimaryLog {
  const minimum = LEVELS[threshold] ?? 30;
  return (level, msg, fields = {}) => {
    const value = LEVELS[level] ?? 30;
    if (value < minimum) return;
    const line = {
      level: value,
      time: Date.now(),
      pid: process.pid,
      role: 'primary',
      ...fields,
      msg,
    };
    (value >= 50 ? process.stderr : process.stdout).write(`${JSON.stringify(line)}\n`);
  };
}

interface Slot {
  index: number;
  backoff: RestartBackoff;
  worker?: Worker;
  startedAt: number;
  ready: boolean;
  timer?: NodeJS.Timeout;
}

/** Runs until the workers have stopped; resolves with the exit code for the primary. */
export function superviseWorkers(options: SuperviseOptions): Promise<number> {
  const { workers: count, readyLine, drainMs = 30_000, log = primaryLog() } = options;
  let phase: 'starting' | 'running' | 'stopping' = 'starting';
  let exitCode = 0;
  let finish: (code: number) => void = () => undefined;
  const done = new Promise<number>((resolve) => (finish = resolve));
  const slots: Slot[] = Array.from({ length: count }, (_, index) => ({
    index,
    backoff: new RestartBackoff(options.backoff),
    startedAt: 0,
    ready: false,
  }));

  const live = () => slots.filter((slot) => slot.worker !== undefined);
  const stopIfDone = () => {
    if (phase === 'stopping' && live().length === 0) finish(exitCode);
  };

  function fork(slot: Slot): void {
    slot.timer = undefined;
    const worker = cluster.fork({ COS_WORKER_SLOT: String(slot.index) });
    slot.worker = worker;
    slot.startedAt = Date.now();
    slot.ready = false;
    let cannotStart: string | undefined;
    worker.on('message', (message: unknown) => {
      if (!isWorkerMessage(message)) return;
      if (message.type === 'cos:cannot-start') cannotStart = message.line;
      else {
        slot.ready = true;
        if (phase === 'starting' && slots.every((s) => s.ready)) {
          phase = 'running';
          log('info', readyLine, { workers: count });
        }
      }
    });
    // Both: 'exit' can come before the last message is read; 'disconnect' comes after it.
    const exited = once(worker, 'exit') as Promise<[number | null, NodeJS.Signals | null]>;
    void Promise.all([exited, once(worker, 'disconnect')]).then(([[code, signal]]) => {
      slot.worker = undefined;
      ended(slot, code, signal, cannotStart);
    });
  }

  function ended(
    slot: Slot,
    code: number | null,
    signal: NodeJS.Signals | null,
    cannotStart: string | undefined,
  ): void {
    if (phase === 'stopping') {
      if (code !== 0) exitCode = 1;
      stopIfDone();
      return;
    }
    if (phase === 'starting' && !slot.ready) {
      // The first start failed: one line for all, then everything stops.
      process.stderr.write(
        `${cannotStart ?? `Cannot start: worker ${slot.index + 1} exited (${signal ?? `code ${code}`}) before it was listening`}\n`,
      );
      stop(undefined, 1);
      return;
    }
    const uptimeMs = Date.now() - slot.startedAt;
    const delayMs = slot.backoff.next(uptimeMs);
    log('error', cannotStart ?? 'worker died; restarting it', {
      worker: slot.index + 1,
      code,
      signal,
      uptimeMs,
      restartInMs: delayMs,
    });
    slot.timer = setTimeout(() => fork(slot), delayMs);
  }

  function stop(signal: NodeJS.Signals | undefined, code = 0): void {
    if (phase === 'stopping') return;
    phase = 'stopping';
    exitCode = code;
    if (signal) log('info', 'shutting down', { signal, workers: live().length });
    for (const slot of slots) clearTimeout(slot.timer);
    // Each worker closes its server (in-flight requests finish), then its database.
    for (const slot of live()) slot.worker?.process.kill(signal ?? 'SIGTERM');
    const deadline = setTimeout(() => {
      for (const slot of live()) {
        log('error', 'worker did not stop in time; killing it', {
          worker: slot.index + 1,
          drainMs,
        });
        slot.worker?.process.kill('SIGKILL');
      }
      exitCode = 1;
    }, drainMs);
    void done.then(() => clearTimeout(deadline));
    stopIfDone();
  }

  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.on(signal, () => {
      if (phase !== 'stopping') return stop(signal);
      // A second signal while draining: the operator wants it gone now.
      for (const slot of live()) slot.worker?.process.kill('SIGKILL');
      exitCode = 1;
    });
  }

  for (const slot of slots) fork(slot);
  return done;
}
