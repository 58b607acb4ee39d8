/**
 * Sign-in limits per client address and per account, kept in SQLite so they
 * hold across restarts and are shared by every process serving the same
 * database file (the README's "Sign-in limits" has the policy in words).
 *
 * - Per address: at most `perAddressPerMinute` attempts in a fixed one-minute
 *   window, whatever the outcome — what one client can try at all.
 * - Per account (the normalised e-mail, whether or not such an account
 *   exists, so a refusal says nothing about which accounts exist): failures
 *   since the last success. After `freeFailures` of them each further one holds
 *   the account back for `baseDelayMs`, doubling, at most `maxDelayMs`. The
 *   cap bounds how long an attacker can keep the real user out; from an
 *   address that has signed in to the account before, the hold does not apply
 *   at all (only that address's own per-minute limit does).
 *
 * Each check is one IMMEDIATE transaction: SQLite's write lock makes the
 * read-decide-write atomic across processes, and an attempt counts as a
 * failure from the moment it is let through until it succeeds — so a burst
 * of concurrent guesses cannot all pass before the first one's result is in.
 */
import type { DatabaseHandle } from '@cos/db';
import { isIP } from 'node:net';

export interface SignInLimitPolicy {
  perAddressPerMinute: number;
  /** Failures per account before any hold. */
  freeFailures: number;
  /** The first hold; each later failure doubles it. */
  baseDelayMs: number;
  /** No hold is longer than this. */
  maxDelayMs: number;
  /** An account's failures are forgotten this long after the last one. */
  forgetFailuresAfterMs: number;
  /** How long an address that signed in stays exempt from the account's hold. */
  knownAddressForMs: number;
}

const DAY = 24 * 60 * 60 * 1000;

export const DEFAULT_SIGN_IN_POLICY: SignInLimitPolicy = {
  perAddressPerMinute: 10,
  freeFailures: 5,
  baseDelayMs: 30_000,
  maxDelayMs: 15 * 60_000,
  forgetFailuresAfterMs: DAY,
  knownAddressForMs: 90 * DAY,
};

const WINDOW_MS = 60_000;
/** Most addresses remembered per account: the most recent ones. */
const KNOWN_PER_ACCOUNT = 20;

/** An attempt let through: hand it back to `succeeded` when the password was right. */
export interface SignInAttempt {
  account: string | null;
  address: string;
}

export type SignInCheck =
  | { allowed: true; attempt: SignInAttempt }
  | { allowed: false; limit: 'address' | 'account'; retryAfterSeconds: number };

/** The account key of an e-mail address as typed: trimmed, NFC, lower case (as better-auth looks it up). */
export function accountKey(email: unknown): string | null {
  if (typeof email !== 'string') return null;
  const key = email.trim().normalize('NFC').toLowerCase();
  return key === '' ? null : key;
}

/**
 * The address key of a client IP: IPv4 as it is (also when IPv4-mapped), IPv6
 * by its /64 — one subscriber usually has a whole /64, so counting single
 * IPv6 addresses would give them 2^64 fresh allowances.
 */
export function addressKey(ip: string): string {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(ip);
  if (mapped?.[1]) return mapped[1];
  if (isIP(ip) !== 6) return ip;
  const [head = '', tail = ''] = ip.toLowerCase().split('%')[0]?.split('::') ?? [];
  const left = head === '' ? [] : head.split(':');
  const right = tail === '' ? [] : tail.split(':');
  const groups = ip.includes('::')
    ? [...left, ...Array<string>(8 - left.length - right.length).fill('0'), ...right]
    : left;
  return `${groups
    .slice(0, 4)
    .map((g) => g.replace(/^0+(?=.)/, ''))
    .join(':')}::/64`;
}

interface AccountRow {
  failures: number;
  last_failure_at: number;
  blocked_until: number;
}

export class SignInLimits {
  readonly policy: SignInLimitPolicy;
  private readonly sqlite: DatabaseHandle['sqlite'];
  private readonly now: () => number;
  private prunedAt = 0;

  constructor(
    handle: Pick<DatabaseHandle, 'sqlite'>,
    policy: Partial<SignInLimitPolicy> = {},
    now: () => number = Date.now,
  ) {
    this.sqlite = handle.sqlite;
    this.policy = { ...DEFAULT_SIGN_IN_POLICY, ...policy };
    this.now = now;
  }

