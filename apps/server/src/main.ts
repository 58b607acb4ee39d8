/**
 * Starts the platform: opens the database, applies migrations, loads the
 * default data when the file is new, and serves everything on one port.
 * SIGINT/SIGTERM finish in-flight requests, then close the database.
 */
import { setFlagsFromString } from 'node:v8';
import { createAuth } from '@cos/api';
import { openDatabase, runMigrations, type DatabaseHandle } from '@cos/db';
import { hasDefaultData, seedDefaultData } from '@cos/db/seed';
import { buildApp } from './app';
import { loadConfig, type ServerConfig } from './config';

/**
 * A start-up failure (unwritable or corrupt database file, full disk, bad
 * settings) is told in one line and exits with 1 — no stack trace, and
 * nothing half-started for a supervisor to restart into the same failure.
 */
function cannotStart(message: string, error: unknown): never {
  const reason = error instanceof Error ? error.message : String(error);
  const code = (error as { code?: unknown } | null)?.code;
  console.error(`${message}: ${reason}${typeof code === 'string' ? ` (${code})` : ''}`);
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
let handle: DatabaseHandle;
try {
  handle = openDatabase({ url: config.databasePath });
  runMigrations(handle.db);
  if (!hasDefaultData(handle.db)) seedDefaultData(handle.db);
} catch (error) {
  cannotStart(`Cannot open the database at ${config.databasePath}`, error);
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
  frontends: true,
  logger: {
    level: process.env.LOG_LEVEL ?? 'info',
    // Never log credentials: cookies and auth headers are redacted.
    redact: ['req.headers.cookie', 'req.headers.authorization', 'res.headers["set-cookie"]'],
  },
});

let closing = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    if (closing) return;
    closing = true;
    app.log.info({ signal }, 'shutting down');
    app
      .close()
      .then(() => {
        handle.close();
        process.exit(0);
      })
      .catch((error: unknown) => {
        app.log.error(error, 'shutdown failed');
        process.exit(1);
      });
  });
}

await app.listen({ port: config.port, host: config.host });
app.log.info(`Clusters of Skåne is running at ${config.origin} (database ${handle.path})`);
