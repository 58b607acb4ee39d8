/** Reading the audit trail, within what the actor may see (permissions.ts decides). */
import type { AuditListQuery } from '@cos/domain';
import type { Actor } from '../actor';
import type { AuditTrail } from './audit';
import type { MemberWrites } from './member-writes';
import { assertCanReadHistory } from './permissions';

export function readHistory(
  services: { audit: AuditTrail; memberWrites: MemberWrites },
  actor: Actor,
  query: AuditListQuery,
) {
  // An editor's member must be one they may edit: get() refuses the others.
  assertCanReadHistory(actor, query, (id) => services.memberWrites.get(actor, id));
  return services.audit.list(query);
}
