/** The audit trail: written inside each write's transaction, read by admins and editors. */
import { auditLog, users, type Db } from '@cos/db';
import type { AuditListQuery } from '@cos/domain';
import { and, desc, eq, getTableColumns, gte, lt, lte, sql, type SQL } from 'drizzle-orm';
import type { z } from 'zod';
import type { Actor } from '../actor';
import type { auditEntryOut } from '../outputs';
import { decodeCursor, encodeCursor } from './cursor';
import { onFirstUse, param, ShapeCache } from './prepared';

/** An entry as stored; `before` and `after` are the records' JSON, parsed. */
export type AuditEntry = Omit<
  z.infer<typeof auditEntryOut>,
  'actorName' | 'actorRole' | 'changedFields'
>;
/** An entry as listed: with its author's name and role as the account has them now. */
export type ListedAuditEntry = AuditEntry & {
  actorName: string | null;
  actorRole: 'admin' | 'editor' | null;
};
export type AuditEntity = AuditEntry['entity'];
export type AuditAction = AuditEntry['action'];

const json = (value: unknown) =>
  value === null || value === undefined ? null : JSON.stringify(value);

export class AuditTrail {
  private readonly statements = onFirstUse(() => ({
    // before/after are bound as JSON text already: the column's own encoder would store a missing state as 'null'.
    insert: this.db
      .insert(auditLog)
      .values({
        at: sql.placeholder('at'),
        userId: sql.placeholder('userId'),
        userEmail: sql.placeholder('userEmail'),
        entity: sql.placeholder('entity'),
        entityId: sql.placeholder('entityId'),
        action: sql.placeholder('action'),
        before: param('before'),
        after: param('after'),
        note: sql.placeholder('note'),
      })
      .prepare(),
    byId: this.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.id, sql.placeholder('id')))
      .prepare(),
    // The newest entry about a record: who made the version a conflict reports.
    latest: this.db
      .select({ at: auditLog.at, actorName: users.name, actorRole: users.role })
      .from(auditLog)
      .leftJoin(users, eq(users.id, auditLog.userId))
      .where(
        and(
          eq(auditLog.entity, sql.placeholder('entity')),
          eq(auditLog.entityId, sql.placeholder('entityId')),
        ),
      )
      .orderBy(desc(auditLog.id))
      .limit(1)
      .prepare(),
  }));
  private readonly lists = new ShapeCache<ReturnType<AuditTrail['prepareList']>>();

  /** The note `attributed` puts on every entry recorded while it runs. */
  private note: string | null = null;

  constructor(private readonly db: Db) {}

  /**
   * Runs `write` (synchronous, like every transaction here) with `note` on each
   * entry it records: a write service stays unaware of where its input came
   * from, yet the trail says so ("suggestion #12 by Eva").
   */
  attributed<T>(note: string, write: () => T): T {
    const outer = this.note;
    this.note = note;
    try {
      return write();
    } finally {
      this.note = outer;
    }
  }

  /** Must be called inside the transaction of the write it records. */
  record(
    user: Actor | null,
    entity: AuditEntity,
    entityId: string | number,
    action: AuditAction,
    before: unknown,
    after: unknown,
  ): void {
    this.statements().insert.run({
      at: new Date().toISOString(),
      userId: user?.id ?? null,
      userEmail: user?.email ?? null,
      entity,
      entityId: String(entityId),
      action,
      before: json(before),
      after: json(after),
      note: this.note,
    });
  }

  get(id: number): AuditEntry | undefined {
    return this.statements().byId.get({ id });
  }

  /** When a record was last written and by whom (name and role, never the e-mail). */
  latest(
    entity: AuditEntity,
    entityId: string | number,
  ): { at: string; actorName: string | null; actorRole: 'admin' | 'editor' | null } | undefined {
    return this.statements().latest.get({ entity, entityId: String(entityId) });
  }

  list(query: AuditListQuery) {
    const cursor = decodeCursor(query.cursor, 'audit');
    const filters = {
      entity: query.entity,
      entityId: query.entityId,
      userId: query.userId,
      from: query.from ? new Date(query.from).toISOString() : undefined,
      to: query.to ? new Date(query.to).toISOString() : undefined,
      before: cursor?.id,
    };
    const given = (Object.keys(filters) as (keyof typeof filters)[]).filter((k) => filters[k]);
    const statement = this.lists.get(given.join(','), () => this.prepareList(new Set(given)));
    const rows = statement.all({ ...filters, limit: query.limit + 1 });
    const hasMore = rows.length > query.limit;
    const page: ListedAuditEntry[] = hasMore ? rows.slice(0, query.limit) : rows;
    const last = page[page.length - 1];
    return {
      items: page,
      nextCursor: hasMore && last ? encodeCursor({ s: 'audit', k: last.id, id: last.id }) : null,
    };
  }

  private prepareList(given: Set<string>) {
    const conditions: SQL[] = [];
    if (given.has('entity')) conditions.push(eq(auditLog.entity, param('entity')));
    if (given.has('entityId')) conditions.push(eq(auditLog.entityId, param('entityId')));
    if (given.has('userId')) conditions.push(eq(auditLog.userId, param('userId')));
    if (given.has('from')) conditions.push(gte(auditLog.at, param('from')));
    if (given.has('to')) conditions.push(lte(auditLog.at, param('to')));
    if (given.has('before')) conditions.push(lt(auditLog.id, param('before')));
    // The author's name and role come from their account; a deleted account leaves them null.
    return this.db
      .select({ ...getTableColumns(auditLog), actorName: users.name, actorRole: users.role })
      .from(auditLog)
      .leftJoin(users, eq(users.id, auditLog.userId))
      .where(and(...conditions))
      .orderBy(desc(auditLog.id))
      .limit(sql.placeholder('limit'))
      .prepare();
  }
}
