/**
 * Creating and changing members. Each write runs in one transaction that
 * checks rights, checks the version the editor saw (a stale write is refused
 * with the current record), writes, and records the audit entry.
 */
import {
  swedishSortKey,
  uniqueSlug,
  type MemberCreateInput,
  type MemberUpdateInput,
  type Status,
} from '@cos/domain';
import type { DatabaseHandle } from '@cos/db';
import type { Actor } from '../actor';
import { ConflictError, FieldError, notFound } from '../errors';
import type { AuditTrail } from './audit';
import { findDuplicates, type DuplicateWarning } from './member-duplicates';
import {
  memberColumnValues,
  prepareMemberStatements,
  toMemberRecord,
  type MemberEditable as Editable,
  type MemberRecord,
} from './member-statements';
import { assertCanEditMember, scopeMembershipChange } from './permissions';
import { onFirstUse } from './prepared';
import type { ResultCache } from './result-cache';
import { statusAction } from './status-action';

export type { DuplicateWarning } from './member-duplicates';
export type { MemberRecord } from './member-statements';

export class MemberWrites {
  private readonly statements = onFirstUse(() => prepareMemberStatements(this.handle));

  constructor(
    private readonly handle: Pick<DatabaseHandle, 'db' | 'sqlite'>,
    private readonly audit: AuditTrail,
    private readonly cache: ResultCache,
  ) {}

  load(id: number): MemberRecord | undefined {
    const statements = this.statements();
    const m = statements.byId.get({ id });
    if (!m) return undefined;
    return toMemberRecord(
      m,
      statements.areaIds.all({ id }).map((r) => r.id),
      statements.memberships.all({ id }),
    );
  }

  /** `named`: a refusal names the member (a bulk change says which one it was). */
  get(user: Actor, id: number, named = false): MemberRecord {
    const record = this.load(id);
    if (!record) throw notFound('member', id);
    assertCanEditMember(
      user,
      record.memberships.map((m) => m.clusterId),
      named ? record.name : undefined,
    );
    return record;
  }

  /** Likely duplicates of a new or changed member: same organisation number, or a very similar name. */
  duplicates(
    name: string,
    organisationNumber: string | null,
    exceptId?: number,
  ): DuplicateWarning[] {
    return findDuplicates(this.statements(), name, organisationNumber, exceptId);
  }

