/**
 * Who saved the version a conflict reports: the author of the newest audit
 * entry about that record, by name and role (an editor may meet an
 * administrator's save, and must not learn their e-mail address).
 */
import type { ConflictError } from '../errors';
import type { AuditTrail } from './audit';

export function nameConflictAuthor(audit: Pick<AuditTrail, 'latest'>, error: ConflictError): void {
  if (error.savedBy !== undefined) return;
  const current = error.current as { id?: unknown; updatedAt?: unknown } | null | undefined;
  const id = current?.id;
  if (typeof id !== 'number' && typeof id !== 'string') {
    error.savedBy = null;
    return;
  }
  const latest = audit.latest(error.entity, id);
  error.savedBy = latest ? { name: latest.actorName, role: latest.actorRole, at: latest.at } : null;
}
