import { AUDIT_ACTIONS, AUDIT_ENTITIES } from '@cos/domain';
import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';

/**
 * Who changed what and when. Written in the same transaction as the change.
 * No foreign key to users: the trail must outlive a deleted account, so the
 * e-mail is kept as it was at the time.
 */
export const auditLog = sqliteTable(
  'audit_log',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    at: text('at').notNull(),
    userId: text('user_id'),
    userEmail: text('user_email'),
    entity: text('entity', { enum: AUDIT_ENTITIES }).notNull(),
    entityId: text('entity_id').notNull(),
    action: text('action', { enum: AUDIT_ACTIONS }).notNull(),
    /** JSON of the record before and after; null where there is none (create/delete). */
    before: text('before', { mode: 'json' }),
    after: text('after', { mode: 'json' }),
    /** Where the change came from besides its author, e.g. "suggestion #12 by Eva" (migration 0010). */
    note: text('note'),
  },
  (t) => [
    index('audit_entity_idx').on(t.entity, t.entityId, t.id),
    index('audit_user_idx').on(t.userId, t.id),
    index('audit_at_idx').on(t.at),
  ],
);
