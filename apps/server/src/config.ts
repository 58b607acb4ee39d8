/**
 * Settings from the environment, with defaults that make `pnpm start` work on
 * a fresh machine: port 3000, the database under ./data, and an auth secret
 * generated once and kept beside the database file (mode 600), and uploaded
 * images in a folder beside it too (MEDIA_DIR moves it).
 */
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { resolveDatabasePath } from '@cos/db';
import { parseRetentionMonths } from '@cos/domain';
import { downloadLimitsFromEnv, type DownloadLimits } from './download-limits';
import { mailSettingsFromEnv, type MailSettingsConfig } from './mail-settings';
import { parseTrustProxy, type TrustProxy } from './trusted-proxy';
import { checkWorkersFitDatabase, parseWorkerHeader, parseWorkers } from './workers';

export interface ServerConfig {
  port: number;
  host: string;
  origin: string;
  /**
   * Where signed-in writes and sign-in may come from: the public origin, and in
   * development (NODE_ENV=development, as `pnpm dev` sets) the admin's and the
   * site's dev servers, which proxy /trpc and /api here. better-auth's origin
   * check and our CSRF check both read this one list.
   */
  allowedOrigins: string[];
  databasePath: string;
  /** Uploaded images' files (MEDIA_DIR; by default <database file>.media beside it). */
  mediaDir: string;
  authSecret: string;
  /** DOWNLOADS_AT_ONCE / DOWNLOADS_PER_MINUTE: each address's register downloads (download-limits.ts). */
  downloadLimits: DownloadLimits;
  /** Processes serving the port (WORKERS: 1 by default, N, or auto); see workers.ts. */
  workers: number;
  /** WORKER_HEADER=1: answers say which worker served them (x-cos-worker), for tests and diagnosis. */
  workerHeader: boolean;
  /** TRUST_PROXY: the reverse proxies whose X-Forwarded-For gives the client address; see trusted-proxy.ts. */
  trustProxy: TrustProxy;
  /** RETENTION_MONTHS: months handled requests and suggestions are kept (default 12); see retentionMonthsFromEnv. */
  retentionMonths: number;
  /** SMTP_URL and MAIL_FROM (mail-settings.ts); without SMTP_URL mail stays in the outbox. */
  mail: MailSettingsConfig;
}

export function loadConfig(env = process.env): ServerConfig {
  const port = Number(env.PORT ?? 3000);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new Error(`PORT must be a port number, got "${env.PORT}"`);
  const host = env.HOST ?? '127.0.0.1';
  const databasePath = resolveDatabasePath(env.DATABASE_URL);
  const origin = env.PUBLIC_ORIGIN ?? `http://localhost:${port}`;
  const workers = parseWorkers(env.WORKERS);
  checkWorkersFitDatabase(workers, databasePath);
  const workerHeader = parseWorkerHeader(env.WORKER_HEADER);
  const trustProxy = parseTrustProxy(env.TRUST_PROXY);
  return {
    port,
    host,
    origin,
    allowedOrigins: allowedOrigins(origin, env),
    databasePath,
    mediaDir: mediaDirectory(databasePath, env),
    authSecret: env.AUTH_SECRET ?? persistedSecret(databasePath),
    downloadLimits: downloadLimitsFromEnv(env),
    workers,
    workerHeader,
    trustProxy,
    retentionMonths: retentionMonthsFromEnv(env),
    mail: mailSettingsFromEnv(env),
  };
}

/**
 * Where uploaded images are stored: MEDIA_DIR, or a folder beside the
 * database file named after it (data/cos.db → data/cos.db.media), so a
 * database and its images travel together and `pnpm cli backup` copies both.
 * An in-memory database gets a temporary folder that dies with the machine's /tmp.
 */
export function mediaDirectory(databasePath: string, env: NodeJS.ProcessEnv = process.env): string {
  if (env.MEDIA_DIR) return path.resolve(env.MEDIA_DIR);
  if (databasePath === ':memory:') return mkdtempSync(path.join(os.tmpdir(), 'cos-media-'));
  return `${databasePath}.media`;
}

/**
 * How long the personal data of handled join requests and suggestions is kept
 * (the retention job, @cos/api runRetention). A bad value stops the start with
 * one clear line rather than silently keeping data for a period nobody chose.
 */
export function retentionMonthsFromEnv(env: NodeJS.ProcessEnv = process.env): number {
  const parsed = parseRetentionMonths(env.RETENTION_MONTHS);
  if (!parsed.ok) throw new Error(`RETENTION_MONTHS ${parsed.reason}`);
  return parsed.months;
}

/** The dev servers of `pnpm dev`: the admin (vite dev) and the site (astro dev). */
export const DEV_SERVER_ORIGINS = ['http://localhost:5173', 'http://localhost:4321'] as const;

export function allowedOrigins(origin: string, env: NodeJS.ProcessEnv = process.env): string[] {
  const development = env.NODE_ENV === 'development' ? DEV_SERVER_ORIGINS : [];
  return [...new Set([new URL(origin).origin, ...development])];
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
