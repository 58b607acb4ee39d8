import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';

/**
 * Suggested updates to a published member or cluster (migration 0010). The
 * checks (target type, status, JSON) live in the SQL; no data scope: no public
 * read depends on this table.
 */
export const updateSuggestions = sqliteTable(
  'update_suggestions',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    targetType: text('target_type', { enum: ['member', 'cluster'] }).notNull(),
    targetId: integer('target_id').notNull(),
    targetVersion: integer('target_version').notNull(),
    /** JSON: only the fields the sender changed. */
    proposed: text('proposed').notNull(),
    senderName: text('sender_name').notNull(),
    senderEmail: text('sender_email').notNull(),
    language: text('language', { enum: ['sv', 'en'] }).notNull(),
    comment: text('comment').notNull().default(''),
    consentAt: text('consent_at').notNull(),
    status: text('status', { enum: ['unconfirmed', 'new', 'applied', 'rejected'] })
      .notNull()
      .default('unconfirmed'),
    confirmedAt: text('confirmed_at'),
    handledBy: text('handled_by'),
    handledAt: text('handled_at'),
    rejectReason: text('reject_reason'),
    /** JSON array of the field names an apply wrote. */
    appliedFields: text('applied_fields'),
    createdAt: text('created_at').notNull(),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    index('update_suggestions_target_idx').on(t.targetType, t.targetId, t.status),
    index('update_suggestions_status_idx').on(t.status, t.id),
  ],
);
export type UpdateSuggestionRow = typeof updateSuggestions.$inferSelect;
