import { JOIN_REQUEST_STATUSES } from '@cos/domain';
import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { users } from './auth';
import { clusters } from './cluster';
import { members } from './member';
import { municipalities } from './municipality';

/**
 * A request to join a cluster, from the public form (migration 0009 has the
 * checks). No change-tracking triggers: no public read depends on it, so a
 * submission moves no data scope. `area_ids` is a JSON array of area ids as
 * the applicant chose them (areas are the register's; no foreign key, so a
 * deleted area does not lose the request).
 */
export const joinRequests = sqliteTable(
  'join_requests',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    clusterId: integer('cluster_id')
      .notNull()
      .references(() => clusters.id, { onDelete: 'cascade' }),
    organisationName: text('organisation_name').notNull(),
    organisationNumber: text('organisation_number'),
    municipalityCode: text('municipality_code').references(() => municipalities.code),
    website: text('website'),
    areaIds: text('area_ids', { mode: 'json' }).$type<number[]>().notNull().default([]),
    contactName: text('contact_name').notNull(),
    email: text('email').notNull(),
    message: text('message').notNull().default(''),
    language: text('language', { enum: ['sv', 'en'] }).notNull(),
    consentAt: text('consent_at').notNull(),
    status: text('status', { enum: JOIN_REQUEST_STATUSES }).notNull().default('unconfirmed'),
    assignedTo: text('assigned_to').references(() => users.id, { onDelete: 'set null' }),
    confirmedAt: text('confirmed_at'),
    handledAt: text('handled_at'),
    handledBy: text('handled_by').references(() => users.id, { onDelete: 'set null' }),
    declineReason: text('decline_reason'),
    memberId: integer('member_id').references(() => members.id, { onDelete: 'set null' }),
    createdAt: text('created_at').notNull(),
    updatedAt: text('updated_at').notNull(),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    index('join_requests_cluster_status').on(t.clusterId, t.status, t.id),
    index('join_requests_status').on(t.status, t.id),
    index('join_requests_email').on(t.email),
    index('join_requests_handled_at').on(t.handledAt),
  ],
);
