/**
 * Starts the platform: opens the database, applies migrations, loads the
 * default data when the file is new, and serves everything on one port.
 * SIGINT/SIGTERM finish in-flight requests, then close the database.
 */
import { createAuth } from '@cos/api';
import { openDatabase, runMigrations } from '@cos/db';
import { hasDefaultData, seedDefaultData } from '@cos/db/seed';
import { buildApp } from './app';
import { loadConfig } from './config';

const config = loadConfig();
const handle = openDatabase({ url: config.databasePath });
runMigrations(handle.db);
if (!hasDefaultData(handle.db)) seedDefaultData(handle.db);

const auth = createAuth(handle, { baseURL: config.origin, secret: config.authSecret });
const app = await buildApp({
  handle,
  auth,
  origin: config.origin,
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
