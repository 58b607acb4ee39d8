/**
 * Creating and changing cluster organisations (admins only). Each write runs
 * in one transaction with the version check and its audit entry.
 */
import {
  swedishSortKey,
  uniqueSlug,
  type ClusterCreateInput,
  type ClusterUpdateInput,
  type Status,
} from '@cos/domain';
import type { Sqlite } from '@cos/db';
import type { SessionUser } from '../actor';
import { ConflictError, FieldError, notFound } from '../errors';
import type { AuditTrail } from './audit';
import { assertAdmin } from './permissions';
import type { ResultCache } from './result-cache';
import type { StatementCache } from './statement-cache';

export interface ClusterRecord {
  id: number;
  slug: string;
  name: string;
  shortName: string;
  description: { sv: string; en: string };
  website: string | null;
  email: string | null;
  city: string;
  municipalityCode: ClusterCreateInput['municipalityCode'];
  foundedYear: number | null;
  logoUrl: string | null;
  areaIds: number[];
  confidence: ClusterCreateInput['confidence'];
  sourceNote: string;
  status: Status;
  version: number;
  createdAt: string;
  updatedAt: string;
}

type Editable = Omit<ClusterRecord, 'id' | 'version' | 'createdAt' | 'updatedAt'>;
type ClusterRow = Omit<ClusterRecord, 'description' | 'areaIds'> & {
  descriptionSv: string;
  descriptionEn: string;
};

const COLUMNS = `id, slug, name, short_name AS shortName, description_sv AS descriptionSv, description_en AS descriptionEn,
  website, email, city, municipality_code AS municipalityCode, founded_year AS foundedYear, logo_url AS logoUrl,
  confidence, source_note AS sourceNote, status, version, created_at AS createdAt, updated_at AS updatedAt`;

const WHAT = 'manage clusters';

export class ClusterWrites {
  constructor(
    private readonly sqlite: Sqlite,
    private readonly statements: StatementCache,
    private readonly audit: AuditTrail,
    private readonly cache: ResultCache,
  ) {}

  load(id: number): ClusterRecord | undefined {
    const row = this.statements.one<ClusterRow>(`SELECT ${COLUMNS} FROM clusters WHERE id = ?`, [
      id,
    ]);
    return row ? this.toRecord(row) : undefined;
  }

  list(user: SessionUser): ClusterRecord[] {
    assertAdmin(user, WHAT);
    return this.statements
      .all<ClusterRow>(`SELECT ${COLUMNS} FROM clusters ORDER BY sort_key, id`)
      .map((r) => this.toRecord(r));
  }

  get(user: SessionUser, id: number): ClusterRecord {
    assertAdmin(user, WHAT);
    const record = this.load(id);
    if (!record) throw notFound('cluster', id);
    return record;
  }

  create(
    user: SessionUser,
    input: ClusterCreateInput,
    action: 'create' | 'restore' = 'create',
  ): ClusterRecord {
    return this.transaction(() => {
      assertAdmin(user, WHAT);
      const editable: Editable = {
        slug: input.slug ?? uniqueSlug(input.name, (s) => this.slugTaken(s)),
        name: input.name,
        shortName: input.shortName,
        description: input.description,
        website: input.website,
        email: input.email,
        city: input.city,
        municipalityCode: input.municipalityCode,
        foundedYear: input.foundedYear,
        logoUrl: input.logoUrl,
        areaIds: input.areaIds,
        confidence: input.confidence,
        sourceNote: input.sourceNote,
        status: input.status,
      };
      this.checkReferences(editable, undefined);
      const now = new Date().toISOString();
      const { lastInsertRowid } = this.statements
        .get(
          `INSERT INTO clusters (slug, name, sort_key, short_name, description_sv, description_en, website, email, city,
             municipality_code, founded_year, logo_url, confidence, source_note, status, version, created_at, updated_at)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?, ?)`,
        )
        .run(...columnValues(editable), now, now);
      const id = Number(lastInsertRowid);
      this.writeAreas(id, editable.areaIds);
      const after = this.load(id) as ClusterRecord;
      this.audit.record(user, 'cluster', id, action, null, after);
      return after;
    });
  }

