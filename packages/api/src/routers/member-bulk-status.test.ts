/**
 * member.admin.setStatusMany through the tRPC caller: one transaction, all or
 * nothing, one audit entry per member it changes, members already in the
 * target status skipped; a refusal names the member and is shaped for the admin.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ConflictError, ForbiddenError } from '../errors';
import { createTestApi, formattedError, trpcError, type TestApi } from '../test-support';

let api: TestApi;
beforeEach(() => {
  api = createTestApi();
});
afterEach(() => api.cleanup());

async function createMember(name: string, clusterSlug: string, status: 'draft' | 'published') {
  const { member } = await api.admin.member.admin.create({
    name,
    organisationNumber: null,
    kind: 'startup',
    areaIds: [api.areaId('tech')],
    memberships: [{ clusterId: api.clusterId(clusterSlug), since: '2023-03-01' }],
    status,
  });
  return member;
}

const itemsOf = (...members: { id: number; version: number }[]) =>
  members.map(({ id, version }) => ({ id, version }));

const auditActions = (memberId: number) =>
  api.sqlite
    .prepare(
      "SELECT action FROM audit_log WHERE entity = 'member' AND entity_id = ? ORDER BY id DESC",
    )
    .all(String(memberId))
    .map((row) => (row as { action: string }).action);

describe('member.admin.setStatusMany', () => {
  it('publishes every member in one call, with one audit entry each', async () => {
    const members = await Promise.all(
      ['Alfa AB', 'Beta AB', 'Gamma AB'].map((name) => createMember(name, 'opentech', 'draft')),
    );
    const before = api.count('audit_log');
    const result = await api.admin.member.admin.setStatusMany({
      items: itemsOf(...members),
      action: 'publish',
    });
    expect(result.members.map((m) => [m.id, m.status, m.version])).toEqual(
      members.map((m) => [m.id, 'published', m.version + 1]),
    );
    expect(api.count('audit_log') - before).toBe(3);
    for (const m of members) expect(auditActions(m.id)).toEqual(['publish', 'create']);
    const listed = (await api.anonymous.member.directory({ q: 'AB' })).items.map((m) => m.slug);
    expect(listed).toEqual(expect.arrayContaining(members.map((m) => m.slug)));
  });

  it('skips members already in the target status: no version bump, no audit entry', async () => {
    const draft = await createMember('Alfa AB', 'opentech', 'draft');
    const published = await createMember('Beta AB', 'opentech', 'published');
    const before = api.count('audit_log');
    const result = await api.admin.member.admin.setStatusMany({
      items: itemsOf(draft, published),
      action: 'publish',
    });
    expect(result.members.map((m) => [m.id, m.status, m.version])).toEqual([
      [draft.id, 'published', draft.version + 1],
      [published.id, 'published', published.version],
    ]);
    expect(api.count('audit_log') - before).toBe(1);
    expect(auditActions(published.id)).toEqual(['create']);
  });

  it('refuses all when one member is stale, names it, and changes nothing', async () => {
    const a = await createMember('Alfa AB', 'opentech', 'draft');
    const b = await createMember('Beta AB', 'opentech', 'draft');
    const current = await api.admin.member.admin.update({
      id: b.id,
      version: b.version,
      name: 'Beta Nyare AB',
    });
    const checksum = api.checksum();
    const error = await trpcError(
      api.admin.member.admin.setStatusMany({ items: itemsOf(a, b), action: 'archive' }),
    );
    expect(error.code).toBe('CONFLICT');
    expect(error.cause).toBeInstanceOf(ConflictError);
    expect(error.message).toContain('"Beta Nyare AB"');
    expect(formattedError(error, 'member.admin.setStatusMany').data.current).toEqual(current);
    expect(api.checksum()).toBe(checksum);
  });

  it("refuses all when an editor includes another cluster's member, and names it", async () => {
    const own = await createMember('Alfa AB', 'opentech', 'draft');
    const foreign = await createMember('Gamma AB', 'packbridge', 'draft');
    const checksum = api.checksum();
    const error = await trpcError(
      api.editor('opentech').member.admin.setStatusMany({
        items: itemsOf(own, foreign),
        action: 'publish',
      }),
    );
    expect(error.code).toBe('FORBIDDEN');
    expect(error.cause).toBeInstanceOf(ForbiddenError);
    expect(error.message).toContain('"Gamma AB"');
    expect(api.checksum()).toBe(checksum);
  });

  it('lets an editor change their own members', async () => {
    const own = await createMember('Alfa AB', 'opentech', 'published');
    const result = await api.editor('opentech').member.admin.setStatusMany({
      items: itemsOf(own),
      action: 'unpublish',
    });
    expect(result.members.map((m) => m.status)).toEqual(['draft']);
    expect(auditActions(own.id)).toEqual(['unpublish', 'create']);
  });

  it('refuses a list naming a member twice, an empty list and more than 500', async () => {
    const a = await createMember('Alfa AB', 'opentech', 'draft');
    const checksum = api.checksum();
    for (const items of [
      itemsOf(a, a),
      [],
      Array.from({ length: 501 }, (_, i) => ({ id: i + 1, version: 1 })),
    ]) {
      const error = await trpcError(
        api.admin.member.admin.setStatusMany({ items, action: 'publish' }),
      );
      expect(error.code).toBe('BAD_REQUEST');
    }
    expect(api.checksum()).toBe(checksum);
  });
});
