/**
 * Administrators' and editors' accounts, their sessions (with the address and
 * browser they signed in from) and the sign-in limit rows keyed by the
 * address that was tried (services/sign-in-limits.ts), and the audit trail's
 * record of who made each change.
 */
import type { DatabaseHandle } from '@cos/db';
import { DEFAULT_SIGN_IN_POLICY, SignInLimits } from '../sign-in-limits';
import type { PersonalDataHolder } from './holder';

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

interface UserRow {
  id: string;
  email: string;
  name: string;
  role: string;
  cluster_id: number | null;
  disabled: number;
  created_at: number;
}

function userOf(handle: DatabaseHandle, email: string): UserRow | undefined {
  return handle.sqlite
    .prepare(
      'SELECT id, email, name, role, cluster_id, disabled, created_at FROM users WHERE lower(email) = ?',
    )
    .get(email) as UserRow | undefined;
}

export const accountData: PersonalDataHolder = {
  name: 'accounts',
  exportFor(handle, email) {
    const { sqlite } = handle;
    const user = userOf(handle, email);
    const sessions = user
      ? (
          sqlite
            .prepare(
              'SELECT created_at, expires_at, ip_address, user_agent FROM sessions WHERE user_id = ? ORDER BY created_at',
            )
            .all(user.id) as {
            created_at: number;
            expires_at: number;
            ip_address: string | null;
            user_agent: string | null;
          }[]
        ).map((s) => ({
          createdAt: iso(s.created_at),
          expiresAt: iso(s.expires_at),
          ipAddress: s.ip_address,
          userAgent: s.user_agent,
        }))
      : [];
    const failures = sqlite
      .prepare(
        'SELECT failures, last_failure_at, blocked_until FROM sign_in_account_limits WHERE account = ?',
      )
      .all(email) as { failures: number; last_failure_at: number; blocked_until: number }[];
    const knownAddresses = sqlite
      .prepare(
        'SELECT address, last_success_at FROM sign_in_known_addresses WHERE account = ? ORDER BY last_success_at',
      )
      .all(email) as { address: string; last_success_at: number }[];
    return {
      account: user
        ? {
            id: user.id,
            email: user.email,
            name: user.name,
            role: user.role,
            clusterId: user.cluster_id,
            disabled: user.disabled === 1,
            createdAt: iso(user.created_at),
          }
        : null,
      sessions,
      signInFailures: failures.map((f) => ({
        failures: f.failures,
        lastFailureAt: iso(f.last_failure_at),
        blockedUntil: iso(f.blocked_until),
      })),
      signInAddresses: knownAddresses.map((k) => ({
        address: k.address,
        lastSuccessAt: iso(k.last_success_at),
      })),
    };
  },
  eraseFor(handle, email) {
    const { sqlite } = handle;
    let rows = 0;
    const user = userOf(handle, email);
    // Sessions and the password go with the account (ON DELETE CASCADE).
    if (user) rows += sqlite.prepare('DELETE FROM users WHERE id = ?').run(user.id).changes;
    rows += sqlite
      .prepare('DELETE FROM sign_in_account_limits WHERE account = ?')
      .run(email).changes;
    rows += sqlite
      .prepare('DELETE FROM sign_in_known_addresses WHERE account = ?')
      .run(email).changes;
    return rows;
  },
  // Accounts are not "handled": they stay until an administrator deletes them.
  purgeHandledBefore: () => 0,
  purgeExpired(handle, now) {
    const { sqlite } = handle;
    const ended = sqlite
      .prepare('DELETE FROM sessions WHERE expires_at <= ?')
      .run(now.getTime()).changes;
    const before = (table: string) =>
      (sqlite.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
    const tables = ['sign_in_address_limits', 'sign_in_account_limits', 'sign_in_known_addresses'];
    const counted = tables.reduce((n, t) => n + before(t), 0);
    // The sign-in limits' own rules (a minute, a day, 90 days), applied even when nobody signs in.
    new SignInLimits(handle, DEFAULT_SIGN_IN_POLICY, () => now.getTime()).prune();
    return ended + counted - tables.reduce((n, t) => n + before(t), 0);
  },
};
