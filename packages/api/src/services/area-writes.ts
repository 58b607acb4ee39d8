/**
 * Creating and changing the specialisation areas (admins only). Each write
 * runs in one transaction with the version check and its audit entry.
 */
import type { AreaCreateInput, AreaUpdateInput } from '@cos/domain';
import { areas, type AreaRow, type DatabaseHandle } from '@cos/db';
import { and, asc, eq, ne, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { Actor } from '../actor';
import { ConflictError, FieldError, notFound } from '../errors';
import type { areaRecordOut } from '../outputs';
import type { AuditTrail } from './audit';
import { assertAdmin } from './permissions';
import { onFirstUse, param } from './prepared';
import type { ResultCache } from './result-cache';

export type AreaRecord = z.infer<typeof areaRecordOut>;

type Editable = Pick<AreaRecord, 'slug' | 'name' | 'summary' | 'sortOrder'>;

function toRecord(r: AreaRow): AreaRecord {
  return {
    id: r.id,
    slug: r.slug,
    name: { sv: r.nameSv, en: r.nameEn },
    summary: { sv: r.summarySv, en: r.summaryEn },
    sortOrder: r.sortOrder,
    version: r.version,
    createdAt: r.createdAt,
    updatedAt: r.updatedAt,
  };
}

function columnValues(e: Editable) {
  return {
    slug: e.slug,
    nameSv: e.name.sv,
    nameEn: e.name.en,
    summarySv: e.summary.sv,
    summaryEn: e.summary.en,
    sortOrder: e.sortOrder,
  };
}

export class AreaWrites {
  private readonly statements = onFirstUse(() => {
    const { db } = this.handle;
    const byIdAndVersion = and(
      eq(areas.id, sql.placeholder('id')),
      eq(areas.version, sql.placeholder('version')),
    );
    return {
      byId: db
        .select()
        .from(areas)
        .where(eq(areas.id, sql.placeholder('id')))
        .prepare(),
      all: db.select().from(areas).orderBy(asc(areas.sortOrder), asc(areas.id)).prepare(),
      slugElsewhere: db
        .select({ id: areas.id })
        .from(areas)
        .where(and(eq(areas.slug, sql.placeholder('slug')), ne(areas.id, sql.placeholder('self'))))
        .prepare(),
      insert: db
        .insert(areas)
        .values({
          slug: sql.placeholder('slug'),
          nameSv: sql.placeholder('nameSv'),
          nameEn: sql.placeholder('nameEn'),
          summarySv: sql.placeholder('summarySv'),
          summaryEn: sql.placeholder('summaryEn'),
          sortOrder: sql.placeholder('sortOrder'),
          version: 1,
          createdAt: sql.placeholder('now'),
          updatedAt: sql.placeholder('now'),
        })
        .prepare(),
      update: db
        .update(areas)
        .set({
          slug: param('slug'),
          nameSv: param('nameSv'),
          nameEn: param('nameEn'),
          summarySv: param('summarySv'),
          summaryEn: param('summaryEn'),
          sortOrder: param('sortOrder'),
          version: sql`${areas.version} + 1`,
          updatedAt: param('now'),
        })
        .where(byIdAndVersion)
        .prepare(),
      delete: db.delete(areas).where(byIdAndVersion).prepare(),
    };
  });

  constructor(
    private readonly handle: Pick<DatabaseHandle, 'db' | 'sqlite'>,
    private readonly audit: AuditTrail,
    private readonly cache: ResultCache,
  ) {}

  load(id: number): AreaRecord | undefined {
    const row = this.statements().byId.get({ id });
    return row ? toRecord(row) : undefined;
  }

  list(user: Actor): AreaRecord[] {
    assertAdmin(user, 'manageAreas');
    return this.statements().all.all().map(toRecord);
  }

  get(user: Actor, id: number): AreaRecord {
    assertAdmin(user, 'manageAreas');
    const record = this.load(id);
    if (!record) throw notFound('area', id);
    return record;
  }

  create(user: Actor, input: AreaCreateInput, action: 'create' | 'restore' = 'create'): AreaRecord {
    return this.transaction(() => {
      assertAdmin(user, 'manageAreas');
      const editable: Editable = {
        slug: input.slug,
        name: input.name,
        summary: input.summary,
        sortOrder: input.sortOrder,
      };
      this.checkReferences(editable, undefined);
      const now = new Date().toISOString();
      const { lastInsertRowid } = this.statements().insert.run({ ...columnValues(editable), now });
      const id = Number(lastInsertRowid);
      const after = this.load(id) as AreaRecord;
      this.audit.record(user, 'area', id, action, null, after);
      return after;
    });
  }

  update(user: Actor, input: AreaUpdateInput, action: 'update' | 'restore' = 'update'): AreaRecord {
    return this.transaction(() => {
      const before = this.get(user, input.id);
      if (before.version !== input.version) throw new ConflictError('area', before);
      const editable: Editable = {
        slug: input.slug ?? before.slug,
        name: input.name ?? before.name,
        summary: input.summary ?? before.summary,
        sortOrder: input.sortOrder ?? before.sortOrder,
      };
      this.checkReferences(editable, before.id);
      const result = this.statements().update.run({
        ...columnValues(editable),
        now: new Date().toISOString(),
        id: before.id,
        version: input.version,
      });
      if (result.changes !== 1) throw new ConflictError('area', this.load(before.id));
      const after = this.load(before.id) as AreaRecord;
      this.audit.record(user, 'area', before.id, action, before, after);
      return after;
    });
  }

  delete(user: Actor, id: number, version: number): { id: number } {
    return this.transaction(() => {
      const before = this.get(user, id);
      if (before.version !== version) throw new ConflictError('area', before);
      this.statements().delete.run({ id, version });
      this.audit.record(user, 'area', id, 'delete', before, null);
      return { id };
    });
  }

  private transaction<T>(fn: () => T): T {
    const result = this.handle.sqlite.transaction(fn)();
    this.cache.invalidate();
    return result;
  }

  private checkReferences(e: Editable, selfId: number | undefined): void {
    if (this.statements().slugElsewhere.get({ slug: e.slug, self: selfId ?? -1 })) {
      throw FieldError.coded('slug', 'taken.slug', { entity: 'area' }, 'conflict');
    }
  }
}