  /**
   * Decides whether an attempt may go on to the password check, and counts
   * it. Throws SQLite's own error when the database cannot be written (a
   * full disk): the caller answers that as storage being unavailable.
   */
  begin(email: unknown, ip: string): SignInCheck {
    const address = addressKey(ip);
    const account = accountKey(email);
    const check = this.sqlite.transaction((): SignInCheck => {
      const now = this.now();
      // Old rows go at most once a minute per process: a scan, but not one per attempt.
      if (now - this.prunedAt >= WINDOW_MS) {
        this.prunedAt = now;
        this.prune();
      }
      const byAddress = this.countAddress(address, now);
      if (byAddress !== null)
        return { allowed: false, limit: 'address', retryAfterSeconds: byAddress };
      if (account === null) return { allowed: true, attempt: { account, address } };
      const row = this.sqlite
        .prepare(
          'SELECT failures, last_failure_at, blocked_until FROM sign_in_account_limits WHERE account = ?',
        )
        .get(account) as AccountRow | undefined;
      const fresh = row && now - row.last_failure_at < this.policy.forgetFailuresAfterMs;
      const failures = fresh ? row.failures : 0;
      const blockedUntil = fresh ? row.blocked_until : 0;
      if (blockedUntil > now && !this.isKnown(account, address, now)) {
        return { allowed: false, limit: 'account', retryAfterSeconds: seconds(blockedUntil - now) };
      }
      const counted = failures + 1;
      const hold = this.holdAfter(counted);
      this.sqlite
        .prepare(
          `INSERT INTO sign_in_account_limits (account, failures, last_failure_at, blocked_until)
           VALUES (?, ?, ?, ?)
           ON CONFLICT (account) DO UPDATE SET failures = excluded.failures,
             last_failure_at = excluded.last_failure_at, blocked_until = excluded.blocked_until`,
        )
        .run(account, counted, now, hold === 0 ? 0 : Math.max(blockedUntil, now + hold));
      return { allowed: true, attempt: { account, address } };
    });
    return check.immediate();
  }

  /** The password was right: the account's failures are forgiven and the address is remembered. */
  succeeded(attempt: SignInAttempt): void {
    const { account, address } = attempt;
    if (account === null) return;
    this.sqlite
      .transaction(() => {
        const now = this.now();
        this.sqlite.prepare('DELETE FROM sign_in_account_limits WHERE account = ?').run(account);
        this.sqlite
          .prepare(
            `INSERT INTO sign_in_known_addresses (account, address, last_success_at) VALUES (?, ?, ?)
           ON CONFLICT (account, address) DO UPDATE SET last_success_at = excluded.last_success_at`,
          )
          .run(account, address, now);
        this.sqlite
          .prepare(
            `DELETE FROM sign_in_known_addresses WHERE account = ? AND address NOT IN (
             SELECT address FROM sign_in_known_addresses WHERE account = ?
             ORDER BY last_success_at DESC LIMIT ${KNOWN_PER_ACCOUNT})`,
          )
          .run(account, account);
      })
      .immediate();
  }

  /** How long the account is held back after its `failures`-th failure (0: not at all). */
  holdAfter(failures: number): number {
    const over = failures - this.policy.freeFailures;
    if (over < 0) return 0;
    return Math.min(this.policy.maxDelayMs, this.policy.baseDelayMs * 2 ** Math.min(over, 30));
  }

  /** Forgets what no rule reads any more; cheap enough to run now and then. */
  prune(): void {
    const now = this.now();
    // Nested inside begin's transaction it becomes a savepoint.
    this.sqlite.transaction(() => {
      this.sqlite
        .prepare('DELETE FROM sign_in_address_limits WHERE window_start <= ?')
        .run(now - WINDOW_MS);
      this.sqlite
        .prepare(
          'DELETE FROM sign_in_account_limits WHERE last_failure_at <= ? AND blocked_until <= ?',
        )
        .run(now - this.policy.forgetFailuresAfterMs, now);
      this.sqlite
        .prepare('DELETE FROM sign_in_known_addresses WHERE last_success_at <= ?')
        .run(now - this.policy.knownAddressForMs);
    })();
  }

  /** Counts one attempt from the address; the seconds to wait when it is over its limit. */
  private countAddress(address: string, now: number): number | null {
    const row = this.sqlite
      .prepare('SELECT window_start, attempts FROM sign_in_address_limits WHERE address = ?')
      .get(address) as { window_start: number; attempts: number } | undefined;
    if (!row || now - row.window_start >= WINDOW_MS) {
      this.sqlite
        .prepare(
          `INSERT INTO sign_in_address_limits (address, window_start, attempts) VALUES (?, ?, 1)
           ON CONFLICT (address) DO UPDATE SET window_start = excluded.window_start, attempts = 1`,
        )
        .run(address, now);
      return null;
    }
    if (row.attempts >= this.policy.perAddressPerMinute) {
      return seconds(row.window_start + WINDOW_MS - now);
    }
    this.sqlite
      .prepare('UPDATE sign_in_address_limits SET attempts = attempts + 1 WHERE address = ?')
      .run(address);
    return null;
  }

  private isKnown(account: string, address: string, now: number): boolean {
    return (
      this.sqlite
        .prepare(
          'SELECT 1 FROM sign_in_known_addresses WHERE account = ? AND address = ? AND last_success_at > ?',
        )
        .get(account, address, now - this.policy.knownAddressForMs) !== undefined
    );
  }
}

const seconds = (ms: number) => Math.max(1, Math.ceil(ms / 1000));
