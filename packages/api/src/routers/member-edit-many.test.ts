/**
 * member.admin.editMany through the tRPC caller: add or remove an area or a
 * cluster membership on many members in one transaction, all or nothing; one
 * audit entry and one version bump per member that changes, none for a member
 * already as asked; a stale member is a conflict naming it; an editor's scope
 * (permissions.ts) holds, refusals name the member or cluster; search and
 * lists see the change at once.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ConflictError } from '../errors';
import { createTestApi, formattedError, trpcError, type TestApi } from '../test-support';

let api: TestApi;
beforeEach(() => {
  api = createTestApi();
});
afterEach(() => api.cleanup());

async function createMember(name: string, clusterSlugs: string[], areaSlugs = ['tech']) {
  const { member } = await api.admin.member.admin.create({
    name,
    organisationNumber: null,
    kind: 'startup',
    areaIds: areaSlugs.map((s) => api.areaId(s)),
    memberships: clusterSlugs.map((s) => ({ clusterId: api.clusterId(s), since: '2023-03-01' })),
    status: 'published',
  });
  return member;
}

const itemsOf = (...members: { id: number; version: number }[]) =>
  members.map(({ id, version }) => ({ id, version }));

const auditOf = (memberId: number) =>
  api.sqlite
    .prepare(
      "SELECT action, before, after FROM audit_log WHERE entity = 'member' AND entity_id = ? ORDER BY id DESC",
    )
    .all(String(memberId)) as { action: string; before: string | null; after: string | null }[];

describe('member.admin.editMany', () => {
  it('adds an area to three members: one audit entry and one version each, found by search', async () => {
    const members = await Promise.all(
      ['Alfa AB', 'Beta AB', 'Gamma AB'].map((n) => createMember(n, ['opentech'])),
    );
    const area = api.areaId('livsmedel');
    const before = api.count('audit_log');
    const result = await api.admin.member.admin.editMany({
      items: itemsOf(...members),
      change: { addArea: area },
    });
    expect(result.changed).toEqual(members.map((m) => m.id));
    expect(result.members.map((m) => [m.id, m.version, m.areaIds.includes(area)])).toEqual(
      members.map((m) => [m.id, m.version + 1, true]),
    );
    expect(api.count('audit_log') - before).toBe(3);
    for (const m of members) {
      const [entry] = auditOf(m.id);
      expect(entry?.action).toBe('update');
      const areasIn = (json: string | null | undefined) =>
        (JSON.parse(json ?? '{}') as { areaIds: number[] }).areaIds;
      expect(areasIn(entry?.before)).not.toContain(area);
      expect(areasIn(entry?.after)).toContain(area);
    }
    // The search rows and the cached lists follow.
    const found = await api.anonymous.member.directory({ q: 'AB', area: 'livsmedel' });
    expect(found.items.map((m) => m.slug)).toEqual(
      expect.arrayContaining(members.map((m) => m.slug)),
    );
    const searched = await api.anonymous.member.directory({ q: 'Alfa livsmedel' });
    expect(searched.items.map((m) => m.name)).toContain('Alfa AB');
  });

  it('leaves a member that already is so untouched: no version bump, no audit entry', async () => {
    const has = await createMember('Alfa AB', ['opentech'], ['tech', 'livsmedel']);
    const lacks = await createMember('Beta AB', ['opentech'], ['tech']);
    const before = api.count('audit_log');
    const result = await api.admin.member.admin.editMany({
      items: itemsOf(has, lacks),
      change: { addArea: api.areaId('livsmedel') },
    });
    expect(result.changed).toEqual([lacks.id]);
    expect(result.members.map((m) => m.version)).toEqual([has.version, lacks.version + 1]);
    expect(api.count('audit_log') - before).toBe(1);
    expect(auditOf(has.id).map((e) => e.action)).toEqual(['create']);
    // Removing an area a member lacks is the same.
    const none = await api.admin.member.admin.editMany({
      items: itemsOf(result.members[1]!),
      change: { removeArea: api.areaId('smarta-hallbara-stader') },
    });
    expect(none.changed).toEqual([]);
  });

  it('removes an area, and adds and removes a cluster membership', async () => {
    const a = await createMember('Alfa AB', ['opentech'], ['tech', 'livsmedel']);
    const removed = await api.admin.member.admin.editMany({
      items: itemsOf(a),
      change: { removeArea: api.areaId('livsmedel') },
    });
    expect(removed.members[0]?.areaIds).toEqual([api.areaId('tech')]);
    const added = await api.admin.member.admin.editMany({
      items: itemsOf(removed.members[0]!),
      change: { addCluster: api.clusterId('packbridge') },
    });
    expect(added.members[0]?.memberships.map((m) => m.clusterId).sort()).toEqual(
      [api.clusterId('opentech'), api.clusterId('packbridge')].sort(),
    );
    const left = await api.admin.member.admin.editMany({
      items: itemsOf(added.members[0]!),
      change: { removeCluster: api.clusterId('opentech') },
    });
    expect(left.members[0]?.memberships.map((m) => m.clusterId)).toEqual([
      api.clusterId('packbridge'),
    ]);
    expect(left.members[0]?.version).toBe(a.version + 3);
    const listed = await api.editor('packbridge').member.admin.list({ q: 'Alfa' });
    expect(listed.items.map((m) => m.id)).toContain(a.id);
  });

  it('refuses all when one member is stale, names it, and writes nothing', async () => {
    const a = await createMember('Alfa AB', ['opentech']);
    const b = await createMember('Beta AB', ['opentech']);
    const current = await api.admin.member.admin.update({
      id: b.id,
      version: b.version,
      name: 'Beta Nyare AB',
    });
    const checksum = api.checksum();
    const error = await trpcError(
      api.admin.member.admin.editMany({
        items: itemsOf(a, b),
        change: { addArea: api.areaId('livsmedel') },
      }),
    );
    expect(error.code).toBe('CONFLICT');
    expect(error.cause).toBeInstanceOf(ConflictError);
    expect(error.message).toContain('"Beta Nyare AB"');
    expect(formattedError(error, 'member.admin.editMany').data.current).toEqual(current);
    expect(api.checksum()).toBe(checksum);
  });

  it("refuses removing a member's last cluster, naming it, and writes nothing", async () => {
    const shared = await createMember('Alfa AB', ['opentech', 'packbridge']);
    const only = await createMember('Beta AB', ['opentech']);
    const checksum = api.checksum();
    const error = await trpcError(
      api.admin.member.admin.editMany({
        items: itemsOf(shared, only),
        change: { removeCluster: api.clusterId('opentech') },
      }),
    );
    expect(error.code).toBe('FORBIDDEN');
    expect(error.message).toContain('"Beta AB"');
    expect(formattedError(error, 'member.admin.editMany').data).toMatchObject({
      messageCode: 'bulk.lastCluster',
      messageParams: { name: 'Beta AB' },
    });
    expect(api.checksum()).toBe(checksum);
  });

  it('refuses an area or cluster that does not exist, naming the change', async () => {
    const a = await createMember('Alfa AB', ['opentech']);
    const checksum = api.checksum();
    for (const change of [{ addArea: 9999 }, { removeCluster: 9999 }]) {
      const error = await trpcError(api.admin.member.admin.editMany({ items: itemsOf(a), change }));
      expect(error.code).toBe('BAD_REQUEST');
      expect(error.message).toContain(`change.${Object.keys(change)[0]}`);
    }
    expect(api.checksum()).toBe(checksum);
  });
});

describe("member.admin.editMany within an editor's scope", () => {
  it('lets an editor add an area to their own members, shared ones too', async () => {
    const own = await createMember('Alfa AB', ['opentech']);
    const shared = await createMember('Beta AB', ['opentech', 'packbridge']);
    const result = await api.editor('opentech').member.admin.editMany({
      items: itemsOf(own, shared),
      change: { addArea: api.areaId('livsmedel') },
    });
    expect(result.changed).toEqual([own.id, shared.id]);
  });

  it("refuses all when one member is another cluster's, naming it", async () => {
    const own = await createMember('Alfa AB', ['opentech']);
    const foreign = await createMember('Gamma AB', ['packbridge']);
    const checksum = api.checksum();
    const error = await trpcError(
      api.editor('opentech').member.admin.editMany({
        items: itemsOf(own, foreign),
        change: { addArea: api.areaId('livsmedel') },
      }),
    );
    expect(error.code).toBe('FORBIDDEN');
    expect(error.message).toContain('"Gamma AB"');
    expect(api.checksum()).toBe(checksum);
  });

  it("refuses an editor adding or removing another cluster's membership, naming the cluster", async () => {
    const own = await createMember('Alfa AB', ['opentech']);
    const shared = await createMember('Beta AB', ['opentech', 'packbridge']);
    const checksum = api.checksum();
    const add = await trpcError(
      api.editor('opentech').member.admin.editMany({
        items: itemsOf(own),
        change: { addCluster: api.clusterId('packbridge') },
      }),
    );
    expect(add.code).toBe('FORBIDDEN');
    expect(formattedError(add, 'member.admin.editMany').data).toMatchObject({
      messageCode: 'permission.foreignMembership',
    });
    const remove = await trpcError(
      api.editor('opentech').member.admin.editMany({
        items: itemsOf(shared),
        change: { removeCluster: api.clusterId('packbridge') },
      }),
    );
    expect(remove.code).toBe('FORBIDDEN');
    expect(api.checksum()).toBe(checksum);
  });

  it("lets an editor take their own cluster off shared members, not off a member's only cluster", async () => {
    const shared = await createMember('Beta AB', ['opentech', 'packbridge']);
    const only = await createMember('Alfa AB', ['opentech']);
    const checksum = api.checksum();
    const refused = await trpcError(
      api.editor('opentech').member.admin.editMany({
        items: itemsOf(shared, only),
        change: { removeCluster: api.clusterId('opentech') },
      }),
    );
    expect(refused.message).toContain('"Alfa AB"');
    expect(api.checksum()).toBe(checksum);
    const result = await api.editor('opentech').member.admin.editMany({
      items: itemsOf(shared),
      change: { removeCluster: api.clusterId('opentech') },
    });
    expect(result.members[0]?.memberships.map((m) => m.clusterId)).toEqual([
      api.clusterId('packbridge'),
    ]);
  });

  it('refuses the anonymous caller and malformed input, writing nothing', async () => {
    const a = await createMember('Alfa AB', ['opentech']);
    const checksum = api.checksum();
    const anonymous = await trpcError(
      api.anonymous.member.admin.editMany({ items: itemsOf(a), change: { addArea: 1 } }),
    );
    expect(anonymous.code).toBe('UNAUTHORIZED');
    for (const input of [
      { items: itemsOf(a), change: {} },
      { items: itemsOf(a), change: { addArea: 1, removeArea: 2 } },
      { items: itemsOf(a), change: { renameTo: 'x' } },
      { items: itemsOf(a, a), change: { addArea: 1 } },
      { items: [], change: { addArea: 1 } },
      { items: [{ id: a.id }], change: { addArea: 1 } },
      { items: itemsOf(a), change: { addArea: -1 } },
    ]) {
      const error = await trpcError(api.admin.member.admin.editMany(input as never));
      expect(error.code).toBe('BAD_REQUEST');
    }
    expect(api.checksum()).toBe(checksum);
  });
});
