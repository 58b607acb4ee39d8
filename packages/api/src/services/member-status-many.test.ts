/**
 * The bulk status change at the service level: one transaction, all or
 * nothing, one audit entry per changed member, members already in the target
 * status left alone.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ConflictError } from '../errors';
import { createTestApi, type TestApi } from '../test-support';
import { getServices } from '.';

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

const auditCount = () => api.count('audit_log');

describe('MemberWrites.setStatusMany', () => {
  it('changes every member, skips those already there, and audits each change once', async () => {
    const a = await createMember('Alfa AB', 'opentech', 'draft');
    const b = await createMember('Beta AB', 'opentech', 'published');
    const c = await createMember('Gamma AB', 'packbridge', 'draft');
    const before = auditCount();
    const result = getServices(api.handle).memberWrites.setStatusMany(
      api.adminUser,
      [a, b, c].map(({ id, version }) => ({ id, version })),
      'published',
    );
    expect(result.map((m) => [m.id, m.status, m.version])).toEqual([
      [a.id, 'published', 2],
      [b.id, 'published', 1],
      [c.id, 'published', 2],
    ]);
    expect(auditCount() - before).toBe(2);
    const history = await api.admin.audit.list({ entity: 'member', entityId: String(a.id) });
    expect(history.items[0]?.action).toBe('publish');
  });

  it('changes nothing when one member is stale, and names that member', async () => {
    const a = await createMember('Alfa AB', 'opentech', 'draft');
    const b = await createMember('Beta AB', 'opentech', 'draft');
    const checksum = api.checksum();
    const call = () =>
      getServices(api.handle).memberWrites.setStatusMany(
        api.adminUser,
        [
          { id: a.id, version: a.version },
          { id: b.id, version: b.version + 1 },
        ],
        'archived',
      );
    expect(call).toThrow(ConflictError);
    expect(call).toThrow(/Beta AB/);
    expect(api.checksum()).toBe(checksum);
  });

  it("changes nothing when an editor includes another cluster's member", async () => {
    const own = await createMember('Alfa AB', 'opentech', 'draft');
    const foreign = await createMember('Gamma AB', 'packbridge', 'draft');
    const checksum = api.checksum();
    expect(() =>
      getServices(api.handle).memberWrites.setStatusMany(
        api.editorUser('opentech'),
        [own, foreign].map(({ id, version }) => ({ id, version })),
        'published',
      ),
    ).toThrow(/own cluster/);
    expect(api.checksum()).toBe(checksum);
  });
});
