/**
 * The worker's side of WORKERS=N (see cluster-primary.ts): what it tells the
 * primary, and the diagnostic header that says which worker answered.
 */
import cluster from 'node:cluster';
import type { FastifyInstance } from 'fastify';

export type WorkerMessage =
  /** Listening: the primary counts the workers that are up. */
  | { type: 'cos:ready' }
  /** Start-up failed; the primary tells it once, however many workers hit it. */
  | { type: 'cos:cannot-start'; line: string };

export function isWorkerMessage(value: unknown): value is WorkerMessage {
  const type = (value as { type?: unknown } | null)?.type;
  return type === 'cos:ready' || type === 'cos:cannot-start';
}

export function tellPrimary(message: WorkerMessage): void {
  // A small message on the IPC pipe is written at once (libuv writes before
  // queueing), so it is sent even when process.exit() follows; the primary
  // reads it before it sees the channel close.
  process.send?.(message);
}

/** `<worker id>:<pid>` (id 0 without cluster). */
export function workerName(): string {
  return `${cluster.worker?.id ?? 0}:${process.pid}`;
}

/**
 * WORKER_HEADER=1: every answer carries `x-cos-worker: <id>:<pid>`. Set on
 * the raw response before Fastify sees the request, so answers served by
 * the response cache's onRequest hook carry it too, without a hook of ours
 * on the hot path of a normal start.
 */
export function exposeWorkerHeader(app: FastifyInstance): void {
  const name = workerName();
  app.server.prependListener('request', (_request, response) => {
    response.setHeader('x-cos-worker', name);
  });
}
