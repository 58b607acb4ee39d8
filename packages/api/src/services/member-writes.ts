/**
 * Creating and changing members. Each write runs in one transaction that
 * checks rights, checks the version the editor saw (a stale write is refused
 * with the current record), writes, and records the audit entry.
 */
import {
  nameSimilarity,
  SIMILAR_NAME_THRESHOLD,
  swedishSortKey,
  uniqueSlug,
  type MemberCreateInput,
  type MemberUpdateInput,
  type MembershipInput,
  type Status,
} from '@cos/domain';
import type { Sqlite } from '@cos/db';
import type { SessionUser } from '../actor';
import { ConflictError, FieldError, notFound } from '../errors';
import type { AuditTrail } from './audit';
import { assertCanEditMember, scopeMembershipChange } from './permissions';
import type { ResultCache } from './result-cache';
import type { StatementCache } from './statement-cache';
import { toFtsQuery } from './fts-query';

export interface MemberRecord {
  id: number;
  slug: string;
  name: string;
  organisationNumber: string | null;
  kind: MemberCreateInput['kind'];
  sizeBand: MemberCreateInput['sizeBand'];
  municipalityCode: MemberCreateInput['municipalityCode'];
  website: string | null;
  description: { sv: string; en: string };
  areaIds: number[];
  memberships: MembershipInput[];
  status: Status;
  isDemo: boolean;
  version: number;
  createdAt: string;
  updatedAt: string;
}

export interface DuplicateWarning {
  field: 'organisationNumber' | 'name';
  message: string;
  member: { id: number; slug: string; name: string };
}

type Editable = Omit<MemberRecord, 'id' | 'isDemo' | 'version' | 'createdAt' | 'updatedAt'>;

export class MemberWrites {
  constructor(
    private readonly sqlite: Sqlite,
    private readonly statements: StatementCache,
    private readonly audit: AuditTrail,
    private readonly cache: ResultCache,
  ) {}

  load(id: number): MemberRecord | undefined {
    const m = this.statements.one<
      Omit<MemberRecord, 'description' | 'areaIds' | 'memberships' | 'isDemo'> & {
        descriptionSv: string;
        descriptionEn: string;
        isDemo: number;
      }
    >(
      `SELECT id, slug, name, organisation_number AS organisationNumber, kind, size_band AS sizeBand,
         municipality_code AS municipalityCode, website, description_sv AS descriptionSv, description_en AS descriptionEn,
         status, is_demo AS isDemo, version, created_at AS createdAt, updated_at AS updatedAt
       FROM members WHERE id = ?`,
      [id],
    );
    if (!m) return undefined;
    const { descriptionSv, descriptionEn, isDemo, ...rest } = m;
    return {
      ...rest,
      isDemo: isDemo === 1,
      description: { sv: descriptionSv, en: descriptionEn },
      areaIds: this.statements
        .all<{ id: number }>(
          'SELECT area_id AS id FROM member_areas WHERE member_id = ? ORDER BY area_id',
          [id],
        )
        .map((r) => r.id),
      memberships: this.statements.all<MembershipInput>(
        'SELECT cluster_id AS clusterId, since FROM memberships WHERE member_id = ? ORDER BY cluster_id',
        [id],
      ),
    };
  }

  get(user: SessionUser, id: number): MemberRecord {
    const record = this.load(id);
    if (!record) throw notFound('member', id);
    assertCanEditMember(
      user,
      record.memberships.map((m) => m.clusterId),
    );
    return record;
  }

  /** Likely duplicates of a new or changed member: same organisation number, or a very similar name. */
  duplicates(
    name: string,
    organisationNumber: string | null,
    exceptId?: number,
  ): DuplicateWarning[] {
    const warnings: DuplicateWarning[] = [];
    if (organisationNumber) {
      const same = this.statements.one<{ id: number; slug: string; name: string }>(
        'SELECT id, slug, name FROM members WHERE organisation_number = ? AND id <> ?',
        [organisationNumber, exceptId ?? -1],
      );
      if (same) {
        warnings.push({
          field: 'organisationNumber',
          message: `Organisation number is already registered for ${same.name}`,
          member: same,
        });
      }
    }
    const fts = toFtsQuery(name.split(/\s+/)[0]);
    if (fts) {
      const candidates = this.statements.all<{ id: number; slug: string; name: string }>(
        `SELECT m.id, m.slug, m.name FROM member_search JOIN members m ON m.id = member_search.rowid
         WHERE member_search MATCH ? AND m.id <> ? LIMIT 200`,
        [`name : ${fts}`, exceptId ?? -1],
      );
      for (const c of candidates) {
        if (
          nameSimilarity(name, c.name) >= SIMILAR_NAME_THRESHOLD &&
          !warnings.some((w) => w.member.id === c.id)
        ) {
          warnings.push({ field: 'name', message: `Name is very similar to ${c.name}`, member: c });
        }
      }
    }
    return warnings.slice(0, 10);
  }

