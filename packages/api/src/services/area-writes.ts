/**
 * Creating and changing the specialisation areas (admins only). Each write
 * runs in one transaction with the version check and its audit entry.
 */
import type { AreaCreateInput, AreaUpdateInput } from '@cos/domain';
import type { Sqlite } from '@cos/db';
import type { SessionUser } from '../actor';
import { ConflictError, FieldError, notFound } from '../errors';
import type { AuditTrail } from './audit';
import { assertAdmin } from './permissions';
import type { ResultCache } from './result-cache';
import type { StatementCache } from './statement-cache';

export interface AreaRecord {
  id: number;
  slug: string;
  name: { sv: string; en: string };
  summary: { sv: string; en: string };
  sortOrder: number;
  version: number;
  createdAt: string;
  updatedAt: string;
}

type Editable = Pick<AreaRecord, 'slug' | 'name' | 'summary' | 'sortOrder'>;

interface AreaRow {
  id: number;
  slug: string;
  nameSv: string;
  nameEn: string;
  summarySv: string;
  summaryEn: string;
  sortOrder: number;
  version: number;
  createdAt: string;
  updatedAt: string;
}

const COLUMNS = `id, slug, name_sv AS nameSv, name_en AS nameEn, summary_sv AS summarySv, summary_en AS summaryEn,
  sort_order AS sortOrder, version, created_at AS createdAt, updated_at AS updatedAt`;

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

export class AreaWrites {
  constructor(
    private readonly sqlite: Sqlite,
    private readonly statements: StatementCache,
    private readonly audit: AuditTrail,
    private readonly cache: ResultCache,
  ) {}

  load(id: number): AreaRecord | undefined {
    const row = this.statements.one<AreaRow>(`SELECT ${COLUMNS} FROM areas WHERE id = ?`, [id]);
    return row ? toRecord(row) : undefined;
  }

  list(user: SessionUser): AreaRecord[] {
    assertAdmin(user, 'manage areas');
    return this.statements
      .all<AreaRow>(`SELECT ${COLUMNS} FROM areas ORDER BY sort_order, id`)
      .map(toRecord);
  }

  get(user: SessionUser, id: number): AreaRecord {
    assertAdmin(user, 'manage areas');
    const record = this.load(id);
    if (!record) throw notFound('area', id);
    return record;
  }

  create(
    user: SessionUser,
    input: AreaCreateInput,
    action: 'create' | 'restore' = 'create',
  ): AreaRecord {
    return this.transaction(() => {
      assertAdmin(user, 'manage areas');
      const editable: Editable = {
        slug: input.slug,
        name: input.name,
        summary: input.summary,
        sortOrder: input.sortOrder,
      };
      this.checkReferences(editable, undefined);
      const now = new Date().toISOString();
      const { lastInsertRowid } = this.statements
        .get(
          `INSERT INTO areas (slug, name_sv, name_en, summary_sv, summary_en, sort_order, version, created_at, updated_at)
           VALUES (?, ?, ?, ?, ?, ?, 1, ?, ?)`,
        )
        .run(...columnValues(editable), now, now);
      const id = Number(lastInsertRowid);
      const after = this.load(id) as AreaRecord;
      this.audit.record(user, 'area', id, action, null, after);
      return after;
    });
  }

  update(
    user: SessionUser,
    input: AreaUpdateInput,
    action: 'update' | 'restore' = 'update',
  ): AreaRecord {
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
      const result = this.statements
        .get(
          `UPDATE areas SET slug = ?, name_sv = ?, name_en = ?, summary_sv = ?, summary_en = ?, sort_order = ?,
             version = version + 1, updated_at = ?
           WHERE id = ? AND version = ?`,
        )
        .run(...columnValues(editable), new Date().toISOString(), before.id, input.version);
      if (result.changes !== 1) throw new ConflictError('area', this.load(before.id));
      const after = this.load(before.id) as AreaRecord;
      this.audit.record(user, 'area', before.id, action, before, after);
      return after;
    });
  }

  delete(user: SessionUser, id: number, version: number): { id: number } {
    return this.transaction(() => {
      const before = this.get(user, id);
      if (before.version !== version) throw new ConflictError('area', before);
      this.statements.get('DELETE FROM areas WHERE id = ? AND version = ?').run(id, version);
      this.audit.record(user, 'area', id, 'delete', before, null);
      return { id };
    });
  }

  private transaction<T>(fn: () => T): T {
    const result = this.sqlite.transaction(fn)();
    this.cache.invalidate();
    return result;
  }

  private checkReferences(e: Editable, selfId: number | undefined): void {
    if (
      this.statements.one('SELECT 1 FROM areas WHERE slug = ? AND id <> ?', [e.slug, selfId ?? -1])
    ) {
      throw new FieldError('slug', 'is already used by another area', 'CONFLICT');
    }
  }
}

function columnValues(e: Editable) {
  return [e.slug, e.name.sv, e.name.en, e.summary.sv, e.summary.en, e.sortOrder] as const;
}
