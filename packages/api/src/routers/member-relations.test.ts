/**
 * Links between organisations and clusters have kinds (issue #16): only a
 * member is a member. The default data's links are founders and agenda
 * co-leads; an admin changes a link's kind in the member's form, and the
 * public counts and pages follow.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { blamedFields, createTestApi, trpcError, type TestApi } from '../test-support';

let api: TestApi;
beforeEach(() => {
  api = createTestApi();
});
afterEach(() => api.cleanup());

const countsOf = async (slug: string) =>
  (await api.anonymous.cluster.list()).find((c) => c.slug === slug)?.relationCounts;

describe('relation kinds', () => {
  it('an admin makes a founder a member: the count moves, the page says so', async () => {
    const id = api.memberId('ericsson');
    const before = await api.admin.member.admin.get({ id });
    expect(before.memberships).toEqual([
      { clusterId: api.clusterId('opentech'), kind: 'founder', since: null },
    ]);
    expect(await countsOf('opentech')).toMatchObject({ member: 0, founder: 6 });

    await api.admin.member.admin.update({
      id,
      version: before.version,
      memberships: [{ clusterId: api.clusterId('opentech'), kind: 'member', since: '2009-01-01' }],
    });

    expect(await countsOf('opentech')).toMatchObject({ member: 1, founder: 5 });
    const page = await api.anonymous.member.bySlug({ slug: 'ericsson' });
    expect(page.clusters).toEqual([
      { slug: 'opentech', name: 'OpenTech', relation: 'member', since: '2009-01-01' },
    ]);
    const stats = await api.anonymous.statistics.overview();
    expect(stats.byCluster.find((c) => c.slug === 'opentech')?.count).toBe(1);
  });

  it('a kind that is not one of the four is refused naming the field, and nothing changes', async () => {
    const id = api.memberId('krinova');
    const before = await api.admin.member.admin.get({ id });
    const checksum = api.checksum();
    const error = await trpcError(
      api.admin.member.admin.update({
        id,
        version: before.version,
        memberships: [
          // @ts-expect-error: an unknown kind, as a client outside TypeScript could send it
          { clusterId: api.clusterId('packbridge'), kind: 'owner', since: null },
        ],
      }),
    );
    expect(error.code).toBe('BAD_REQUEST');
    expect(blamedFields(error)).toEqual(['memberships.0.kind']);
    expect(api.checksum()).toBe(checksum);
  });

  it('a link sent without a kind is a membership; the directory marks each link', async () => {
    const created = await api.admin.member.admin.create({
      name: 'Österlens Mejeri AB',
      kind: 'company',
      memberships: [{ clusterId: api.clusterId('livsmedelsakademin') }],
      status: 'published',
    });
    expect(created.member.memberships[0]?.kind).toBe('member');
    const directory = await api.anonymous.member.directory({ cluster: ['livsmedelsakademin'] });
    const relation = (slug: string) =>
      directory.items
        .find((m) => m.slug === slug)
        ?.clusters.find((c) => c.slug === 'livsmedelsakademin')?.relation;
    expect(relation(created.member.slug)).toBe('member');
    expect(relation('krinova')).toBe('agenda-co-lead');
    expect(await countsOf('livsmedelsakademin')).toMatchObject({
      member: 1,
      'agenda-co-lead': 1,
    });
  });
});
