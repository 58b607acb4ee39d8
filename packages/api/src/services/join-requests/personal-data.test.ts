import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestApi, type TestApi } from '../../test-support';
import { createConfirmation } from '../public-forms';
import { joinRequestData } from './personal-data';

let api: TestApi;
beforeEach(() => {
  api = createTestApi();
});
afterEach(() => {
  api.cleanup();
});

function insert(email: string, status: string, createdAt: string, handledAt: string | null) {
  const result = api.sqlite
    .prepare(
      `INSERT INTO join_requests (cluster_id, organisation_name, contact_name, email, language,
         consent_at, status, handled_at, created_at, updated_at)
       VALUES (?, 'Org AB', 'Person', ?, 'sv', ?, ?, ?, ?, ?)`,
    )
    .run(api.clusterId('opentech'), email, createdAt, status, handledAt, createdAt, createdAt);
  const id = Number(result.lastInsertRowid);
  createConfirmation(api.handle, { kind: 'join', subjectId: id, email, language: 'sv' });
  return id;
}

describe('joinRequestData', () => {
  it('exports and erases everything about one address, and nothing about others', () => {
    insert('eva@example.se', 'new', '2026-01-01T00:00:00.000Z', null);
    insert('other@example.se', 'new', '2026-01-01T00:00:00.000Z', null);
    const exported = joinRequestData.exportFor(api.handle, 'eva@example.se') as {
      requests: { email: string }[];
      confirmations: unknown[];
    };
    expect(exported.requests.map((r) => r.email)).toEqual(['eva@example.se']);
    expect(exported.confirmations).toHaveLength(1);
    expect(joinRequestData.eraseFor(api.handle, 'eva@example.se')).toBe(2);
    expect(joinRequestData.exportFor(api.handle, 'eva@example.se')).toEqual({
      requests: [],
      confirmations: [],
    });
    expect(api.count('join_requests')).toBe(1);
  });

  it('purges handled requests before a date, unconfirmed ones, and expired limits and tokens', () => {
    insert('old@example.se', 'declined', '2025-01-01T00:00:00.000Z', '2025-01-02T00:00:00.000Z');
    insert('recent@example.se', 'accepted', '2026-01-01T00:00:00.000Z', '2026-11-01T00:00:00.000Z');
    insert('stale@example.se', 'unconfirmed', '2026-01-01T00:00:00.000Z', null);
    expect(joinRequestData.purgeHandledBefore(api.handle, new Date('2026-01-01'))).toBe(2);
    expect(joinRequestData.purgeUnconfirmedBefore?.(api.handle, new Date('2026-02-01'))).toBe(2);
    const left = api.sqlite.prepare('SELECT email FROM join_requests').all();
    expect(left).toEqual([{ email: 'recent@example.se' }]);
    api.sqlite
      .prepare(
        'INSERT INTO public_form_limits (address, window_start, submissions) VALUES (?, ?, 1)',
      )
      .run('192.0.2.1', Date.now() - 3_600_000);
    const purged = joinRequestData.purgeExpired?.(
      api.handle,
      new Date(Date.now() + 49 * 3_600_000),
    );
    expect(purged).toBe(2); // the limit row and the remaining request's token, expired by then
    expect(api.count('public_form_limits')).toBe(0);
  });
});
