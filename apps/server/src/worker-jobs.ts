/**
 * One long-lived worker thread that runs jobs for the main thread (making a
 * download file, reading a large import), so the event loop that answers
 * /healthz, visitors and admins never waits for them.
 *
 * The worker starts with the first job and is kept (unref'd: it never holds
 * the process open); jobs queue inside it and run one at a time, which also
 * bounds the CPU a flood of distinct jobs can take to the worker's one core.
 * A worker that dies fails its pending jobs and is started again for the
 * next one. From the TypeScript sources (tests, `start:source`) the worker
 * runs through tsx; the production bundle has it as its own file
 * (scripts/build.mjs), next to main.js.
 */
import { Worker } from 'node:worker_threads';

interface Pending {
  resolve: (value: unknown) => void;
  reject: (error: Error) => void;
}

/** What a worker posts back for job `id`. */
export type JobAnswer =
  | { id: number; ok: true; value: unknown }
  | { id: number; ok: false; error: string; code?: string };

/** What a worker posts once its module has loaded and it takes jobs. */
export const WORKER_READY = { ready: true } as const;

/** The URL and options of a worker module `name` beside this file, from source or from the bundle. */
function workerEntry(name: string): { url: URL; execArgv: string[] } {
  const fromSource = import.meta.url.endsWith('.ts');
  return {
    url: new URL(`./${name}.${fromSource ? 'ts' : 'js'}`, import.meta.url),
    execArgv: fromSource ? ['--conditions=source', '--import', 'tsx'] : [],
  };
}

export class WorkerJobs<Job, Result> {
  private worker: Worker | null = null;
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();
  private ready: Promise<void> | null = null;

  constructor(private readonly name: string) {}

  /**
   * Starts the worker now and resolves once it takes jobs, so the first job
   * does not pay for loading the worker's modules (from the TypeScript
   * sources through tsx that is seconds on a busy machine; see `warmWorkers`
   * in app.ts).
   */
  start(): Promise<void> {
    this.started();
    return this.ready ?? Promise.resolve();
  }

  run(job: Job): Promise<Result> {
    const worker = this.started();
    const id = this.nextId++;
    return new Promise<Result>((resolve, reject) => {
      this.pending.set(id, { resolve: resolve as (value: unknown) => void, reject });
      // Referenced while a job is out, so a CLI-style caller does not exit under it.
      worker.ref();
      worker.postMessage({ id, job });
    });
  }

  async close(): Promise<void> {
    const worker = this.worker;
    this.worker = null;
    if (worker) await worker.terminate();
  }

  private started(): Worker {
    if (this.worker) return this.worker;
    const { url, execArgv } = workerEntry(this.name);
    const worker = new Worker(url, { execArgv });
    worker.unref();
    this.ready = new Promise<void>((resolve, reject) => {
      worker.once('message', () => resolve());
      worker.once('error', reject);
      worker.once('exit', (code) => reject(new Error(`${this.name} worker exited (${code})`)));
    });
    // Nobody need wait for it: a failed start also fails the pending jobs (below).
    this.ready.catch(() => undefined);
    worker.on('message', (answer: JobAnswer | typeof WORKER_READY) => {
      if (!('id' in answer)) return;
      const pending = this.pending.get(answer.id);
      if (!pending) return;
      this.pending.delete(answer.id);
      if (this.pending.size === 0) worker.unref();
      if (answer.ok) pending.resolve(answer.value);
      else pending.reject(Object.assign(new Error(answer.error), { code: answer.code }));
    });
    const fail = (error: Error) => {
      if (this.worker === worker) {
        this.worker = null;
        this.ready = null;
      }
      for (const pending of this.pending.values()) pending.reject(error);
      this.pending.clear();
    };
    worker.on('error', fail);
    worker.on('exit', (code) => fail(new Error(`${this.name} worker exited (${code})`)));
    this.worker = worker;
    return worker;
  }
}