  create(
    user: Actor,
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
      const { lastInsertRowid } = this.statements().insert.run({
        ...this.columnValues(editable),
        now,
      });
      const id = Number(lastInsertRowid);
      this.writeLinks(id, editable);
      const after = this.load(id) as MemberRecord;
      this.audit.record(user, 'member', id, 'create', null, after);
      return { member: after, warnings: warnings.filter((w) => w.field === 'name') };
    });
  }

  update(
    user: Actor,
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
      const result = this.statements().update.run({
        ...this.columnValues(editable),
        now,
        id: before.id,
        version: input.version,
      });
      if (result.changes !== 1) throw new ConflictError('member', this.load(before.id));
      this.writeLinks(before.id, editable, before);
      const after = this.load(before.id) as MemberRecord;
      this.audit.record(user, 'member', before.id, action, before, after);
      return after;
    });
  }

  setStatus(user: Actor, id: number, version: number, status: Status): MemberRecord {
    return this.transaction(() => this.changeStatus(user, this.checked(user, id, version), status));
  }

  /**
   * Sets the status of many members in one transaction, all or nothing: every
   * item is checked (rights, then the version the editor saw) before anything
   * changes, so one refusal leaves every member as it was. Members already in
   * the target status are left untouched (no version bump, no audit entry).
   * Returns the members in the order asked, as they are afterwards.
   */
  setStatusMany(
    user: Actor,
    items: readonly { id: number; version: number }[],
    status: Status,
  ): MemberRecord[] {
    return this.transaction(() => {
      const current = items.map((item) => this.checked(user, item.id, item.version, true));
      return current.map((before) =>
        before.status === status ? before : this.changeStatus(user, before, status),
      );
    });
  }

  /** The member as stored, after the rights and version checks every write makes. */
  private checked(user: Actor, id: number, version: number, named = false): MemberRecord {
    const before = this.get(user, id, named);
    if (before.version !== version) {
      // In a bulk change the editor must learn which of the members went stale.
      throw new ConflictError('member', before, named ? before.name : undefined);
    }
    return before;
  }

  private changeStatus(user: Actor, before: MemberRecord, status: Status): MemberRecord {
    const { id, version } = before;
    this.statements().setStatus.run({ status, now: new Date().toISOString(), id, version });
    const after = this.load(id) as MemberRecord;
    this.audit.record(user, 'member', id, statusAction(status), before, after);
    return after;
  }

  delete(user: Actor, id: number, version: number): { id: number } {
    return this.transaction(() => {
      const before = this.get(user, id);
      if (before.version !== version) throw new ConflictError('member', before);
      this.statements().delete.run({ id, version });
      this.audit.record(user, 'member', id, 'delete', before, null);
      return { id };
    });
  }

  /** Brings back a deleted member exactly as it was (same id and slug). */
  recreate(user: Actor, snapshot: MemberRecord): MemberRecord {
    return this.transaction(() => {
      if (this.load(snapshot.id))
        throw FieldError.coded('id', 'member.stillExists', {}, 'conflict');
      assertCanEditMember(
        user,
        snapshot.memberships.map((m) => m.clusterId),
      );
      this.checkReferences(snapshot, undefined);
      const now = new Date().toISOString();
      this.statements().reinsert.run({
        id: snapshot.id,
        ...this.columnValues(snapshot),
        isDemo: snapshot.isDemo ? 1 : 0,
        version: snapshot.version + 1,
        createdAt: snapshot.createdAt,
        now,
      });
      this.writeLinks(snapshot.id, snapshot);
      const after = this.load(snapshot.id) as MemberRecord;
      this.audit.record(user, 'member', snapshot.id, 'restore', null, after);
      return after;
    });
  }

  private transaction<T>(fn: () => T): T {
    const result = this.handle.sqlite.transaction(fn)();
    this.cache.invalidate();
    return result;
  }

  private slugTaken(slug: string): boolean {
    return this.statements().slugTaken.get({ slug }) !== undefined;
  }

  /** Rules the database knows but the schema cannot: references exist, keys are free. */
  private checkReferences(e: Editable, selfId: number | undefined): void {
    const statements = this.statements();
    const self = selfId ?? -1;
    if (statements.slugElsewhere.get({ slug: e.slug, self })) {
      throw FieldError.coded('slug', 'taken.slug', { entity: 'member' }, 'conflict');
    }
    if (e.organisationNumber) {
      const same = statements.sameOrganisationNumber.get({ orgnr: e.organisationNumber, self });
      if (same)
        throw FieldError.coded(
          'organisationNumber',
          'taken.organisationNumber',
          { name: same.name },
          'conflict',
        );
    }
    for (const areaId of e.areaIds) {
      if (!statements.areaExists.get({ id: areaId })) {
        throw FieldError.coded('areaIds', 'reference.missing', { entity: 'area', id: areaId });
      }
    }
    for (const m of e.memberships) {
      if (!statements.clusterExists.get({ id: m.clusterId })) {
        throw FieldError.coded('memberships', 'reference.missing', {
          entity: 'cluster',
          id: m.clusterId,
        });
      }
    }
  }

  private columnValues(e: Editable) {
    return memberColumnValues(e, swedishSortKey(e.name));
  }

  private writeLinks(id: number, e: Editable, before?: MemberRecord): void {
    const statements = this.statements();
    const sameAreas =
      before && JSON.stringify([...e.areaIds].sort()) === JSON.stringify(before.areaIds);
    if (!sameAreas) {
      statements.deleteAreas.run({ id });
      for (const areaId of e.areaIds) statements.insertArea.run({ id, areaId });
    }
    // Upsert rather than replace, so a membership's note (e.g. a source) survives an edit.
    const keep = new Set(e.memberships.map((m) => m.clusterId));
    for (const old of before?.memberships ?? []) {
      if (!keep.has(old.clusterId))
        statements.deleteMembership.run({ id, clusterId: old.clusterId });
    }
    for (const m of e.memberships) {
      statements.upsertMembership.run({ id, clusterId: m.clusterId, since: m.since });
    }
  }
}
