/**
 * Who may change what — the one place this is decided; every write service
 * (and the bulk and import services) asks here first. The policy, in words
 * (packages/api/README.md "Who may do what" says the same for people):
 *
 * - Administrators may do everything, except leave a member without any
 *   cluster: removing a member's last membership is refused for everyone
 *   (archive or delete the member instead).
 * - An editor runs one cluster. They see and edit only members that belong to
 *   it, create members only in it, and write only its articles.
 * - A member that also belongs to another cluster is *shared*. Both clusters
 *   depend on it, so on a shared member an editor may change its description,
 *   kind, size, municipality, website, areas and their own cluster's
 *   membership date, and publish it — but not its identity (name, slug,
 *   organisation number: the other cluster finds and links it by those), and
 *   not delete, archive or unpublish it. Those are for administrators; the
 *   editor's own action there is "remove from our cluster" (`leaveCluster`).
 * - An editor never adds, removes or changes another cluster's membership.
 *   Such a change is refused with the cluster's name, never silently dropped.
 * - Reads follow the same scope: the duplicates check tells an editor that a
 *   match exists in another cluster without naming a draft or archived one (a
 *   published match may be named: its name is public on the site anyway).
 *
 * Refusals are ForbiddenError (a scope rule) or FieldError (a rule about the
 * value, like the last cluster); a refusal in a bulk change names the member.
 */
import type { AdminAction, RelationKind, Status } from '@cos/domain';
import type { Actor } from '../actor';
import { FieldError, forbidden } from '../errors';
import { statusAction } from './status-action';

export function isAdmin(user: Actor): boolean {
  return user.role === 'admin';
}

export function assertAdmin(user: Actor, action: AdminAction): void {
  if (!isAdmin(user)) throw forbidden('permission.adminOnly', { action });
}

/**
 * Which members an actor sees in the admin's lists (the directory, the
 * dashboard): every one for an admin, their own cluster's for an editor
 * (none, for an editor without a cluster: id -1 matches no cluster).
 */
export function memberScope(user: Actor): 'all' | { clusterId: number } {
  return isAdmin(user) ? 'all' : { clusterId: user.clusterId ?? -1 };
}

/** The directory's cluster filter for an actor's admin list (undefined: no filter). */
export function directoryScope(user: Actor): { clusterIds?: readonly number[] } {
  const scope = memberScope(user);
  return scope === 'all' ? {} : { clusterIds: [scope.clusterId] };
}

/**
 * The audit trail: admins read all of it; an editor reads the history of one
 * member at a time, one they may edit (`canEdit` checks that member).
 */
export function assertCanReadHistory(
  user: Actor,
  query: { entity?: string; entityId?: string },
  canEdit: (memberId: number) => void,
): void {
  if (isAdmin(user)) return;
  if (query.entity !== 'member' || !query.entityId) {
    throw forbidden('permission.editorHistory', {});
  }
  canEdit(Number(query.entityId));
}

/**
 * The member must be in the editor's cluster (checked on the record as stored).
 * A bulk change names the member (`name`), so the editor learns which one it was.
 */
export function assertCanEditMember(
  user: Actor,
  memberClusterIds: readonly number[],
  name?: string,
): void {
  if (isAdmin(user)) return;
  if (user.clusterId === null || !memberClusterIds.includes(user.clusterId)) {
    throw name === undefined
      ? forbidden('permission.editorOwnCluster', {})
      : forbidden('permission.editorOwnClusterNamed', { name });
  }
}

/** A member as the scope rules read it: as stored, before the change. */
export interface ScopedMember {
  name: string;
  status: Status;
  memberships: readonly Membership[];
}
interface Membership {
  clusterId: number;
  kind: RelationKind;
  since: string | null;
}

/** The fields that say which organisation a member is: admin-only on a shared member. */
const IDENTITY_FIELDS = ['name', 'slug', 'organisationNumber'] as const;

/**
 * Shared, for this actor: the member also belongs to a cluster other than the
 * editor's own. (Never true for an admin, who is bound to no cluster.)
 */
export function isSharedFor(user: Actor, memberships: readonly Membership[]): boolean {
  return !isAdmin(user) && memberships.some((m) => m.clusterId !== user.clusterId);
}

/**
 * Publishing, unpublishing or archiving: the member must be the editor's, and
 * a shared one may only be published (or left as it is) by an editor.
 * `named`: the refusal names the member (always so for the shared rule).
 */
export function assertCanChangeStatus(
  user: Actor,
  member: ScopedMember,
  status: Status,
  named = false,
): void {
  assertCanEditMember(
    user,
    member.memberships.map((m) => m.clusterId),
    named ? member.name : undefined,
  );
  if (status === member.status || status === 'published') return;
  if (isSharedFor(user, member.memberships)) {
    throw forbidden('permission.sharedMemberAdminOnly', {
      name: member.name,
      action: statusAction(status) as 'archive' | 'unpublish',
    });
  }
}

