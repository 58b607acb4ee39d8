/**
 * The sign-in limiter on a real migrated SQLite file, with a clock the test
 * moves: per-address windows, per-account failures with a capped exponential
 * hold, the exemption of addresses that signed in before, and state that is
 * shared by every connection to the file (restarts, other processes).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openDatabase, runMigrations, type DatabaseHandle } from '@cos/db';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  accountKey,
  addressKey,
  DEFAULT_SIGN_IN_POLICY,
  SignInLimits,
  type SignInCheck,
} from './sign-in-limits';

let dir: string;
let file: string;
let handles: DatabaseHandle[];
let clock: number;

function open(): DatabaseHandle {
  const handle = openDatabase({ url: file });
  handles.push(handle);
  return handle;
}

function limits(handle = handles[0] ?? open()) {
  return new SignInLimits(handle, {}, () => clock);
}

beforeEach(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'cos-sign-in-limits-'));
  file = path.join(dir, 'limits.db');
  handles = [];
  clock = Date.UTC(2026, 0, 1);
  runMigrations(open().db);
});
afterEach(() => {
  for (const handle of handles) handle.close();
  rmSync(dir, { recursive: true, force: true });
});

const USER = 'ada@example.test';
let next = 0;
/** A fresh client address per call: an attacker with many addresses. */
const freshAddress = () => `198.51.100.${(next++ % 250) + 1}.`.replace(/\.$/, '');
const wait = (check: SignInCheck) => (check.allowed ? 0 : check.retryAfterSeconds);

describe('per address', () => {
  it('lets perAddressPerMinute attempts through in a minute, whatever their accounts, then says when', () => {
    const limiter = limits();
    const max = DEFAULT_SIGN_IN_POLICY.perAddressPerMinute;
    for (let i = 0; i < max; i++)
      expect(limiter.begin(`u${i}@example.test`, '192.0.2.1').allowed).toBe(true);
    clock += 20_000;
    const refused = limiter.begin('other@example.test', '192.0.2.1');
    expect(refused).toEqual({ allowed: false, limit: 'address', retryAfterSeconds: 40 });
    // Another address is not affected, and the window ends.
    expect(limiter.begin('other@example.test', '192.0.2.2').allowed).toBe(true);
    clock += 40_000;
    expect(limiter.begin('other@example.test', '192.0.2.1').allowed).toBe(true);
  });

  it('counts an IPv6 client by its /64 and an IPv4-mapped one as IPv4', () => {
    expect(addressKey('2001:db8:1:2:aaaa::1')).toBe('2001:db8:1:2::/64');
    expect(addressKey('2001:0db8:0001:0002:ffff:ffff:ffff:ffff')).toBe('2001:db8:1:2::/64');
    expect(addressKey('2001:db8::7')).toBe('2001:db8:0:0::/64');
    expect(addressKey('::1')).toBe('0:0:0:0::/64');
    expect(addressKey('::ffff:192.0.2.9')).toBe('192.0.2.9');
    expect(addressKey('192.0.2.9')).toBe('192.0.2.9');
    const limiter = limits();
    for (let i = 0; i < DEFAULT_SIGN_IN_POLICY.perAddressPerMinute; i++) {
      expect(limiter.begin(`u${i}@example.test`, `2001:db8:1:2::${i.toString(16)}`).allowed).toBe(
        true,
      );
    }
    expect(limiter.begin(USER, '2001:db8:1:2:ffff::9')).toMatchObject({ limit: 'address' });
    expect(limiter.begin(USER, '2001:db8:1:3::1').allowed).toBe(true);
  });
});