  update(
    user: SessionUser,
    input: ClusterUpdateInput,
    action: 'update' | 'restore' = 'update',
  ): ClusterRecord {
    return this.transaction(() => {
      const before = this.get(user, input.id);
      if (before.version !== input.version) throw new ConflictError('cluster', before);
      const pick = <K extends keyof Editable>(key: K): Editable[K] =>
        input[key] !== undefined ? (input[key] as Editable[K]) : before[key];
      const editable: Editable = {
        slug: pick('slug'),
        name: pick('name'),
        shortName: pick('shortName'),
        description: pick('description'),
        website: pick('website'),
        email: pick('email'),
        city: pick('city'),
        municipalityCode: pick('municipalityCode'),
        foundedYear: pick('foundedYear'),
        logoUrl: pick('logoUrl'),
        areaIds: pick('areaIds'),
        confidence: pick('confidence'),
        sourceNote: pick('sourceNote'),
        status: pick('status'),
      };
      this.checkReferences(editable, before.id);
      const result = this.statements
        .get(
          `UPDATE clusters SET slug = ?, name = ?, sort_key = ?, short_name = ?, description_sv = ?, description_en = ?,
             website = ?, email = ?, city = ?, municipality_code = ?, founded_year = ?, logo_url = ?, confidence = ?,
             source_note = ?, status = ?, version = version + 1, updated_at = ?
           WHERE id = ? AND version = ?`,
        )
        .run(...columnValues(editable), new Date().toISOString(), before.id, input.version);
      if (result.changes !== 1) throw new ConflictError('cluster', this.load(before.id));
      if (
        JSON.stringify([...editable.areaIds].sort((a, b) => a - b)) !==
        JSON.stringify(before.areaIds)
      ) {
        this.writeAreas(before.id, editable.areaIds);
      }
      const after = this.load(before.id) as ClusterRecord;
      this.audit.record(user, 'cluster', before.id, action, before, after);
      return after;
    });
  }

  setStatus(user: SessionUser, id: number, version: number, status: Status): ClusterRecord {
    return this.transaction(() => {
      const before = this.get(user, id);
      if (before.version !== version) throw new ConflictError('cluster', before);
      this.statements
        .get(
          'UPDATE clusters SET status = ?, version = version + 1, updated_at = ? WHERE id = ? AND version = ?',
        )
        .run(status, new Date().toISOString(), id, version);
      const after = this.load(id) as ClusterRecord;
      const action =
        status === 'published' ? 'publish' : status === 'archived' ? 'archive' : 'unpublish';
      this.audit.record(user, 'cluster', id, action, before, after);
      return after;
    });
  }

  delete(user: SessionUser, id: number, version: number): { id: number } {
    return this.transaction(() => {
      const before = this.get(user, id);
      if (before.version !== version) throw new ConflictError('cluster', before);
      if (this.statements.one('SELECT 1 FROM users WHERE cluster_id = ?', [id])) {
        throw new FieldError(
          'id',
          'this cluster still has editors; move or remove them first',
          'CONFLICT',
        );
      }
      this.statements.get('DELETE FROM clusters WHERE id = ? AND version = ?').run(id, version);
      this.audit.record(user, 'cluster', id, 'delete', before, null);
      return { id };
    });
  }

  private toRecord(row: ClusterRow): ClusterRecord {
    const { descriptionSv, descriptionEn, ...rest } = row;
    return {
      ...rest,
      description: { sv: descriptionSv, en: descriptionEn },
      areaIds: this.statements
        .all<{ id: number }>(
          'SELECT area_id AS id FROM cluster_areas WHERE cluster_id = ? ORDER BY area_id',
          [row.id],
        )
        .map((r) => r.id),
    };
  }

  private transaction<T>(fn: () => T): T {
    const result = this.sqlite.transaction(fn)();
    this.cache.invalidate();
    return result;
  }

  private slugTaken(slug: string): boolean {
    return this.statements.one('SELECT 1 FROM clusters WHERE slug = ?', [slug]) !== undefined;
  }

  private checkReferences(e: Editable, selfId: number | undefined): void {
    if (
      this.statements.one('SELECT 1 FROM clusters WHERE slug = ? AND id <> ?', [
        e.slug,
        selfId ?? -1,
      ])
    ) {
      throw new FieldError('slug', 'is already used by another cluster', 'CONFLICT');
    }
    for (const areaId of e.areaIds) {
      if (!this.statements.one('SELECT 1 FROM areas WHERE id = ?', [areaId])) {
        throw new FieldError('areaIds', `area ${areaId} does not exist`);
      }
    }
    if (
      e.municipalityCode &&
      !this.statements.one('SELECT 1 FROM municipalities WHERE code = ?', [e.municipalityCode])
    ) {
      throw new FieldError('municipalityCode', `municipality ${e.municipalityCode} does not exist`);
    }
  }

  private writeAreas(id: number, areaIds: readonly number[]): void {
    this.statements.get('DELETE FROM cluster_areas WHERE cluster_id = ?').run(id);
    for (const areaId of areaIds) {
      this.statements
        .get('INSERT INTO cluster_areas (cluster_id, area_id) VALUES (?, ?)')
        .run(id, areaId);
    }
  }
}

function columnValues(e: Editable) {
  return [
    e.slug,
    e.name,
    swedishSortKey(e.name),
    e.shortName,
    e.description.sv,
    e.description.en,
    e.website,
    e.email,
    e.city,
    e.municipalityCode,
    e.foundedYear,
    e.logoUrl,
    e.confidence,
    e.sourceNote,
    e.status,
  ] as const;
}
