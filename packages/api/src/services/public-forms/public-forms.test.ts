import { openDatabase, runMigrations, type DatabaseHandle } from '@cos/db';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FieldError, TooManyRequestsError } from '../../errors';
import {
  checkSubmission,
  confirm,
  createConfirmation,
  issueFormToken,
  MAX_AGE_MS,
  MIN_FILL_MS,
} from './index';

let dir: string;
let handle: DatabaseHandle;
beforeEach(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'cos-public-forms-'));
  handle = openDatabase({ url: path.join(dir, 'test.db') });
  runMigrations(handle.db);
});
afterEach(() => {
  handle.close();
  rmSync(dir, { recursive: true, force: true });
});

const T0 = Date.UTC(2026, 11, 2, 12);

function refusal(fn: () => void): { field: string; code: string } | { retry: number } {
  try {
    fn();
  } catch (error) {
    if (error instanceof FieldError) return { field: error.field, code: error.messageCode };
    if (error instanceof TooManyRequestsError) return { retry: error.retryAfterSeconds };
    throw error;
  }
  throw new Error('expected a refusal');
}

describe('checkSubmission', () => {
  it('lets a form sent after the minimum fill time through', () => {
    const token = issueFormToken(handle, T0);
    expect(() => {
      checkSubmission(handle, { token, honeypot: '', address: '192.0.2.1', now: T0 + MIN_FILL_MS });
    }).not.toThrow();
  });

  it('refuses a filled honeypot, a too fast, an old and a forged token', () => {
    const token = issueFormToken(handle, T0);
    const at =
      (now: number, t: unknown = token, honeypot: unknown = '') =>
      () => {
        checkSubmission(handle, { token: t, honeypot, address: '192.0.2.1', now });
      };
    expect(refusal(at(T0 + 5000, token, 'http://spam'))).toEqual({
      field: 'homepage',
      code: 'publicForm.honeypot',
    });
    expect(refusal(at(T0 + MIN_FILL_MS - 1))).toEqual({
      field: 'formToken',
      code: 'publicForm.tooFast',
    });
    expect(refusal(at(T0 + MAX_AGE_MS + 1))).toEqual({
      field: 'formToken',
      code: 'publicForm.expired',
    });
    // The time moved back by a minute, signature kept: the HMAC no longer fits.
    const [shown, nonce, sig] = token.split('.');
    const forged = `${Number(shown) - 60_000}.${nonce}.${sig}`;
    expect(refusal(at(T0 + 5000, forged))).toEqual({
      field: 'formToken',
      code: 'publicForm.tokenInvalid',
    });
    expect(refusal(at(T0 + 5000, 'nonsense'))).toEqual({
      field: 'formToken',
      code: 'publicForm.tokenInvalid',
    });
    expect(refusal(at(T0 + 5000, null))).toEqual({
      field: 'formToken',
      code: 'publicForm.tokenInvalid',
    });
  });

  it('limits submissions per address (IPv6 by /64) and says when to retry', () => {
    const token = issueFormToken(handle, T0);
    const send = (address: string, now: number) => () => {
      checkSubmission(handle, { token, honeypot: '', address, now });
    };
    for (let i = 0; i < 5; i++) send(`2001:db8:1:2::${i + 1}`, T0 + 5000 + i)();
    expect(refusal(send('2001:db8:1:2:ffff::9', T0 + 65_000))).toEqual({ retry: 540 });
    // Another /64, and another IPv4 address, are counted apart.
    expect(() => send('2001:db8:1:3::1', T0 + 65_000)()).not.toThrow();
    expect(() => send('192.0.2.7', T0 + 65_000)()).not.toThrow();
    // After the window the address may send again.
    expect(() => send('2001:db8:1:2::1', T0 + 5000 + 10 * 60_000)()).not.toThrow();
  });
});

describe('confirmations', () => {
  const now = new Date(T0);
  it('confirms once, stores only a hash, and expires after 48 hours', () => {
    const token = createConfirmation(
      handle,
      { kind: 'join', subjectId: 7, email: 'a@example.se', language: 'sv' },
      now,
    );
    const stored = handle.sqlite.prepare('SELECT token_hash FROM email_confirmations').all() as {
      token_hash: string;
    }[];
    expect(stored).toHaveLength(1);
    expect(stored[0]?.token_hash).not.toContain(token);
    expect(confirm(handle, token, new Date(T0 + 1000))).toEqual({
      kind: 'join',
      subjectId: 7,
      email: 'a@example.se',
      language: 'sv',
    });
    expect(() => confirm(handle, token, new Date(T0 + 2000))).toThrow(/already been used/);
    const late = createConfirmation(
      handle,
      { kind: 'suggestion', subjectId: 8, email: 'b@example.se', language: 'en' },
      now,
    );
    expect(() => confirm(handle, late, new Date(T0 + 48 * 3_600_000 + 1))).toThrow(/expired/);
    expect(() => confirm(handle, 'not-a-token', now)).toThrow(/not valid/);
  });
});
