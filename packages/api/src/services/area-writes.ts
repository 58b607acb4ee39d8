/**
 * Creating and changing the specialisation areas (admins only). Each write
 * runs in one transaction with the version check and its audit entry.
 */
import type { AreaCreateInput, AreaUpdateInput } from '@cos/domain';
import { areas, type AreaRow } from '@cos/db';
import { asc, eq, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { Actor } from '../actor';
import { notFound } from '../errors';
import type { areaRecordOut } from '../outputs';
import { assertAdmin } from './permissions';
import {
  byIdAndVersion,
  firstVersion,
  nextVersion,
  onFirstUse,
  placeholders,
  slugStatements,
} from './prepared';
import { assertSlugFree } from './record-checks';
import { VersionedWrites, withChanges } from './versioned-record';

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

const EDITABLE_COLUMNS = [
  'slug',
  'nameSv',
  'nameEn',
  'summarySv',
  'summaryEn',
  'sortOrder',
] as const satisfies readonly (keyof typeof areas.$inferInsert)[];

function columnValues(e: Editable): Record<(typeof EDITABLE_COLUMNS)[number], unknown> {
  return {
    slug: e.slug,
    nameSv: e.name.sv,
    nameEn: e.name.en,
    summarySv: e.summary.sv,
    summaryEn: e.summary.en,
    sortOrder: e.sortOrder,
  };
}

export class AreaWrites extends VersionedWrites<number, AreaRecord> {
  protected readonly entity = 'area';
  private readonly statements = onFirstUse(() => {
    const { db } = this.handle;
    return {
      byId: db
        .select()
        .from(areas)
        .where(eq(areas.id, sql.placeholder('id')))
        .prepare(),
      all: db.select().from(areas).orderBy(asc(areas.sortOrder), asc(areas.id)).prepare(),
      ...slugStatements(db, areas),
      insert: db
        .insert(areas)
        .values({ ...placeholders(EDITABLE_COLUMNS), ...firstVersion() })
        .prepare(),
      update: db
        .update(areas)
        .set({ ...placeholders(EDITABLE_COLUMNS), ...nextVersion(areas) })
        .where(byIdAndVersion(areas))
        .prepare(),
      delete: db.delete(areas).where(byIdAndVersion(areas)).prepare(),
    };
  });

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
      this.checkReferences(input, undefined);
      const id = this.insertRow(this.statements().insert, columnValues(input));
      return this.recordCreation(user, id, action);
    });
  }

  update(user: Actor, input: AreaUpdateInput, action: 'update' | 'restore' = 'update'): AreaRecord {
    return this.updateRecord(user, input, action, (before) => {
      const editable: Editable = withChanges(before, input);
      this.checkReferences(editable, before.id);
      this.writeVersion(this.statements().update, before, columnValues(editable));
    });
  }

  delete(user: Actor, id: number, version: number): { id: number } {
    return this.deleteRecord(user, id, version, this.statements().delete);
  }

  private checkReferences(e: Editable, selfId: number | undefined): void {
    assertSlugFree(this.statements().slugElsewhere, 'area', e.slug, selfId);
  }
}
