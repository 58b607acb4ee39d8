/**
 * The worker threads an app runs jobs in (download-route.ts, import-route.ts),
 * so the server can start them all as soon as it listens instead of with the
 * first download or import — which then waited for the worker to load: from
 * the TypeScript sources through tsx that took over 10 s on a clean clone's
 * busy cores (seen in CI), too long for Fastify's ready timeout as well, so
 * they are started after listen, not in an onReady hook.
 */
import type { FastifyInstance } from 'fastify';
import { WorkerJobs } from './worker-jobs';

const byApp = new WeakMap<FastifyInstance, { start(): Promise<void> }[]>();

/** A job worker for this app, closed with it. */
export function appWorker<Job, Result>(
  app: FastifyInstance,
  name: string,
): WorkerJobs<Job, Result> {
  const worker = new WorkerJobs<Job, Result>(name);
  const list = byApp.get(app) ?? [];
  list.push(worker);
  byApp.set(app, list);
  app.addHook('onClose', () => worker.close());
  return worker;
}

/** Starts every job worker of the app; resolves once each takes jobs. */
export async function startWorkers(app: FastifyInstance): Promise<void> {
  await Promise.all((byApp.get(app) ?? []).map((worker) => worker.start()));
}
