/**
 * Who may change what — the one place this is decided. Admins may do
 * everything. An editor runs one cluster: they may create and change members
 * that are (or will be) in that cluster, that cluster's memberships and its
 * articles, and nothing else. Every write service asks here first.
 */
import type { AdminAction } from '@cos/domain';
import type { Actor } from '../actor';
import { forbidden } from '../errors';

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

/**
 * The memberships an editor's change leaves: other clusters' memberships stay
 * exactly as they were; only the editor's own cluster's entry can change.
 */
export function scopeMembershipChange<T extends { clusterId: number }>(
  user: Actor,
  current: readonly T[],
  requested: readonly T[],
): T[] {
  if (isAdmin(user)) return [...requested];
  const own = user.clusterId;
  const foreign = requested.filter(
    (m) => m.clusterId !== own && !current.some((c) => c.clusterId === m.clusterId),
  );
  if (foreign.length > 0) throw forbidden('permission.editorAddOwnCluster', {});
  return [
    ...current.filter((m) => m.clusterId !== own),
    ...requested.filter((m) => m.clusterId === own),
  ];
}

export function assertCanEditArticle(user: Actor, articleClusterId: number | null): void {
  if (isAdmin(user)) return;
  if (articleClusterId === null || articleClusterId !== user.clusterId) {
    throw forbidden('permission.editorArticles', {});
  }
}
