/**
 * SMTP_URL and MAIL_FROM: how the platform's mail leaves it. Without SMTP_URL
 * every mail stays in the outbox table (readable in the admin) and is logged,
 * so `pnpm start` needs no mail server and nothing is lost. SMTP_URL is
 * nodemailer's connection URL: smtp://user:pass@host:587 (STARTTLS when the
 * server offers it) or smtps://user:pass@host:465 (TLS from the start).
 */
export interface MailSettingsConfig {
  smtpUrl: string | undefined;
  /** The From header; by default no-reply at the public origin's host. */
  mailFrom: string | undefined;
}

export function mailSettingsFromEnv(env: NodeJS.ProcessEnv): MailSettingsConfig {
  const smtpUrl = env.SMTP_URL?.trim() || undefined;
  if (smtpUrl !== undefined) {
    let protocol: string;
    try {
      protocol = new URL(smtpUrl).protocol;
    } catch {
      throw new Error('SMTP_URL must be a URL such as smtp://user:password@mail.example.se:587');
    }
    if (protocol !== 'smtp:' && protocol !== 'smtps:')
      throw new Error(`SMTP_URL must start with smtp:// or smtps://, got "${protocol}"`);
  }
  const mailFrom = env.MAIL_FROM?.trim() || undefined;
  if (mailFrom !== undefined && !/^[^<>]*<?[^\s@<>]+@[^\s@<>]+>?$/.test(mailFrom))
    throw new Error(`MAIL_FROM must be an address, e.g. "Clusters of Skåne <no-reply@example.se>"`);
  return { smtpUrl, mailFrom };
}
