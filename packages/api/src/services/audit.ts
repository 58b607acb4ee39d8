/** The audit trail: written inside each write's transaction, read by admins and editors. */
import type { AuditListQuery } from '@cos/domain';
import type { SessionUser } from '../actor';
import { decodeCursor, encodeCursor } from './cursor';
import type { StatementCache } from './statement-cache';

export type AuditEntity = 'area' | 'cluster' | 'member' | 'article' | 'user';
export type AuditAction =
  'create' | 'update' | 'publish' | 'unpublish' | 'archive' | 'delete' | 'restore' | 'import';

export interface AuditEntry {
  id: number;
  at: string;
  userId: string | null;
  userEmail: string | null;
  entity: AuditEntity;
  entityId: string;
  action: AuditAction;
  before: unknown;
  after: unknown;
}

export class AuditTrail {
  constructor(private readonly statements: StatementCache) {}

  /** Must be called inside the transaction of the write it records. */
  record(
    user: SessionUser | null,
    entity: AuditEntity,
    entityId: string | number,
    action: AuditAction,
    before: unknown,
    after: unknown,
  ): void {
    this.statements
      .get(
        'INSERT INTO audit_log (at, user_id, user_email, entity, entity_id, action, before, after) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
      )
      .run(
        new Date().toISOString(),
        user?.id ?? null,
        user?.email ?? null,
        entity,
        String(entityId),
        action,
        before === null || before === undefined ? null : JSON.stringify(before),
        after === null || after === undefined ? null : JSON.stringify(after),
      );
  }

  get(id: number): AuditEntry | undefined {
    const row = this.statements.one<RawEntry>(`SELECT ${COLUMNS} FROM audit_log WHERE id = ?`, [
      id,
    ]);
    return row ? parse(row) : undefined;
  }

  list(query: AuditListQuery) {
    const parts: string[] = ['1'];
    const params: unknown[] = [];
    if (query.entity) {
      parts.push('entity = ?');
      params.push(query.entity);
    }
    if (query.entityId) {
      parts.push('entity_id = ?');
      params.push(query.entityId);
    }
    if (query.userId) {
      parts.push('user_id = ?');
      params.push(query.userId);
    }
    if (query.from) {
      parts.push('at >= ?');
      params.push(new Date(query.from).toISOString());
    }
    if (query.to) {
      parts.push('at <= ?');
      params.push(new Date(query.to).toISOString());
    }
    const cursor = decodeCursor(query.cursor, 'audit');
    if (cursor) {
      parts.push('id < ?');
      params.push(cursor.id);
    }
    const rows = this.statements.all<RawEntry>(
      `SELECT ${COLUMNS} FROM audit_log WHERE ${parts.join(' AND ')} ORDER BY id DESC LIMIT ?`,
      [...params, query.limit + 1],
    );
    const hasMore = rows.length > query.limit;
    const page = (hasMore ? rows.slice(0, query.limit) : rows).map(parse);
    const last = page[page.length - 1];
    return {
      items: page,
      nextCursor: hasMore && last ? encodeCursor({ s: 'audit', k: last.id, id: last.id }) : null,
    };
  }
}

const COLUMNS =
  'id, at, user_id AS userId, user_email AS userEmail, entity, entity_id AS entityId, action, before, after';
type RawEntry = Omit<AuditEntry, 'before' | 'after'> & {
  before: string | null;
  after: string | null;
};

function parse(row: RawEntry): AuditEntry {
  return {
    ...row,
    before: row.before === null ? null : (JSON.parse(row.before) as unknown),
    after: row.after === null ? null : (JSON.parse(row.after) as unknown),
  };
}
