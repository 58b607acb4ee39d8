/**
 * The audit trail keeps who made each change (their e-mail as it was then)
 * and the records before and after, which for accounts include e-mail
 * addresses. An erasure removes the address from both; what was done, when
 * and to which record stays, so the trail still adds up.
 */
import type { DatabaseHandle } from '@cos/db';
import type { PersonalDataHolder } from './holder';

const ERASED = '[erased]';

interface EntryRow {
  id: number;
  at: string;
  entity: string;
  entity_id: string;
  action: string;
  user_email: string | null;
  before: string | null;
  after: string | null;
}

function entriesAbout(handle: DatabaseHandle, email: string): EntryRow[] {
  // instr, not LIKE: an address may hold '_', which LIKE reads as a wildcard.
  return handle.sqlite
    .prepare(
      `SELECT id, at, entity, entity_id, action, user_email, before, after FROM audit_log
       WHERE lower(user_email) = @email OR instr(lower(before), @email) > 0
         OR instr(lower(after), @email) > 0
       ORDER BY id`,
    )
    .all({ email }) as EntryRow[];
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

export const auditTrailData: PersonalDataHolder = {
  name: 'auditTrail',
  exportFor(handle, email) {
    return entriesAbout(handle, email).map((e) => ({
      at: e.at,
      entity: e.entity,
      entityId: e.entity_id,
      action: e.action,
      madeByThisAddress: e.user_email?.toLowerCase() === email,
      before: e.before === null ? null : (JSON.parse(e.before) as unknown),
      after: e.after === null ? null : (JSON.parse(e.after) as unknown),
    }));
  },
  eraseFor(handle, email) {
    const pattern = new RegExp(escapeRegExp(email), 'gi');
    const update = handle.sqlite.prepare(
      'UPDATE audit_log SET user_email = ?, before = ?, after = ? WHERE id = ?',
    );
    const entries = entriesAbout(handle, email);
    for (const e of entries) {
      update.run(
        e.user_email?.toLowerCase() === email ? null : e.user_email,
        e.before?.replace(pattern, ERASED) ?? null,
        e.after?.replace(pattern, ERASED) ?? null,
        e.id,
      );
    }
    return entries.length;
  },
  // The trail is kept; what it holds about requests is only ids and states.
  purgeHandledBefore: () => 0,
};
