/**
 * What join requests keep about a person (the contact's name and e-mail, the
 * message, what they wrote about their organisation) and the public forms'
 * own short-lived rows (email_confirmations, public_form_limits), for the
 * privacy registry: export, erase, and the retention job. The audit trail
 * holds only ids and status of a request (records.ts auditState), so
 * deleting the row leaves nothing personal behind.
 *
 * email_confirmations belongs to the public forms as a whole: erasing an
 * address here also removes the address's suggestion confirmations, and
 * purgeExpired clears every kind's spent or expired tokens.
 */
import type { DatabaseHandle } from '@cos/db';
import type { PersonalDataHolder } from '../personal-data/holder';

const EXPORT_COLUMNS = `id, cluster_id AS clusterId, organisation_name AS organisationName,
  organisation_number AS organisationNumber, municipality_code AS municipalityCode, website,
  area_ids AS areaIds, contact_name AS contactName, email, message, language,
  consent_at AS consentAt, status, confirmed_at AS confirmedAt, handled_at AS handledAt,
  decline_reason AS declineReason, member_id AS memberId, created_at AS createdAt`;

function deleteRequests(handle: DatabaseHandle, where: string, ...params: unknown[]): number {
  const { sqlite } = handle;
  // Rows touched: the requests and their confirmation tokens.
  return sqlite.transaction(() => {
    const tokens = sqlite
      .prepare(
        `DELETE FROM email_confirmations WHERE kind = 'join' AND subject_id IN (SELECT id FROM join_requests WHERE ${where})`,
      )
      .run(...params).changes;
    return (
      tokens + sqlite.prepare(`DELETE FROM join_requests WHERE ${where}`).run(...params).changes
    );
  })();
}

export const joinRequestData: PersonalDataHolder = {
  name: 'joinRequests',

  exportFor(handle, email) {
    const requests = (
      handle.sqlite
        .prepare(`SELECT ${EXPORT_COLUMNS} FROM join_requests WHERE lower(email) = ? ORDER BY id`)
        .all(email) as { areaIds: string }[]
    ).map((row) => ({ ...row, areaIds: JSON.parse(row.areaIds) as number[] }));
    const confirmations = handle.sqlite
      .prepare(
        `SELECT kind, subject_id AS subjectId, created_at AS createdAt, expires_at AS expiresAt,
           used_at AS usedAt FROM email_confirmations WHERE lower(email) = ? ORDER BY created_at`,
      )
      .all(email);
    return { requests, confirmations };
  },

  eraseFor(handle, email) {
    const { sqlite } = handle;
    return sqlite.transaction(() => {
      const requests = deleteRequests(handle, 'lower(email) = ?', email);
      const tokens = sqlite
        .prepare('DELETE FROM email_confirmations WHERE lower(email) = ?')
        .run(email).changes;
      return requests + tokens;
    })();
  },

  purgeHandledBefore(handle, date) {
    return deleteRequests(handle, 'handled_at IS NOT NULL AND handled_at < ?', date.toISOString());
  },

  purgeUnconfirmedBefore(handle, date) {
    return deleteRequests(handle, "status = 'unconfirmed' AND created_at < ?", date.toISOString());
  },

  purgeExpired(handle, now) {
    const { sqlite } = handle;
    // The longest window the limits use (submission-limits.ts): an older one counts nothing.
    const limits = sqlite
      .prepare('DELETE FROM public_form_limits WHERE window_start <= ?')
      .run(now.getTime() - 10 * 60_000).changes;
    const tokens = sqlite
      .prepare('DELETE FROM email_confirmations WHERE expires_at < ? OR used_at IS NOT NULL')
      .run(now.toISOString()).changes;
    return limits + tokens;
  },
};
