/**
 * Editing many members at once from the admin's list: add or remove an area,
 * add or remove a cluster membership. One transaction, all or nothing: every
 * member is checked (rights, the version the editor saw, the scope rules of
 * permissions.ts) before the first write, so one refusal — naming the member —
 * leaves them all as they were. Each member that changes gets its own version
 * bump and audit entry (its history shows the change like any edit); a member
 * the change would not change (it already has the area) gets neither. The
 * search rows follow through the link tables' triggers, and the read cache is
 * dropped once the transaction has committed.
 */
import { areas, clusters, memberAreas, members, memberships, type DatabaseHandle } from '@cos/db';
import { eq, sql } from 'drizzle-orm';
import type { Actor } from '../actor';
import { ConflictError, forbidden } from '../errors';
import type { AuditTrail } from './audit';
import type { MemberRecord } from './member-statements';
import type { MemberWrites } from './member-writes';
import { assertCanChangeMemberships, assertCanEditMember } from './permissions';
import { byIdAndVersion, existsById, nextVersion, onFirstUse, param } from './prepared';
import { assertExist } from './record-checks';
import type { ResultCache } from './result-cache';
import { VersionedWrites } from './versioned-record';

/** One change for every chosen member. */
export type BulkChange =
  { addArea: number } | { removeArea: number } | { addCluster: number } | { removeCluster: number };

export interface BulkEditResult {
  /** Every chosen member as it is afterwards, in the order asked. */
  members: MemberRecord[];
  /** The ids of the members that changed (the others already were as asked). */
  changed: number[];
}

function prepare({ db }: Pick<DatabaseHandle, 'db'>) {
  const id = sql.placeholder('id');
  return {
    areaExists: existsById(db, areas),
    clusterExists: existsById(db, clusters),
    clusterName: db
      .select({ name: clusters.name })
      .from(clusters)
      .where(eq(clusters.id, id))
      .prepare(),
    /** The version bump of a member whose links changed (its own columns did not). */
    touch: db.update(members).set(nextVersion(members)).where(byIdAndVersion(members)).prepare(),
    addArea: db
      .insert(memberAreas)
      .values({ memberId: id, areaId: param('targetId') })
      .prepare(),
    removeArea: db
      .delete(memberAreas)
      .where(sql`${memberAreas.memberId} = ${id} and ${memberAreas.areaId} = ${param('targetId')}`)
      .prepare(),
    addCluster: db
      .insert(memberships)
      .values({ memberId: id, clusterId: param('targetId'), since: null })
      .prepare(),
    removeCluster: db
      .delete(memberships)
      .where(
        sql`${memberships.memberId} = ${id} and ${memberships.clusterId} = ${param('targetId')}`,
      )
      .prepare(),
  };
}

type Op = 'addArea' | 'removeArea' | 'addCluster' | 'removeCluster';

function opOf(change: BulkChange): { op: Op; targetId: number } {
  const [op, targetId] = Object.entries(change)[0] as [Op, number];
  return { op, targetId };
}

export class MemberBulkEdit extends VersionedWrites<number, MemberRecord> {
  protected readonly entity = 'member';
  private readonly statements = onFirstUse(() => prepare(this.handle));

  constructor(
    handle: Pick<DatabaseHandle, 'db' | 'sqlite'>,
    audit: AuditTrail,
    cache: ResultCache,
    private readonly members: MemberWrites,
  ) {
    super(handle, audit, cache);
  }

  load(id: number): MemberRecord | undefined {
    return this.members.load(id);
  }

  /** The member, with refusals naming it (the editor must learn which one it was). */
  get(user: Actor, id: number): MemberRecord {
    return this.members.get(user, id, true);
  }

  editMany(
    user: Actor,
    items: readonly { id: number; version: number }[],
    change: BulkChange,
  ): BulkEditResult {
    const { op, targetId } = opOf(change);
    const statements = this.statements();
    return this.transaction(() => {
      const cluster = op === 'addCluster' || op === 'removeCluster';
      assertExist(
        cluster ? statements.clusterExists : statements.areaExists,
        `change.${op}`,
        cluster ? 'cluster' : 'area',
        [targetId],
      );
      // Every member is checked before anything is written.
      const plans = items.map((item) => {
        const before = this.get(user, item.id);
        if (before.version !== item.version) throw new ConflictError('member', before, before.name);
        return { before, changes: this.check(user, before, op, targetId) };
      });
      const changed: number[] = [];
      const after = plans.map(({ before, changes }) => {
        if (!changes) return before;
        this.writeVersion(statements.touch, before, {});
        statements[op].run({ id: before.id, targetId });
        changed.push(before.id);
        return this.recordChange(user, before, 'update');
      });
      return { members: after, changed };
    });
  }

  /** Whether the change changes this member, after the scope rules allowed it. */
  private check(user: Actor, before: MemberRecord, op: Op, targetId: number): boolean {
    const clusterIds = before.memberships.map((m) => m.clusterId);
    // The member must be one the actor may change, even where nothing would change.
    assertCanEditMember(user, clusterIds, before.name);
    if (op === 'addArea' || op === 'removeArea') {
      return before.areaIds.includes(targetId) === (op === 'removeArea');
    }
    if (clusterIds.includes(targetId) === (op === 'addCluster')) return false;
    const requested =
      op === 'addCluster'
        ? [...before.memberships, { clusterId: targetId, kind: 'member' as const, since: null }]
        : before.memberships.filter((m) => m.clusterId !== targetId);
    // The last cluster is refused naming the member: in a batch the editor must learn which.
    if (requested.length === 0) {
      throw forbidden('bulk.lastCluster', { name: before.name });
    }
    assertCanChangeMemberships(user, before.memberships, requested, (id) => this.clusterName(id));
    return true;
  }

  private clusterName(id: number): string {
    return this.statements().clusterName.get({ id })?.name ?? String(id);
  }
}