/** Deleting: the member must be the editor's own and not shared. */
export function assertCanDeleteMember(user: Actor, member: ScopedMember, named = false): void {
  assertCanEditMember(
    user,
    member.memberships.map((m) => m.clusterId),
    named ? member.name : undefined,
  );
  if (isSharedFor(user, member.memberships)) {
    throw forbidden('permission.sharedMemberAdminOnly', { name: member.name, action: 'delete' });
  }
}

/** An edit of a shared member's identity (name, slug, organisation number) is for admins. */
export function assertCanChangeFields<R extends ScopedMember & Record<Identity, unknown>>(
  user: Actor,
  before: R,
  after: Pick<R, Identity>,
): void {
  if (!isSharedFor(user, before.memberships)) return;
  const field = IDENTITY_FIELDS.find((f) => before[f] !== after[f]);
  if (field) {
    throw forbidden('permission.sharedMemberField', { name: before.name, label: field });
  }
}
type Identity = (typeof IDENTITY_FIELDS)[number];

/**
 * A change of a member's memberships, from `current` (as stored) to
 * `requested` (the whole new list). An editor may add, change or remove only
 * their own cluster's entry; any other difference is refused, naming the
 * cluster (`clusterName`). Nobody may remove the last one: the field error
 * says what to do instead. A new member (`current` empty) may start with no
 * cluster only when an admin creates it (the create path checks editors).
 */
export function assertCanChangeMemberships(
  user: Actor,
  current: readonly Membership[],
  requested: readonly Membership[],
  clusterName: (clusterId: number) => string,
): void {
  if (!isAdmin(user)) {
    const ids = new Set([...current, ...requested].map((m) => m.clusterId));
    for (const clusterId of ids) {
      if (clusterId === user.clusterId) continue;
      const was = current.find((m) => m.clusterId === clusterId);
      const now = requested.find((m) => m.clusterId === clusterId);
      if (was?.since !== now?.since || was?.kind !== now?.kind || !was !== !now) {
        throw forbidden('permission.foreignMembership', { cluster: clusterName(clusterId) });
      }
    }
  }
  if (current.length > 0 && requested.length === 0) {
    throw FieldError.coded('memberships', 'memberships.lastCluster', {});
  }
}

/** A new member's memberships: an editor's must be exactly their own cluster. */
export function assertCanCreateWith(user: Actor, requested: readonly Membership[]): void {
  if (isAdmin(user)) return;
  if (requested.some((m) => m.clusterId !== user.clusterId)) {
    throw forbidden('permission.editorAddOwnCluster', {});
  }
  assertCanEditMember(
    user,
    requested.map((m) => m.clusterId),
  );
}

/**
 * "Remove from our cluster": an editor takes their own cluster's membership
 * off a member (the memberships they leave stay as they are). Admins change
 * memberships in the member's form instead; a member whose only cluster is the
 * editor's cannot be left (archive or delete it, or ask an administrator).
 */
export function assertCanLeaveCluster(user: Actor, member: ScopedMember): number {
  if (isAdmin(user) || user.clusterId === null) {
    throw forbidden('permission.leaveClusterEditor', {});
  }
  assertCanEditMember(
    user,
    member.memberships.map((m) => m.clusterId),
  );
  if (!isSharedFor(user, member.memberships)) {
    throw forbidden('permission.leaveOnlyCluster', { name: member.name });
  }
  return user.clusterId;
}

export function assertCanEditArticle(user: Actor, articleClusterId: number | null): void {
  if (isAdmin(user)) return;
  if (articleClusterId === null || articleClusterId !== user.clusterId) {
    throw forbidden('permission.editorArticles', {});
  }
}

/**
 * A cluster's own face: its editors may set its logo (and read its record to
 * do so), since it is how their cluster shows on the site and in shared links;
 * every other cluster field stays with the administrators.
 */
export const EDITOR_CLUSTER_FIELDS = ['id', 'version', 'logo'] as const;

export function assertCanEditClusterLogo(user: Actor, clusterId: number): void {
  if (isAdmin(user)) return;
  if (user.clusterId === null || user.clusterId !== clusterId) {
    throw forbidden('permission.editorOwnClusterLogo', {});
  }
}

/** An editor's cluster update names only the logo (besides id and version). */
export function assertEditorClusterFields(user: Actor, fields: readonly string[]): void {
  if (isAdmin(user)) return;
  const allowed: readonly string[] = EDITOR_CLUSTER_FIELDS;
  const others = fields.filter((f) => !allowed.includes(f));
  if (others.length > 0) {
    throw forbidden('permission.editorClusterLogoOnly', { fields: others.join(', ') });
  }
}