  create(
    user: SessionUser,
    input: MemberCreateInput,
  ): { member: MemberRecord; warnings: DuplicateWarning[] } {
    return this.transaction(() => {
      const memberships = scopeMembershipChange(user, [], input.memberships);
      assertCanEditMember(
        user,
        memberships.map((m) => m.clusterId),
      );
      const warnings = this.duplicates(input.name, input.organisationNumber);
      const editable: Editable = {
        slug: input.slug ?? uniqueSlug(input.name, (s) => this.slugTaken(s)),
        name: input.name,
        organisationNumber: input.organisationNumber,
        kind: input.kind,
        sizeBand: input.sizeBand,
        municipalityCode: input.municipalityCode,
        website: input.website,
        description: input.description,
        areaIds: input.areaIds,
        memberships,
        status: input.status,
      };
      this.checkReferences(editable, undefined);
      const now = new Date().toISOString();
      const { lastInsertRowid } = this.statements
        .get(
          `INSERT INTO members (slug, name, sort_key, organisation_number, kind, size_band, municipality_code, website,
             description_sv, description_en, status, is_demo, version, created_at, updated_at)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, 1, ?, ?)`,
        )
        .run(...this.columnValues(editable), now, now);
      const id = Number(lastInsertRowid);
      this.writeLinks(id, editable);
      const after = this.load(id) as MemberRecord;
      this.audit.record(user, 'member', id, 'create', null, after);
      return { member: after, warnings: warnings.filter((w) => w.field === 'name') };
    });
  }

  update(
    user: SessionUser,
    input: MemberUpdateInput,
    action: 'update' | 'restore' = 'update',
  ): MemberRecord {
    return this.transaction(() => {
      const before = this.get(user, input.id);
      if (before.version !== input.version) throw new ConflictError('member', before);
      const editable: Editable = {
        slug: input.slug ?? before.slug,
        name: input.name ?? before.name,
        organisationNumber:
          input.organisationNumber !== undefined
            ? input.organisationNumber
            : before.organisationNumber,
        kind: input.kind ?? before.kind,
        sizeBand: input.sizeBand !== undefined ? input.sizeBand : before.sizeBand,
        municipalityCode:
          input.municipalityCode !== undefined ? input.municipalityCode : before.municipalityCode,
        website: input.website !== undefined ? input.website : before.website,
        description: input.description ?? before.description,
        areaIds: input.areaIds ?? before.areaIds,
        memberships: input.memberships
          ? scopeMembershipChange(user, before.memberships, input.memberships)
          : before.memberships,
        status: input.status ?? before.status,
      };
      this.checkReferences(editable, before.id);
      const now = new Date().toISOString();
      const result = this.statements
        .get(
          `UPDATE members SET slug = ?, name = ?, sort_key = ?, organisation_number = ?, kind = ?, size_band = ?,
             municipality_code = ?, website = ?, description_sv = ?, description_en = ?, status = ?,
             version = version + 1, updated_at = ?
           WHERE id = ? AND version = ?`,
        )
        .run(...this.columnValues(editable), now, before.id, input.version);
      if (result.changes !== 1) throw new ConflictError('member', this.load(before.id));
      this.writeLinks(before.id, editable, before);
      const after = this.load(before.id) as MemberRecord;
      this.audit.record(user, 'member', before.id, action, before, after);
      return after;
    });
  }

  setStatus(user: SessionUser, id: number, version: number, status: Status): MemberRecord {
    return this.transaction(() => {
      const before = this.get(user, id);
      if (before.version !== version) throw new ConflictError('member', before);
      this.statements
        .get(
          'UPDATE members SET status = ?, version = version + 1, updated_at = ? WHERE id = ? AND version = ?',
        )
        .run(status, new Date().toISOString(), id, version);
      const after = this.load(id) as MemberRecord;
      const action =
        status === 'published' ? 'publish' : status === 'archived' ? 'archive' : 'unpublish';
      this.audit.record(user, 'member', id, action, before, after);
      return after;
    });
  }

