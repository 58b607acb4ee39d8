/**
 * Starts the platform: opens the database, applies migrations, loads the
 * default data when the file is new, and serves everything on one port.
 * SIGINT/SIGTERM finish in-flight requests, then close the database.
 *
 * With WORKERS=N (N > 1) this file runs as the primary and as each worker:
 * the primary migrates and seeds (only it), closes its connection and
 * supervises (cluster-primary.ts); each worker opens the same WAL database
 * and serves the same port, with its own caches kept fresh by the database's
 * change tracking. WORKERS unset or 1 is one process without node:cluster.
 */
import cluster from 'node:cluster';
import { setFlagsFromString } from 'node:v8';
import { configureMail, createAuth } from '@cos/api';
import { openDatabase, runMigrations, type DatabaseHandle } from '@cos/db';
import { hasDefaultData, seedDefaultData } from '@cos/db/seed';
import { buildApp } from './app';
import { startWorkers } from './app-workers';
import { superviseWorkers } from './cluster-primary';
import { exposeWorkerHeader, tellPrimary, workerName } from './cluster-worker';
import { loadConfig, type ServerConfig } from './config';
import { SCHEDULED_JOBS } from './scheduled-job-list';
import { JobScheduler, runsScheduledJobs } from './scheduled-jobs';

/**
 * A start-up failure (unwritable or corrupt database file, full disk, bad
 * settings) is told in one line and exits with 1 — no stack trace, and
 * nothing half-started for a supervisor to restart into the same failure.
 */
function cannotStart(message: string, error: unknown): never {
  const reason = error instanceof Error ? error.message : String(error);
  const code = (error as { code?: unknown } | null)?.code;
  const line = `${message}: ${reason}${typeof code === 'string' ? ` (${code})` : ''}`;
  // A worker leaves the telling to the primary: N workers failing alike is one line.
  if (cluster.isWorker) tellPrimary({ type: 'cos:cannot-start', line });
  else console.error(line);
  process.exit(1);
}

// V8 grows the heap to about twice the live data after each full collection; under load that
// let a server with ~35 MB of live objects reach 380 MB of RSS. Growing by 40 % keeps the peak
// near 220 MB at the same throughput (BENCHMARKS.md), and unlike --max-old-space-size it is no
// ceiling: a large CSV import can still use what it needs. Read by V8 at every collection, so it
// can be set here (it is not one of the flags NODE_OPTIONS accepts).
setFlagsFromString('--heap-growing-percent=40');

let config: ServerConfig;
try {
  config = loadConfig();
} catch (error) {
  cannotStart('Cannot start', error);
}
const clustered = config.workers > 1;
let handle: DatabaseHandle;
try {
  handle = openDatabase({ url: config.databasePath });
  // Migrations and default data once, before any worker reads: never by N workers at once.
  if (cluster.isPrimary) {
    runMigrations(handle.db);
    if (!hasDefaultData(handle.db)) seedDefaultData(handle.db);
  }
} catch (error) {
  cannotStart(`Cannot open the database at ${config.databasePath}`, error);
}
if (clustered && cluster.isPrimary) {
  handle.close();
  // The primary serves nothing: it supervises until the workers have stopped.
  process.exit(
    await superviseWorkers({
      workers: config.workers,
      readyLine: `Clusters of Skåne is running at ${config.origin} with ${config.workers} workers (database ${handle.path})`,
    }),
  );
}

const auth = createAuth(handle, {
  baseURL: config.origin,
  trustedOrigins: config.allowedOrigins,
  secret: config.authSecret,
});
const app = await buildApp({
  handle,
  auth,
  origin: config.origin,
  allowedOrigins: config.allowedOrigins,
  mediaDir: config.mediaDir,
  trustProxy: config.trustProxy,
  downloadLimits: config.downloadLimits,
  frontends: true,
  logger: {
    level: process.env.LOG_LEVEL ?? 'info',
    // Never log credentials: cookies and auth headers are redacted.
    redact: ['req.headers.cookie', 'req.headers.authorization', 'res.headers["set-cookie"]'],
  },
}).catch((error: unknown) => cannotStart('Cannot start', error));

if (config.workerHeader) exposeWorkerHeader(app);

// Mail: sent over SMTP_URL, or kept in the outbox table when it is unset (services/mail).
configureMail(handle, {
  smtpUrl: config.mail.smtpUrl,
  from: config.mail.mailFrom,
  origin: config.origin,
  log: (message, fields) => app.log.info(fields, message),
});
if (!config.mail.smtpUrl)
  app.log.info('SMTP_URL is not set: mail is kept in the outbox (admin → Utkorg) and logged');

// Periodic jobs in one process only: the single process, or worker slot 0 of WORKERS=N.
const scheduler = new JobScheduler({
  jobs: SCHEDULED_JOBS,
  handle,
  config,
  log: (level, message, fields = {}) => app.log[level](fields, message),
});

let closing = false;
function shutDown(signal: NodeJS.Signals | 'disconnect') {
  if (closing) return;
  closing = true;
  app.log.info({ signal }, 'shutting down');
  scheduler
    .stop()
    .then(() => app.close())
    .then(() => {
      handle.close();
      process.exit(0);
    })
    .catch((error: unknown) => {
      app.log.error(error, 'shutdown failed');
      process.exit(1);
    });
}
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => shutDown(signal));
// A worker whose primary is gone (killed with SIGKILL) drains and stops instead of lingering.
if (cluster.isWorker) process.once('disconnect', () => shutDown('disconnect'));

try {
  await app.listen({ port: config.port, host: config.host });
  // Now rather than with the first download or import, which would wait for it (app-workers.ts).
  startWorkers(app).catch((error: unknown) => app.log.error(error, 'a job worker did not start'));
} catch (error) {
  cannotStart(`Cannot listen on ${config.host}:${config.port}`, error);
}
if (runsScheduledJobs(config.workers, process.env.COS_WORKER_SLOT)) scheduler.start();
if (cluster.isWorker) {
  app.log.info({ worker: workerName() }, 'worker listening');
  tellPrimary({ type: 'cos:ready' });
} else {
  app.log.info(`Clusters of Skåne is running at ${config.origin} (database ${handle.path})`);
}
