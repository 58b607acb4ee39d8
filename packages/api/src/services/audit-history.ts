/** Reading the audit trail, within what the actor may see (permissions.ts decides). */
import type { AuditListQuery } from '@cos/domain';
import type { Actor } from '../actor';
import type { AuditTrail } from './audit';
import type { MemberWrites } from './member-writes';
import { assertCanReadHistory, isAdmin } from './permissions';
import { changedFieldNames } from './record-changes';

export function readHistory(
  services: { audit: AuditTrail; memberWrites: MemberWrites },
  actor: Actor,
  query: AuditListQuery,
) {
  // An editor's member must be one they may edit: get() refuses the others.
  assertCanReadHistory(actor, query, (id) => services.memberWrites.get(actor, id));
  const page = services.audit.list(query);
  // Editors see who did what by name and role; e-mail addresses are for administrators.
  const showEmail = isAdmin(actor);
  return {
    ...page,
    items: page.items.map((entry) => ({
      ...entry,
      userEmail: showEmail ? entry.userEmail : null,
      changedFields: changedFieldNames(entry.before, entry.after),
    })),
  };
}
