/**
 * Accounts and sessions, in the shape better-auth's Drizzle adapter expects
 * (model keys user/session/account/verification), plus our role and cluster.
 */
import { MAIL_LANGUAGES, NOTIFICATION_MODES, USER_ROLES } from '@cos/domain';
import { sql } from 'drizzle-orm';
import { check, index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { clusters } from './cluster';
import { isOneOf } from './vocabulary-check';

const timestamps = {
  createdAt: integer('created_at', { mode: 'timestamp_ms' })
    .notNull()
    .$defaultFn(() => new Date()),
  updatedAt: integer('updated_at', { mode: 'timestamp_ms' })
    .notNull()
    .$defaultFn(() => new Date()),
};

export const users = sqliteTable(
  'users',
  {
    id: text('id').primaryKey(),
    name: text('name').notNull(),
    email: text('email').notNull().unique(),
    emailVerified: integer('email_verified', { mode: 'boolean' }).notNull().default(false),
    image: text('image'),
    role: text('role', { enum: USER_ROLES }).notNull().default('editor'),
    clusterId: integer('cluster_id').references(() => clusters.id, { onDelete: 'restrict' }),
    disabled: integer('disabled', { mode: 'boolean' }).notNull().default(false),
    /** One mail per event, or a daily summary (services/mail). */
    notificationMode: text('notification_mode', { enum: NOTIFICATION_MODES })
      .notNull()
      .default('each'),
    /** The language of the platform's mails to this person. */
    mailLanguage: text('mail_language', { enum: MAIL_LANGUAGES }).notNull().default('sv'),
    version: integer('version').notNull().default(1),
    ...timestamps,
  },
  (t) => [
    check('users_role_valid', isOneOf(t.role, USER_ROLES)),
    check('users_notification_mode_valid', isOneOf(t.notificationMode, NOTIFICATION_MODES)),
    check('users_mail_language_valid', isOneOf(t.mailLanguage, MAIL_LANGUAGES)),
    // An editor runs exactly one cluster; an admin none.
    check(
      'users_role_cluster',
      sql`(${t.role} = 'editor' and ${t.clusterId} is not null) or (${t.role} = 'admin' and ${t.clusterId} is null)`,
    ),
  ],
);

export const sessions = sqliteTable(
  'sessions',
  {
    id: text('id').primaryKey(),
    expiresAt: integer('expires_at', { mode: 'timestamp_ms' }).notNull(),
    token: text('token').notNull().unique(),
    ipAddress: text('ip_address'),
    userAgent: text('user_agent'),
    userId: text('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    ...timestamps,
  },
  (t) => [index('sessions_user_idx').on(t.userId)],
);

export const accounts = sqliteTable(
  'accounts',
  {
    id: text('id').primaryKey(),
    accountId: text('account_id').notNull(),
    providerId: text('provider_id').notNull(),
    userId: text('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    accessToken: text('access_token'),
    refreshToken: text('refresh_token'),
    idToken: text('id_token'),
    accessTokenExpiresAt: integer('access_token_expires_at', { mode: 'timestamp_ms' }),
    refreshTokenExpiresAt: integer('refresh_token_expires_at', { mode: 'timestamp_ms' }),
    scope: text('scope'),
    /** The password hash (better-auth uses scrypt, a memory-hard function). */
    password: text('password'),
    ...timestamps,
  },
  (t) => [index('accounts_user_idx').on(t.userId)],
);

export const verifications = sqliteTable(
  'verifications',
  {
    id: text('id').primaryKey(),
    identifier: text('identifier').notNull(),
    value: text('value').notNull(),
    expiresAt: integer('expires_at', { mode: 'timestamp_ms' }).notNull(),
    ...timestamps,
  },
  (t) => [index('verifications_identifier_idx').on(t.identifier)],
);
