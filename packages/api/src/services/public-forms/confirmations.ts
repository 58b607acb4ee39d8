/**
 * E-mail confirmations for public forms (join requests, update suggestions):
 * a random token mailed to the address given; following it proves the sender
 * reads that mailbox before anything reaches a cluster. Only the token's
 * SHA-256 is stored, so a copy of the database confirms nothing; a token
 * works once and for CONFIRMATION_HOURS.
 */
import { createHash, randomBytes } from 'node:crypto';
import type { DatabaseHandle } from '@cos/db';
import { BadRequestError, coded } from '../../errors';

export type ConfirmationKind = 'join' | 'suggestion';

export const CONFIRMATION_HOURS = 48;

export interface ConfirmationRequest {
  kind: ConfirmationKind;
  subjectId: number;
  email: string;
  language: 'sv' | 'en';
}

export interface Confirmed {
  kind: ConfirmationKind;
  subjectId: number;
  email: string;
  language: 'sv' | 'en';
}

const hashOf = (token: string) => createHash('sha256').update(token).digest('hex');

/** Stores a new confirmation and returns its token (43 URL-safe characters) for the link. */
export function createConfirmation(
  handle: Pick<DatabaseHandle, 'sqlite'>,
  request: ConfirmationRequest,
  now: Date = new Date(),
): string {
  const token = randomBytes(32).toString('base64url');
  const expires = new Date(now.getTime() + CONFIRMATION_HOURS * 3_600_000);
  handle.sqlite
    .prepare(
      `INSERT INTO email_confirmations (token_hash, kind, subject_id, email, language, created_at, expires_at)
       VALUES (?, ?, ?, ?, ?, ?, ?)`,
    )
    .run(
      hashOf(token),
      request.kind,
      request.subjectId,
      request.email,
      request.language,
      now.toISOString(),
      expires.toISOString(),
    );
  return token;
}

interface ConfirmationRow {
  kind: ConfirmationKind;
  subject_id: number;
  email: string;
  language: 'sv' | 'en';
  expires_at: string;
  used_at: string | null;
}

/**
 * Uses a token: what it confirms. Throws a BadRequestError coded
 * confirmation.invalid (no such token), .used (already followed) or .expired.
 * Callers that change their subject wrap this and that change in one
 * transaction, so a token is never spent without its effect.
 */
export function confirm(
  handle: Pick<DatabaseHandle, 'sqlite'>,
  token: string,
  now: Date = new Date(),
): Confirmed {
  const { sqlite } = handle;
  return sqlite.transaction((): Confirmed => {
    const hash = hashOf(token);
    const row = sqlite
      .prepare(
        'SELECT kind, subject_id, email, language, expires_at, used_at FROM email_confirmations WHERE token_hash = ?',
      )
      .get(hash) as ConfirmationRow | undefined;
    if (!row) throw new BadRequestError(coded('confirmation.invalid', {}));
    if (row.used_at !== null) throw new BadRequestError(coded('confirmation.used', {}));
    if (row.expires_at <= now.toISOString())
      throw new BadRequestError(coded('confirmation.expired', {}));
    sqlite
      .prepare('UPDATE email_confirmations SET used_at = ? WHERE token_hash = ?')
      .run(now.toISOString(), hash);
    return { kind: row.kind, subjectId: row.subject_id, email: row.email, language: row.language };
  })();
}

/** Forgets the confirmations of one subject (its record was erased). */
export function forgetConfirmations(
  handle: Pick<DatabaseHandle, 'sqlite'>,
  kind: ConfirmationKind,
  subjectId: number,
): number {
  return handle.sqlite
    .prepare('DELETE FROM email_confirmations WHERE kind = ? AND subject_id = ?')
    .run(kind, subjectId).changes;
}