  delete(user: SessionUser, id: number, version: number): { id: number } {
    return this.transaction(() => {
      const before = this.get(user, id);
      if (before.version !== version) throw new ConflictError('member', before);
      this.statements.get('DELETE FROM members WHERE id = ? AND version = ?').run(id, version);
      this.audit.record(user, 'member', id, 'delete', before, null);
      return { id };
    });
  }

  /** Brings back a deleted member exactly as it was (same id and slug). */
  recreate(user: SessionUser, snapshot: MemberRecord): MemberRecord {
    return this.transaction(() => {
      if (this.load(snapshot.id))
        throw new FieldError('id', 'this member still exists; restore onto it instead', 'CONFLICT');
      assertCanEditMember(
        user,
        snapshot.memberships.map((m) => m.clusterId),
      );
      this.checkReferences(snapshot, undefined);
      const now = new Date().toISOString();
      this.statements
        .get(
          `INSERT INTO members (id, slug, name, sort_key, organisation_number, kind, size_band, municipality_code, website,
             description_sv, description_en, status, is_demo, version, created_at, updated_at)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        )
        .run(
          snapshot.id,
          ...this.columnValues(snapshot),
          snapshot.isDemo ? 1 : 0,
          snapshot.version + 1,
          snapshot.createdAt,
          now,
        );
      this.writeLinks(snapshot.id, snapshot);
      const after = this.load(snapshot.id) as MemberRecord;
      this.audit.record(user, 'member', snapshot.id, 'restore', null, after);
      return after;
    });
  }

  private transaction<T>(fn: () => T): T {
    const result = this.sqlite.transaction(fn)();
    this.cache.invalidate();
    return result;
  }

  private slugTaken(slug: string): boolean {
    return this.statements.one('SELECT 1 FROM members WHERE slug = ?', [slug]) !== undefined;
  }

  /** Rules the database knows but the schema cannot: references exist, keys are free. */
  private checkReferences(e: Editable, selfId: number | undefined): void {
    const self = selfId ?? -1;
    if (this.statements.one('SELECT 1 FROM members WHERE slug = ? AND id <> ?', [e.slug, self])) {
      throw new FieldError('slug', `is already used by another member`, 'CONFLICT');
    }
    if (e.organisationNumber) {
      const same = this.statements.one<{ name: string }>(
        'SELECT name FROM members WHERE organisation_number = ? AND id <> ?',
        [e.organisationNumber, self],
      );
      if (same)
        throw new FieldError(
          'organisationNumber',
          `is already registered for ${same.name}`,
          'CONFLICT',
        );
    }
    for (const areaId of e.areaIds) {
      if (!this.statements.one('SELECT 1 FROM areas WHERE id = ?', [areaId])) {
        throw new FieldError('areaIds', `area ${areaId} does not exist`);
      }
    }
    for (const m of e.memberships) {
      if (!this.statements.one('SELECT 1 FROM clusters WHERE id = ?', [m.clusterId])) {
        throw new FieldError('memberships', `cluster ${m.clusterId} does not exist`);
      }
    }
  }

  private columnValues(e: Editable) {
    return [
      e.slug,
      e.name,
      swedishSortKey(e.name),
      e.organisationNumber,
      e.kind,
      e.sizeBand,
      e.municipalityCode,
      e.website,
      e.description.sv,
      e.description.en,
      e.status,
    ] as const;
  }

  private writeLinks(id: number, e: Editable, before?: MemberRecord): void {
    const sameAreas =
      before && JSON.stringify([...e.areaIds].sort()) === JSON.stringify(before.areaIds);
    if (!sameAreas) {
      this.statements.get('DELETE FROM member_areas WHERE member_id = ?').run(id);
      for (const areaId of e.areaIds)
        this.statements
          .get('INSERT INTO member_areas (member_id, area_id) VALUES (?, ?)')
          .run(id, areaId);
    }
    // Upsert rather than replace, so a membership's note (e.g. a source) survives an edit.
    const keep = new Set(e.memberships.map((m) => m.clusterId));
    for (const old of before?.memberships ?? []) {
      if (!keep.has(old.clusterId)) {
        this.statements
          .get('DELETE FROM memberships WHERE member_id = ? AND cluster_id = ?')
          .run(id, old.clusterId);
      }
    }
    for (const m of e.memberships) {
      this.statements
        .get(
          `INSERT INTO memberships (member_id, cluster_id, since) VALUES (?, ?, ?)
           ON CONFLICT (member_id, cluster_id) DO UPDATE SET since = excluded.since`,
        )
        .run(id, m.clusterId, m.since);
    }
  }
}
