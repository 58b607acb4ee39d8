/**
 * Creating and changing cluster organisations (admins only). Each write runs
 * in one transaction with the version check and its audit entry.
 */
import {
  uniqueSlug,
  type ClusterCreateInput,
  type ClusterUpdateInput,
  type Status,
} from '@cos/domain';
import type { ClusterRow, DatabaseHandle } from '@cos/db';
import type { Actor } from '../actor';
import { ConflictError, FieldError, notFound } from '../errors';
import type { AuditTrail } from './audit';
import { assertAdmin } from './permissions';
import {
  columnValues,
  prepareClusterStatements,
  type ClusterEditable as Editable,
  type ClusterRecord,
} from './cluster-statements';
import { onFirstUse } from './prepared';
import type { ResultCache } from './result-cache';
import { statusAction } from './status-action';

export type { ClusterRecord } from './cluster-statements';

const WHAT = 'manageClusters';

export class ClusterWrites {
  private readonly statements = onFirstUse(() => prepareClusterStatements(this.handle));

  constructor(
    private readonly handle: Pick<DatabaseHandle, 'db' | 'sqlite'>,
    private readonly audit: AuditTrail,
    private readonly cache: ResultCache,
  ) {}

  load(id: number): ClusterRecord | undefined {
    const row = this.statements().byId.get({ id });
    return row ? this.toRecord(row) : undefined;
  }

  list(user: Actor): ClusterRecord[] {
    assertAdmin(user, WHAT);
    return this.statements()
      .all.all()
      .map((r) => this.toRecord(r));
  }

  get(user: Actor, id: number): ClusterRecord {
    assertAdmin(user, WHAT);
    const record = this.load(id);
    if (!record) throw notFound('cluster', id);
    return record;
  }

  create(
    user: Actor,
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
      const { lastInsertRowid } = this.statements().insert.run({ ...columnValues(editable), now });
      const id = Number(lastInsertRowid);
      this.writeAreas(id, editable.areaIds);
      const after = this.load(id) as ClusterRecord;
      this.audit.record(user, 'cluster', id, action, null, after);
      return after;
    });
  }

  update(
    user: Actor,
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
      const result = this.statements().update.run({
        ...columnValues(editable),
        now: new Date().toISOString(),
        id: before.id,
        version: input.version,
      });
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

  setStatus(user: Actor, id: number, version: number, status: Status): ClusterRecord {
    return this.transaction(() => {
      const before = this.get(user, id);
      if (before.version !== version) throw new ConflictError('cluster', before);
      this.statements().setStatus.run({ status, now: new Date().toISOString(), id, version });
      const after = this.load(id) as ClusterRecord;
      this.audit.record(user, 'cluster', id, statusAction(status), before, after);
      return after;
    });
  }

  delete(user: Actor, id: number, version: number): { id: number } {
    return this.transaction(() => {
      const before = this.get(user, id);
      if (before.version !== version) throw new ConflictError('cluster', before);
      if (this.statements().hasEditors.get({ id })) {
        throw FieldError.coded('id', 'cluster.hasEditors', {}, 'conflict');
      }
      this.statements().delete.run({ id, version });
      this.audit.record(user, 'cluster', id, 'delete', before, null);
      return { id };
    });
  }

  private toRecord(row: ClusterRow): ClusterRecord {
    return {
      id: row.id,
      slug: row.slug,
      name: row.name,
      shortName: row.shortName,
      website: row.website,
      email: row.email,
      city: row.city,
      municipalityCode: row.municipalityCode,
      foundedYear: row.foundedYear,
      logoUrl: row.logoUrl,
      confidence: row.confidence,
      sourceNote: row.sourceNote,
      status: row.status,
      version: row.version,
      createdAt: row.createdAt,
      updatedAt: row.updatedAt,
      description: { sv: row.descriptionSv, en: row.descriptionEn },
      areaIds: this.statements()
        .areaIds.all({ id: row.id })
        .map((r) => r.id),
    };
  }

  private transaction<T>(fn: () => T): T {
    const result = this.handle.sqlite.transaction(fn)();
    this.cache.invalidate();
    return result;
  }

  private slugTaken(slug: string): boolean {
    return this.statements().slugTaken.get({ slug }) !== undefined;
  }

  private checkReferences(e: Editable, selfId: number | undefined): void {
    const statements = this.statements();
    if (statements.slugElsewhere.get({ slug: e.slug, self: selfId ?? -1 })) {
      throw FieldError.coded('slug', 'taken.slug', { entity: 'cluster' }, 'conflict');
    }
    for (const areaId of e.areaIds) {
      if (!statements.areaExists.get({ id: areaId })) {
        throw FieldError.coded('areaIds', 'reference.missing', { entity: 'area', id: areaId });
      }
    }
    if (e.municipalityCode && !statements.municipalityExists.get({ code: e.municipalityCode })) {
      throw FieldError.coded('municipalityCode', 'reference.missing', {
        entity: 'municipality',
        id: e.municipalityCode,
      });
    }
  }

  private writeAreas(id: number, areaIds: readonly number[]): void {
    const statements = this.statements();
    statements.deleteAreas.run({ id });
    for (const areaId of areaIds) statements.insertArea.run({ id, areaId });
  }
}