describe('per account', () => {
  it('holds an account back after freeFailures failures from many addresses', () => {
    const limiter = limits();
    const { freeFailures } = DEFAULT_SIGN_IN_POLICY;
    for (let i = 0; i < freeFailures; i++)
      expect(limiter.begin(USER, freshAddress()).allowed).toBe(true);
    const refused = limiter.begin(USER, freshAddress());
    expect(refused).toEqual({ allowed: false, limit: 'account', retryAfterSeconds: 30 });
    // The same e-mail typed differently is the same account; another account is free.
    expect(limiter.begin('  ADA@Example.TEST ', freshAddress()).allowed).toBe(false);
    expect(limiter.begin('bea@example.test', freshAddress()).allowed).toBe(true);
    expect(accountKey(42)).toBeNull();
  });

  it('doubles the hold with each failure up to the cap, and never tells a waiting user more', () => {
    const limiter = limits();
    expect(Array.from({ length: 12 }, (_, i) => limiter.holdAfter(i + 1) / 1000)).toEqual([
      0, 0, 0, 0, 30, 60, 120, 240, 480, 900, 900, 900,
    ]);
    // Two hours of an attacker who tries again the moment each hold ends; after each of its
    // failures the real user tries from a clean address and is told how long to wait.
    const waits: number[] = [];
    const end = clock + 2 * 60 * 60 * 1000;
    while (clock < end) {
      const attacker = limiter.begin(USER, freshAddress());
      if (!attacker.allowed) {
        clock += attacker.retryAfterSeconds * 1000;
        continue;
      }
      const user = limiter.begin(USER, '203.0.113.77');
      if (!user.allowed) waits.push(user.retryAfterSeconds);
    }
    expect(waits.length).toBeGreaterThan(8);
    expect(Math.max(...waits)).toBe(DEFAULT_SIGN_IN_POLICY.maxDelayMs / 1000);
    expect(waits.filter((w) => w === 900).length).toBeGreaterThan(3);
  });

  it('lets the real user in once the hold ends, and a success forgives the failures', () => {
    const limiter = limits();
    for (let i = 0; i < 12; i++) {
      limiter.begin(USER, freshAddress());
      const check = limiter.begin(USER, freshAddress());
      clock += wait(check) * 1000;
    }
    expect(limiter.begin(USER, freshAddress()).allowed).toBe(true);
    const user = limiter.begin(USER, '203.0.113.77');
    expect(user.allowed).toBe(false);
    expect(wait(user)).toBeLessThanOrEqual(900);
    clock += wait(user) * 1000;
    const again = limiter.begin(USER, '203.0.113.77');
    expect(again.allowed).toBe(true);
    if (!again.allowed) return;
    limiter.succeeded(again.attempt);
    // Forgiven: the next failures start from zero again.
    for (let i = 0; i < DEFAULT_SIGN_IN_POLICY.freeFailures; i++) {
      expect(limiter.begin(USER, freshAddress()).allowed).toBe(true);
    }
  });

  it('does not hold back an address that signed in to the account before', () => {
    const limiter = limits();
    const home = '203.0.113.10';
    const first = limiter.begin(USER, home);
    if (!first.allowed) throw new Error('first attempt refused');
    limiter.succeeded(first.attempt);
    clock += 60_000;
    for (let i = 0; i < 30; i++) {
      limiter.begin(USER, freshAddress());
      clock += 1000;
    }
    expect(limiter.begin(USER, freshAddress())).toMatchObject({ allowed: false, limit: 'account' });
    expect(limiter.begin(USER, home).allowed).toBe(true);
    // …but the address's own limit still holds.
    for (let i = 0; i < DEFAULT_SIGN_IN_POLICY.perAddressPerMinute; i++) limiter.begin(USER, home);
    expect(limiter.begin(USER, home)).toMatchObject({ allowed: false, limit: 'address' });
    // Known only for a while.
    clock += DEFAULT_SIGN_IN_POLICY.knownAddressForMs;
    limiter.begin(USER, freshAddress());
    for (let i = 0; i < 10; i++) limiter.begin(USER, freshAddress());
    expect(limiter.begin(USER, home)).toMatchObject({ allowed: false, limit: 'account' });
  });

  it('forgets failures a day after the last one, and prune removes what no rule reads', () => {
    const limiter = limits();
    for (let i = 0; i < 8; i++) limiter.begin(USER, freshAddress());
    expect(limiter.begin(USER, freshAddress()).allowed).toBe(false);
    clock += DEFAULT_SIGN_IN_POLICY.forgetFailuresAfterMs;
    expect(limiter.begin(USER, freshAddress()).allowed).toBe(true);
    clock += DEFAULT_SIGN_IN_POLICY.forgetFailuresAfterMs;
    limiter.prune();
    const sqlite = handles[0]?.sqlite;
    const rows = (table: string) => sqlite?.prepare(`SELECT count(*) FROM ${table}`).pluck().get();
    expect(rows('sign_in_account_limits')).toBe(0);
    expect(rows('sign_in_address_limits')).toBe(0);
  });
});

describe('state in the database', () => {
  it('holds across a restart and is shared by every connection to the file', () => {
    const first = limits(open());
    for (let i = 0; i < 5; i++) first.begin(USER, freshAddress());
    // Another process (its own connection) sees the hold at once …
    const other = limits(open());
    expect(other.begin(USER, freshAddress())).toMatchObject({ allowed: false, limit: 'account' });
    // … and so does a restart: every connection closed, a new one opened.
    for (const handle of handles.splice(0)) handle.close();
    const restarted = limits(open());
    expect(restarted.begin(USER, freshAddress())).toMatchObject({
      allowed: false,
      limit: 'account',
    });
  });

  it('counts interleaved attempts from two connections as one sequence', () => {
    const a = limits(open());
    const b = limits(open());
    const results = Array.from(
      { length: 8 },
      (_, i) => (i % 2 ? a : b).begin(USER, freshAddress()).allowed,
    );
    expect(results.filter(Boolean)).toHaveLength(DEFAULT_SIGN_IN_POLICY.freeFailures);
  });
});
