/**
 * The retention job on a real SQLite file: what is older than the period
 * goes, what is newer or not yet handled stays, the counts say so, one audit
 * entry records the run, and a second run finds nothing.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestApi, type TestApi } from '../../test-support';
import { monthsBefore, runRetention } from './retention';
import { ids, insertJoinRequest, insertMail, insertSession, insertSuggestion } from './test-rows';

const NOW = new Date('2026-12-02T12:00:00.000Z');
const DAY = 86_400_000;
const ago = (days: number) => new Date(NOW.getTime() - days * DAY);

let api: TestApi;
beforeEach(() => {
  api = createTestApi();
});
afterEach(() => api.cleanup());

const retentionEntries = () =>
  api.sqlite
    .prepare(
      "SELECT user_id, user_email, after FROM audit_log WHERE entity = 'personal-data' AND action = 'purge'",
    )
    .all() as { user_id: string | null; user_email: string | null; after: string }[];

describe('runRetention', () => {
  it('deletes what is older than the period, keeps the rest, counts it, and is idempotent', () => {
    const { sqlite } = api;
    // Suggestions: handled 13 months ago (goes), handled 11 months ago (stays), unhandled
    // and confirmed 2 years ago (stays: nobody has handled it yet), unconfirmed 8 days
    // ago (goes), unconfirmed 6 days ago (stays).
    const oldHandled = insertSuggestion(sqlite, {
      email: 'old@example.se',
      status: 'rejected',
      createdAt: ago(420),
      handledAt: monthsBefore(NOW, 13),
    });
    const recentHandled = insertSuggestion(sqlite, {
      email: 'recent@example.se',
      status: 'applied',
      createdAt: ago(400),
      handledAt: monthsBefore(NOW, 11),
    });
    const unhandled = insertSuggestion(sqlite, {
      email: 'waiting@example.se',
      status: 'new',
      createdAt: ago(730),
    });
    const staleUnconfirmed = insertSuggestion(sqlite, {
      email: 'never@example.se',
      status: 'unconfirmed',
      createdAt: ago(8),
    });
    const freshUnconfirmed = insertSuggestion(sqlite, {
      email: 'soon@example.se',
      status: 'unconfirmed',
      createdAt: ago(6),
    });
    // Join requests, the same five cases.
    const cluster = api.clusterId('opentech');
    const join = (status: string, createdAt: Date, handledAt?: Date) =>
      insertJoinRequest(sqlite, {
        clusterId: cluster,
        email: 'j@example.se',
        status,
        createdAt,
        handledAt,
      });
    join('declined', ago(420), monthsBefore(NOW, 13));
    const joinRecent = join('accepted', ago(400), monthsBefore(NOW, 11));
    const joinUnhandled = join('read', ago(730));
    join('unconfirmed', ago(8));
    const joinFresh = join('unconfirmed', ago(6));
    // Mail: one older than the period, one newer.
    const oldMail = insertMail(sqlite, { to: 'old@example.se', createdAt: monthsBefore(NOW, 13) });
    const newMail = insertMail(sqlite, { to: 'new@example.se', createdAt: ago(30) });
    // Sessions: one expired (its address goes), one still valid.
    insertSession(sqlite, { id: 's-old', userId: api.adminUser.id, expiresAt: ago(1) });
    insertSession(sqlite, { id: 's-live', userId: api.adminUser.id, expiresAt: ago(-5) });

    const result = runRetention(api.handle, { now: NOW, months: 12 });

    expect(ids(sqlite, 'SELECT id FROM update_suggestions ORDER BY id')).toEqual(
      [recentHandled, unhandled, freshUnconfirmed].sort((a, b) => a - b),
    );
    expect(ids(sqlite, 'SELECT id FROM update_suggestions')).not.toContain(oldHandled);
    expect(ids(sqlite, 'SELECT id FROM update_suggestions')).not.toContain(staleUnconfirmed);
    expect(ids(sqlite, 'SELECT id FROM join_requests ORDER BY id')).toEqual([
      joinRecent,
      joinUnhandled,
      joinFresh,
    ]);
    expect(ids(sqlite, 'SELECT id FROM mail_outbox')).toEqual([newMail]);
    expect(ids(sqlite, 'SELECT id FROM mail_outbox')).not.toContain(oldMail);
    expect(sqlite.prepare('SELECT id FROM sessions').pluck().all()).toEqual(['s-live']);

    expect(result.handledBefore).toBe('2025-12-02T12:00:00.000Z');
    expect(result.unconfirmedBefore).toBe('2026-11-25T12:00:00.000Z');
    expect(result.counts.updateSuggestions).toEqual({ handled: 1, unconfirmed: 1, expired: 0 });
    expect(result.counts.joinRequests).toEqual({ handled: 1, unconfirmed: 1, expired: 0 });
    expect(result.counts.mail).toEqual({ handled: 1, unconfirmed: 0, expired: 0 });
    expect(result.counts.accounts?.expired).toBe(1);
    expect(result.total).toBe(6);

    // One system entry: no author, the counts, and no address in it.
    const entries = retentionEntries();
    expect(entries).toHaveLength(1);
    expect(entries[0]?.user_id).toBeNull();
    expect(entries[0]?.user_email).toBeNull();
    expect(JSON.parse(entries[0]?.after ?? '{}')).toMatchObject({ total: 6 });
    expect(entries[0]?.after).not.toMatch(/@/);

    // Again at the same moment: nothing left to delete, nothing changed, no new entry.
    const before = api.checksum();
    const again = runRetention(api.handle, { now: NOW, months: 12 });
    expect(again.total).toBe(0);
    expect(api.checksum()).toBe(before);
    expect(retentionEntries()).toHaveLength(1);
  });

  it('follows the period it is given', () => {
    const id = insertSuggestion(api.sqlite, {
      email: 'a@example.se',
      status: 'rejected',
      createdAt: ago(200),
      handledAt: monthsBefore(NOW, 4),
    });
    expect(runRetention(api.handle, { now: NOW, months: 6 }).total).toBe(0);
    expect(ids(api.sqlite, 'SELECT id FROM update_suggestions')).toEqual([id]);
    expect(
      runRetention(api.handle, { now: NOW, months: 3 }).counts.updateSuggestions?.handled,
    ).toBe(1);
    expect(ids(api.sqlite, 'SELECT id FROM update_suggestions')).toEqual([]);
  });

  it('refuses a period that is not a whole number of months', () => {
    expect(() => runRetention(api.handle, { now: NOW, months: 0 })).toThrow(/months/);
    expect(() => runRetention(api.handle, { now: NOW, months: 1.5 })).toThrow(/months/);
  });
});
