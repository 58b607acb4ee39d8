/**
 * How mail leaves the platform, set once per database handle by the server at
 * start (apps/server main.ts from SMTP_URL and MAIL_FROM): the services that
 * send mail take only the handle, so they know nothing of settings or HTTP.
 * A handle nobody configured keeps every mail in the outbox, which is what
 * tests and the CLI get, and what `pnpm start` without SMTP_URL does.
 */
import type { DatabaseHandle } from '@cos/db';
import { createTransport, type Transporter } from 'nodemailer';

/** One line per mail, never its body (which may hold what someone typed into a form). */
export type MailLog = (message: string, fields: Record<string, unknown>) => void;

export interface MailSettings {
  /** smtp:// or smtps:// URL with credentials if needed; unset = outbox only. */
  smtpUrl?: string | undefined;
  /** The From header (MAIL_FROM). */
  from?: string | undefined;
  /** The public origin: a path given as a notification's url is made absolute with it. */
  origin?: string | undefined;
  log?: MailLog | undefined;
}

export interface MailConfig {
  transport: Transporter | null;
  from: string;
  origin: string;
  log: MailLog;
}

const configs = new WeakMap<DatabaseHandle, MailConfig>();

const DEFAULT_ORIGIN = 'http://localhost:3000';
const silent: MailLog = () => {};

export function defaultFrom(origin: string): string {
  return `Clusters of Skåne <no-reply@${new URL(origin).hostname}>`;
}

export function configureMail(handle: DatabaseHandle, settings: MailSettings): MailConfig {
  const origin = settings.origin ?? DEFAULT_ORIGIN;
  const config: MailConfig = {
    // A URL is nodemailer's own connection string; one connection per message (no pool), so
    // nothing is left open between the few mails the platform sends and nothing needs closing.
    transport: settings.smtpUrl ? createTransport(settings.smtpUrl) : null,
    from: settings.from ?? defaultFrom(origin),
    origin,
    log: settings.log ?? silent,
  };
  configs.set(handle, config);
  return config;
}

export function mailConfig(handle: DatabaseHandle): MailConfig {
  return (
    configs.get(handle) ?? {
      transport: null,
      from: defaultFrom(DEFAULT_ORIGIN),
      origin: DEFAULT_ORIGIN,
      log: silent,
    }
  );
}

/** A notification's url as the recipient can open it: a path gets the public origin. */
export function absoluteUrl(handle: DatabaseHandle, url: string): string {
  return url.startsWith('/') ? new URL(url, mailConfig(handle).origin).href : url;
}
