/**
 * sendMail: every mail is a mail_outbox row first, so nothing is lost — kept
 * there when no SMTP server is configured, or sent and marked sent, or marked
 * failed with the error for retryUndelivered (the scheduler's 'mail-retry'
 * job) to try again. Transport failures never reach the caller: the join,
 * suggestion or decision that caused the mail has already been saved and must
 * not be reported as failed because a mail server is down.
 */
import { mailOutbox, type DatabaseHandle } from '@cos/db';
import type { MailLanguage } from '@cos/domain';
import { and, asc, eq, inArray, lt, sql } from 'drizzle-orm';
import { mailConfig } from './config';

export interface OutgoingMail {
  to: string;
  language: MailLanguage;
  subject: string;
  text: string;
  html: string;
  /** What the mail is about, e.g. 'join.received' (shown in the Outbox). */
  kind: string;
}

/** Tries per mail, the first included; then it stays failed for an admin to see. */
export const MAIL_MAX_ATTEMPTS = 5;

/** The row's id; resolves once the mail is recorded (and, with SMTP, tried once). */
export async function sendMail(handle: DatabaseHandle, mail: OutgoingMail): Promise<number> {
  const config = mailConfig(handle);
  const [row] = handle.db
    .insert(mailOutbox)
    .values({
      createdAt: new Date(),
      to: mail.to,
      language: mail.language,
      subject: mail.subject,
      text: mail.text,
      html: mail.html,
      kind: mail.kind,
      status: config.transport ? 'queued' : 'outbox',
    })
    .returning({ id: mailOutbox.id })
    .all();
  const id = (row as { id: number }).id;
  if (!config.transport) {
    config.log('mail kept in the outbox (no SMTP_URL)', {
      mailId: id,
      kind: mail.kind,
      to: mail.to,
    });
    return id;
  }
  await deliver(handle, id);
  return id;
}

/** One try at sending row `id` over SMTP; records sent or failed. */
async function deliver(handle: DatabaseHandle, id: number): Promise<void> {
  const config = mailConfig(handle);
  const row = handle.db.select().from(mailOutbox).where(eq(mailOutbox.id, id)).get();
  if (!row || !config.transport) return;
  const attempts = row.attempts + 1;
  try {
    await config.transport.sendMail({
      from: config.from,
      to: row.to,
      subject: row.subject,
      text: row.text,
      html: row.html,
      headers: { 'Content-Language': row.language },
    });
    handle.db
      .update(mailOutbox)
      .set({ status: 'sent', attempts, sentAt: new Date(), lastError: null })
      .where(eq(mailOutbox.id, id))
      .run();
    config.log('mail sent', { mailId: id, kind: row.kind, to: row.to, attempts });
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    handle.db
      .update(mailOutbox)
      .set({ status: 'failed', attempts, lastError: message.slice(0, 1000) })
      .where(eq(mailOutbox.id, id))
      .run();
    config.log('mail not sent', {
      mailId: id,
      kind: row.kind,
      to: row.to,
      attempts,
      error: message,
    });
  }
}

/**
 * Tries again the mail that failed (fewer than MAIL_MAX_ATTEMPTS tries) or was
 * left 'queued' by a process that stopped mid-send, waiting 2^attempts minutes
 * after the mail was made before each new try. Does nothing without SMTP.
 */
export async function retryUndelivered(
  handle: DatabaseHandle,
  { now = new Date() }: { now?: Date } = {},
): Promise<number> {
  if (!mailConfig(handle).transport) return 0;
  const due = handle.db
    .select({ id: mailOutbox.id })
    .from(mailOutbox)
    .where(
      and(
        inArray(mailOutbox.status, ['failed', 'queued']),
        lt(mailOutbox.attempts, MAIL_MAX_ATTEMPTS),
        sql`${mailOutbox.createdAt} + (1 << ${mailOutbox.attempts}) * 60000 <= ${now.getTime()}`,
      ),
    )
    .orderBy(asc(mailOutbox.id))
    .limit(100)
    .all();
  for (const { id } of due) await deliver(handle, id);
  return due.length;
}
