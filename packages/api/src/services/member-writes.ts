/**
 * Creating and changing members. Each write runs in one transaction that
 * checks rights, checks the version the editor saw (a stale write is refused
 * with the current record), writes, and records the audit entry.
 */
import {
  swedishSortKey,
  withPlace,
  type MemberCreateInput,
  type MemberUpdateInput,
  type Status,
} from '@cos/domain';
import type { Actor } from '../actor';
import { ConflictError, FieldError, notFound } from '../errors';
import { duplicateScope, findDuplicates, type DuplicateWarning } from './member-duplicates';
import {
  memberColumnValues,
  prepareMemberStatements,
  toMemberRecord,
  type MemberEditable as Editable,
  type MemberRecord,
} from './member-statements';
import {
  assertCanChangeFields,
  assertCanChangeMemberships,
  assertCanChangeStatus,
  assertCanCreateWith,
  assertCanDeleteMember,
  assertCanEditMember,
  assertCanLeaveCluster,
} from './permissions';
import { onFirstUse } from './prepared';
import { ImageLibrary } from './image-library';
import { assertExist, assertSlugFree, slugOrFree } from './record-checks';
import { VersionedWrites, withChanges } from './versioned-record';

export type { DuplicateWarning } from './member-duplicates';
export type { MemberRecord } from './member-statements';

export class MemberWrites extends VersionedWrites<number, MemberRecord> {
  protected readonly entity = 'member';
  private readonly statements = onFirstUse(() => prepareMemberStatements(this.handle));
  private readonly images = new ImageLibrary(this.handle);

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

  /**
   * Likely duplicates of a new or changed member: same organisation number, or
   * a very similar name — told without names where the actor may not see them.
   */
  duplicates(
    user: Actor,
    name: string,
    organisationNumber: string | null,
    exceptId?: number,
  ): DuplicateWarning[] {
    return findDuplicates(this.statements(), user, name, organisationNumber, exceptId);
  }

  create(
    user: Actor,
    input: MemberCreateInput,
  ): { member: MemberRecord; warnings: DuplicateWarning[] } {
    return this.transaction(() => {
      const memberships = input.memberships;
      assertCanCreateWith(user, memberships);
      const warnings = this.duplicates(user, input.name, input.organisationNumber);
      // The create input is exactly the editable fields (a strict schema).
      const editable: Editable = {
        ...input,
        slug: slugOrFree(input.slug, input.name, this.statements().slugTaken),
        memberships,
      };
      this.checkReferences(user, editable, undefined);
      const id = this.insertRow(this.statements().insert, this.columnValues(editable));
      this.writeLinks(id, editable);
      const after = this.recordCreation(user, id, 'create');
      return { member: after, warnings: warnings.filter((w) => w.field === 'name') };
    });
  }

  update(
    user: Actor,
    input: MemberUpdateInput,
    action: 'update' | 'restore' = 'update',
  ): MemberRecord {
    return this.updateRecord(user, input, action, (before) => {
      const editable: Editable = {
        ...withChanges(before, input),
        // One answer for the place: a municipality clears "outside Skåne" and the other way round.
        ...withPlace(before, input),
      };
      // Every change is checked as a whole against the scope; none is dropped.
      assertCanChangeFields(user, before, editable);
      assertCanChangeStatus(user, before, editable.status);
      assertCanChangeMemberships(user, before.memberships, editable.memberships, (id) =>
        this.clusterName(id),
      );
      this.checkReferences(user, editable, before.id);
      this.writeVersion(this.statements().update, before, this.columnValues(editable));
      this.writeLinks(before.id, editable, before);
    });
  }

  setStatus(user: Actor, id: number, version: number, status: Status): MemberRecord {
    return this.transaction(() => {
      const before = this.current(user, id, version);
      assertCanChangeStatus(user, before, status);
      return this.changeStatus(user, before, status, this.statements().setStatus);
    });
  }

  /**
   * "Remove from our cluster": the editor's own cluster's membership comes off
   * a shared member; the other clusters keep it exactly as it was. Versioned
   * and audited like any update (the entry shows the memberships before and after).
   */
  leaveCluster(user: Actor, id: number, version: number): MemberRecord {
    return this.updateRecord(user, { id, version }, 'update', (before) => {
      const clusterId = assertCanLeaveCluster(user, before);
      const memberships = before.memberships.filter((m) => m.clusterId !== clusterId);
      this.writeVersion(this.statements().update, before, this.columnValues(before));
      this.writeLinks(before.id, { ...before, memberships }, before);
    });
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
      const current = items.map((item) => {
        const before = this.checkedNamed(user, item.id, item.version);
        assertCanChangeStatus(user, before, status, true);
        return before;
      });
      return current.map((before) =>
        before.status === status
          ? before
          : this.changeStatus(user, before, status, this.statements().setStatus),
      );
    });
  }

  /**
   * The rights and version checks every write makes, with refusals naming the
   * member: in a bulk change the editor must learn which of them it was.
   */
  private checkedNamed(user: Actor, id: number, version: number): MemberRecord {
    const before = this.get(user, id, true);
    if (before.version !== version) throw new ConflictError('member', before, before.name);
    return before;
  }

  delete(user: Actor, id: number, version: number): { id: number } {
    return this.deleteRecord(user, id, version, this.statements().delete, {
      found: (before) => assertCanDeleteMember(user, before),
    });
  }

  /** A cluster's name for a refusal that names it (its id if it is gone). */
  private clusterName(id: number): string {
    return this.statements().clusterName.get({ id })?.name ?? String(id);
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
      this.checkReferences(user, snapshot, undefined);
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
      return this.recordCreation(user, snapshot.id, 'restore');
    });
  }

  /** Rules the database knows but the schema cannot: references exist, keys are free. */
  private checkReferences(user: Actor, e: Editable, selfId: number | undefined): void {
    const statements = this.statements();
    const self = selfId ?? -1;
    assertSlugFree(statements.slugElsewhere, 'member', e.slug, selfId);
    if (e.organisationNumber) {
      const same = statements.sameOrganisationNumber.get({ orgnr: e.organisationNumber, self });
      // The taken number's owner is named only to someone who may see it.
      if (same && duplicateScope(statements, user, same.id) === 'hidden')
        throw FieldError.coded(
          'organisationNumber',
          'duplicate.numberOutsideScope',
          {},
          'conflict',
        );
      if (same)
        throw FieldError.coded(
          'organisationNumber',
          'taken.organisationNumber',
          { name: same.name },
          'conflict',
        );
    }
    assertExist(statements.areaExists, 'areaIds', 'area', e.areaIds);
    const clusterIds = e.memberships.map((m) => m.clusterId);
    assertExist(statements.clusterExists, 'memberships', 'cluster', clusterIds);
    this.images.assertExists('logo.hash', 'logo', e.logo?.hash);
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
      statements.upsertMembership.run({
        id,
        clusterId: m.clusterId,
        kind: m.kind,
        since: m.since,
      });
    }
  }
}
