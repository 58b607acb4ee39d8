/**
 * An administrator's export and erasure of everything stored about one
 * e-mail address. Both are audited, and the audit entry never holds the
 * address itself (only how many rows each holder had), so the trail of an
 * erasure does not bring back what was erased.
 */
import type { DatabaseHandle } from '@cos/db';
import type { Actor } from '../../actor';
import { FieldError } from '../../errors';
import { AuditTrail } from '../audit';
import { assertAdmin } from '../permissions';
import { accountKey } from '../sign-in-limits';
import type { PersonalDataHolder } from './holder';
import { PERSONAL_DATA_HOLDERS } from './registry';

/** The form every holder receives an address in: trimmed, NFC, lower case (as sign-in keys accounts). */
function emailKey(email: string): string {
  const key = accountKey(email) ?? '';
  // An empty key would match every row's text: refuse anything that is not an address at all.
  if (!/^[^@\s]+@[^@\s]+$/.test(key)) throw FieldError.coded('email', 'email.invalid', {});
  return key;
}

export interface PersonalDataExport {
  email: string;
  exportedAt: string;
  /** One part per holder, by its name. */
  data: Record<string, unknown>;
}

export interface PersonalDataErasure {
  /** Rows deleted or anonymised, per holder. */
  erased: Record<string, number>;
  total: number;
}

export interface PersonalDataOptions {
  holders?: readonly PersonalDataHolder[];
  now?: Date;
}

export function exportPersonalData(
  handle: DatabaseHandle,
  actor: Actor,
  email: string,
  options: PersonalDataOptions = {},
): PersonalDataExport {
  assertAdmin(actor, 'any');
  const key = emailKey(email);
  const holders = options.holders ?? PERSONAL_DATA_HOLDERS;
  const audit = new AuditTrail(handle.db);
  return handle.sqlite.transaction(() => {
    const data: Record<string, unknown> = {};
    for (const holder of holders) data[holder.name] = holder.exportFor(handle, key);
    // Who looked at someone's data is itself worth knowing; the address is not repeated here.
    audit.record(actor, 'personal-data', 'address', 'export', null, {
      addresses: 1,
      holders: holders.map((h) => h.name),
    });
    return { email: key, exportedAt: (options.now ?? new Date()).toISOString(), data };
  })();
}

/**
 * Erases everything about the address in one transaction: when any holder
 * fails, nothing at all is erased. An administrator cannot erase their own
 * account this way (they would be signed out mid-way; another admin can).
 */
export function erasePersonalData(
  handle: DatabaseHandle,
  actor: Actor,
  email: string,
  options: PersonalDataOptions = {},
): PersonalDataErasure {
  assertAdmin(actor, 'any');
  const key = emailKey(email);
  if (key === emailKey(actor.email)) throw FieldError.coded('email', 'user.selfDelete', {});
  const holders = options.holders ?? PERSONAL_DATA_HOLDERS;
  const audit = new AuditTrail(handle.db);
  return handle.sqlite
    .transaction(() => {
      const erased: Record<string, number> = {};
      for (const holder of holders) erased[holder.name] = holder.eraseFor(handle, key);
      const total = Object.values(erased).reduce((a, b) => a + b, 0);
      audit.record(actor, 'personal-data', 'address', 'erase', null, {
        addresses: 1,
        erased,
      });
      return { erased, total };
    })
    .immediate();
}
