/**
 * Rows for the personal-data tests, written with plain SQL so the tests set
 * the times themselves (the features' own writes stamp "now").
 */
import type { Sqlite } from '@cos/db';

export function insertMail(
  sqlite: Sqlite,
  row: { to: string; createdAt: Date; text?: string; kind?: string },
): number {
  return Number(
    sqlite
      .prepare(
        `INSERT INTO mail_outbox (created_at, "to", language, subject, text, html, kind, status)
         VALUES (?, ?, 'sv', 'Ämne', ?, '<p>x</p>', ?, 'outbox')`,
      )
      .run(row.createdAt.getTime(), row.to, row.text ?? 'Hej', row.kind ?? 'test').lastInsertRowid,
  );
}

export function insertSession(
  sqlite: Sqlite,
  row: { id: string; userId: string; expiresAt: Date; ip?: string },
): void {
  const now = Date.now();
  sqlite
    .prepare(
      `INSERT INTO sessions (id, expires_at, token, ip_address, user_agent, user_id, created_at, updated_at)
       VALUES (?, ?, ?, ?, 'test-agent', ?, ?, ?)`,
    )
    .run(
      row.id,
      row.expiresAt.getTime(),
      `token-${row.id}`,
      row.ip ?? '192.0.2.1',
      row.userId,
      now,
      now,
    );
}

export const ids = (sqlite: Sqlite, sql: string): number[] =>
  sqlite.prepare(sql).pluck().all() as number[];

export function insertJoinRequest(
  sqlite: Sqlite,
  row: { clusterId: number; email: string; status: string; createdAt: Date; handledAt?: Date },
): number {
  const created = row.createdAt.toISOString();
  return Number(
    sqlite
      .prepare(
        `INSERT INTO join_requests (cluster_id, organisation_name, contact_name, email, message, language,
           consent_at, status, confirmed_at, handled_at, created_at, updated_at)
         VALUES (?, 'Exempel AB', 'Eva Exempel', ?, 'Vi vill vara med', 'sv', ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        row.clusterId,
        row.email,
        created,
        row.status,
        row.status === 'unconfirmed' ? null : created,
        row.handledAt?.toISOString() ?? null,
        created,
        created,
      ).lastInsertRowid,
  );
}

export function insertSuggestion(
  sqlite: Sqlite,
  row: { email: string; status: string; createdAt: Date; handledAt?: Date },
): number {
  const created = row.createdAt.toISOString();
  return Number(
    sqlite
      .prepare(
        `INSERT INTO update_suggestions (target_type, target_id, target_version, proposed, sender_name,
           sender_email, language, consent_at, status, confirmed_at, handled_at, created_at)
         VALUES ('member', 1, 1, '{"website":"https://example.se"}', 'Eva Exempel', ?, 'sv', ?, ?, ?, ?, ?)`,
      )
      .run(
        row.email,
        created,
        row.status,
        row.status === 'unconfirmed' ? null : created,
        row.handledAt?.toISOString() ?? null,
        created,
      ).lastInsertRowid,
  );
}
