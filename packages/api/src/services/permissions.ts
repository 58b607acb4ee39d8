/**
 * Who may change what — the one place this is decided. Admins may do
 * everything. An editor runs one cluster: they may create and change members
 * that are (or will be) in that cluster, that cluster's memberships and its
 * articles, and nothing else. Every write service asks here first.
 */
import type { SessionUser } from '../actor';
import { forbidden } from '../errors';

export function isAdmin(user: SessionUser): boolean {
  return user.role === 'admin';
}

export function assertAdmin(user: SessionUser, what: string): void {
  if (!isAdmin(user)) throw forbidden(`Only administrators may ${what}`);
}

/** The member must be in the editor's cluster (checked on the record as stored). */
export function assertCanEditMember(user: SessionUser, memberClusterIds: readonly number[]): void {
  if (isAdmin(user)) return;
  if (user.clusterId === null || !memberClusterIds.includes(user.clusterId)) {
    throw forbidden('Editors may only change members of their own cluster');
  }
}

/**
 * The memberships an editor's change leaves: other clusters' memberships stay
 * exactly as they were; only the editor's own cluster's entry can change.
 */
export function scopeMembershipChange<T extends { clusterId: number }>(
  user: SessionUser,
  current: readonly T[],
  requested: readonly T[],
): T[] {
  if (isAdmin(user)) return [...requested];
  const own = user.clusterId;
  const foreign = requested.filter(
    (m) => m.clusterId !== own && !current.some((c) => c.clusterId === m.clusterId),
  );
  if (foreign.length > 0) throw forbidden('Editors may only add members to their own cluster');
  return [
    ...current.filter((m) => m.clusterId !== own),
    ...requested.filter((m) => m.clusterId === own),
  ];
}

export function assertCanEditArticle(user: SessionUser, articleClusterId: number | null): void {
  if (isAdmin(user)) return;
  if (articleClusterId === null || articleClusterId !== user.clusterId) {
    throw forbidden("Editors may only write their own cluster's articles");
  }
}
