/** The audit trail: written inside each write's transaction, read by admins and editors. */
import { auditLog, type Db } from '@cos/db';
import type { AuditListQuery } from '@cos/domain';
import { and, desc, eq, gte, lt, lte, sql, type SQL } from 'drizzle-orm';
import type { z } from 'zod';
import type { Actor } from '../actor';
import type { auditEntryOut } from '../outputs';
import { decodeCursor, encodeCursor } from './cursor';
import { onFirstUse, param, ShapeCache } from './prepared';

/** An entry as stored; `before` and `after` are the records' JSON, parsed. */
export type AuditEntry = z.infer<typeof auditEntryOut>;
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
      })
      .prepare(),
    byId: this.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.id, sql.placeholder('id')))
      .prepare(),
  }));
  private readonly lists = new ShapeCache<ReturnType<AuditTrail['prepareList']>>();

  constructor(private readonly db: Db) {}

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
    });
  }

  get(id: number): AuditEntry | undefined {
    return this.statements().byId.get({ id });
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
    const page: AuditEntry[] = hasMore ? rows.slice(0, query.limit) : rows;
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
    return this.db
      .select()
      .from(auditLog)
      .where(and(...conditions))
      .orderBy(desc(auditLog.id))
      .limit(sql.placeholder('limit'))
      .prepare();
  }
}
