/**
 * The admin's Outbox: every mail the platform recorded, newest first, and one
 * mail in full. Administrators only — the mails hold people's addresses and
 * what they wrote.
 */
import { mailOutbox, type DatabaseHandle } from '@cos/db';
import { count, desc, eq } from 'drizzle-orm';
import type { Actor } from '../../actor';
import { notFound } from '../../errors';
import { assertAdmin } from '../permissions';

export const OUTBOX_PAGE_SIZE = 50;

export function listOutbox(handle: DatabaseHandle, user: Actor, { page }: { page: number }) {
  assertAdmin(user, 'any');
  const total = handle.db.select({ n: count() }).from(mailOutbox).get()?.n ?? 0;
  const rows = handle.db
    .select({
      id: mailOutbox.id,
      createdAt: mailOutbox.createdAt,
      to: mailOutbox.to,
      subject: mailOutbox.subject,
      kind: mailOutbox.kind,
      status: mailOutbox.status,
      attempts: mailOutbox.attempts,
    })
    .from(mailOutbox)
    .orderBy(desc(mailOutbox.id))
    .limit(OUTBOX_PAGE_SIZE)
    .offset((page - 1) * OUTBOX_PAGE_SIZE)
    .all();
  return {
    items: rows.map((r) => ({ ...r, createdAt: r.createdAt.toISOString() })),
    page,
    pages: Math.max(1, Math.ceil(total / OUTBOX_PAGE_SIZE)),
    total,
  };
}

export function getOutboxMail(handle: DatabaseHandle, user: Actor, id: number) {
  assertAdmin(user, 'any');
  const row = handle.db.select().from(mailOutbox).where(eq(mailOutbox.id, id)).get();
  if (!row) throw notFound('mail', id);
  return {
    ...row,
    createdAt: row.createdAt.toISOString(),
    sentAt: row.sentAt ? row.sentAt.toISOString() : null,
  };
}
