/**
 * Settings from the environment, with defaults that make `pnpm start` work on
 * a fresh machine: port 3000, the database under ./data, and an auth secret
 * generated once and kept beside the database file (mode 600).
 */
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { resolveDatabasePath } from '@cos/db';

export interface ServerConfig {
  port: number;
  host: string;
  origin: string;
  databasePath: string;
  authSecret: string;
}

export function loadConfig(env = process.env): ServerConfig {
  const port = Number(env.PORT ?? 3000);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new Error(`PORT must be a port number, got "${env.PORT}"`);
  const host = env.HOST ?? '127.0.0.1';
  const databasePath = resolveDatabasePath(env.DATABASE_URL);
  return {
    port,
    host,
    origin: env.PUBLIC_ORIGIN ?? `http://localhost:${port}`,
    databasePath,
    authSecret: env.AUTH_SECRET ?? persistedSecret(databasePath),
  };
}

function persistedSecret(databasePath: string): string {
  if (databasePath === ':memory:') return randomBytes(32).toString('hex');
  const file = `${databasePath}.auth-secret`;
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  mkdirSync(path.dirname(file), { recursive: true });
  const secret = randomBytes(32).toString('hex');
  writeFileSync(file, secret, { mode: 0o600 });
  return secret;
}
