/**
 * What a suggested update keeps about its sender — name, e-mail, comment —
 * for the privacy registry (services/personal-data): export, erasure, and the
 * retention job. A suggestion's row is deleted whole: without its sender the
 * proposal has no one to answer to. The audit notes of applied suggestions
 * ("suggestion #12 by Eva") lose the name, keeping where the change came from.
 */
import type { DatabaseHandle } from '@cos/db';
import type { PersonalDataHolder } from '../personal-data/holder';
import { forgetConfirmations } from '../public-forms';

type Sqlite = DatabaseHandle['sqlite'];

/** Deletes these suggestions, their confirmations, and the sender's name from audit notes. */
function forget(sqlite: Sqlite, ids: number[]): number {
  const anonymise = sqlite.prepare(
    `UPDATE audit_log SET note = ? WHERE note LIKE ? AND entity IN ('member', 'cluster')`,
  );
  const remove = sqlite.prepare('DELETE FROM update_suggestions WHERE id = ?');
  let removed = 0;
  for (const id of ids) {
    anonymise.run(`suggestion #${id}`, `suggestion #${id} by %`);
    forgetConfirmations({ sqlite }, 'suggestion', id);
    removed += remove.run(id).changes;
  }
  return removed;
}

const idsWhere = (sqlite: Sqlite, where: string, ...params: unknown[]) =>
  (
    sqlite.prepare(`SELECT id FROM update_suggestions WHERE ${where}`).all(...params) as {
      id: number;
    }[]
  ).map((r) => r.id);

export function exportFor(handle: Pick<DatabaseHandle, 'sqlite'>, email: string): unknown {
  return handle.sqlite
    .prepare(
      `SELECT id, target_type AS targetType, target_id AS targetId, proposed, sender_name AS senderName,
         sender_email AS senderEmail, language, comment, consent_at AS consentAt, status,
         created_at AS createdAt, confirmed_at AS confirmedAt, handled_at AS handledAt,
         reject_reason AS rejectReason
       FROM update_suggestions WHERE lower(sender_email) = ? ORDER BY id`,
    )
    .all(email)
    .map((row) => {
      const r = row as { proposed: string };
      return { ...r, proposed: JSON.parse(r.proposed) as unknown };
    });
}

export function eraseFor(handle: Pick<DatabaseHandle, 'sqlite'>, email: string): number {
  return forget(handle.sqlite, idsWhere(handle.sqlite, 'lower(sender_email) = ?', email));
}

/** Applied or rejected before `date` (the retention period after handling). */
export function purgeHandledBefore(handle: Pick<DatabaseHandle, 'sqlite'>, date: Date): number {
  return forget(
    handle.sqlite,
    idsWhere(
      handle.sqlite,
      `status IN ('applied', 'rejected') AND handled_at IS NOT NULL AND handled_at < ?`,
      date.toISOString(),
    ),
  );
}

/** Never confirmed, and sent before `date`. */
export function purgeUnconfirmedBefore(handle: Pick<DatabaseHandle, 'sqlite'>, date: Date): number {
  return forget(
    handle.sqlite,
    idsWhere(handle.sqlite, `status = 'unconfirmed' AND created_at < ?`, date.toISOString()),
  );
}

export const updateSuggestionData: PersonalDataHolder = {
  name: 'updateSuggestions',
  exportFor,
  eraseFor,
  purgeHandledBefore,
  purgeUnconfirmedBefore,
};
