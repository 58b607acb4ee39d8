/**
 * Mail the platform sends (packages/api services/mail) and the events waiting
 * for a daily summary. See drizzle/0008_mail-outbox.sql for why every mail is
 * a row here first. Times are epoch milliseconds, like the accounts' tables.
 */
import { MAIL_LANGUAGES, MAIL_STATUSES } from '@cos/domain';
import { check, index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { sql } from 'drizzle-orm';
import { users } from './auth';
import { clusters } from './cluster';
import { isOneOf } from './vocabulary-check';

export const mailOutbox = sqliteTable(
  'mail_outbox',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
    to: text('to').notNull(),
    language: text('language', { enum: MAIL_LANGUAGES }).notNull(),
    subject: text('subject').notNull(),
    text: text('text').notNull(),
    html: text('html').notNull(),
    /** What the mail is about (e.g. 'join.received', 'digest'), for the Outbox and for tests. */
    kind: text('kind').notNull(),
    status: text('status', { enum: MAIL_STATUSES }).notNull(),
    attempts: integer('attempts').notNull().default(0),
    lastError: text('last_error'),
    sentAt: integer('sent_at', { mode: 'timestamp_ms' }),
  },
  (t) => [
    check('mail_outbox_language_valid', isOneOf(t.language, MAIL_LANGUAGES)),
    check('mail_outbox_status_valid', isOneOf(t.status, MAIL_STATUSES)),
    index('mail_outbox_undelivered')
      .on(t.id)
      .where(sql`${t.status} in ('queued','failed')`),
  ],
);

export const pendingNotifications = sqliteTable(
  'pending_notifications',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    userId: text('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    clusterId: integer('cluster_id').references(() => clusters.id, { onDelete: 'cascade' }),
    kind: text('kind').notNull(),
    summarySv: text('summary_sv').notNull(),
    summaryEn: text('summary_en').notNull(),
    url: text('url').notNull(),
    createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
  },
  (t) => [index('pending_notifications_user').on(t.userId, t.id)],
);
