/**
 * A cluster's two member counts, with the default data and with demo data:
 * what its sources report (facts.md, through the seed) stays apart from the
 * members registered here, which demo members may raise but never replace.
 */
import { CLUSTER_SEEDS } from '@cos/db/seed';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApi, type TestApi } from '../test-support';

describe.each([
  { data: 'default', demo: 0 },
  { data: 'demo', demo: 60 },
])('cluster member counts with $data data', ({ demo }) => {
  let api: TestApi;
  beforeAll(() => {
    api = createTestApi({ demo });
  });
  afterAll(() => api.cleanup());

  it('gives each cluster the count its sources report, with the year', async () => {
    const clusters = await api.anonymous.cluster.list();
    for (const seed of CLUSTER_SEEDS) {
      const cluster = clusters.find((c) => c.slug === seed.slug);
      expect(cluster?.reportedMembers, seed.slug).toEqual(
        seed.reportedMembers === null
          ? null
          : {
              count: seed.reportedMembers,
              qualifier: seed.reportedMembersQualifier,
              year: seed.reportedMembersYear,
            },
      );
    }
  });

  it('keeps the registered count apart: the reported one never reads as it', async () => {
    const clusters = await api.anonymous.cluster.list();
    const reported = clusters.filter((c) => c.reportedMembers !== null);
    // Six of the seven clusters' sources give a figure (IUC Syd's do not).
    expect(reported).toHaveLength(6);
    for (const c of clusters) {
      // The directory lists every organisation linked to the cluster; each is counted once, by kind.
      const linked = await api.anonymous.member.directory({ cluster: [c.slug], limit: 1 });
      const { member, founder, partner, 'agenda-co-lead': coLead } = c.relationCounts;
      expect(member + founder + partner + coLead, c.slug).toBe(linked.total);
      expect(c.memberCount, c.slug).toBe(member);
      if (demo === 0) expect(c.memberCount, c.slug).toBeLessThan(c.reportedMembers?.count ?? 1);
    }
  });

  it('counts founders and agenda co-leads apart from members', async () => {
    const clusters = await api.anonymous.cluster.list();
    const counts = (slug: string) => clusters.find((c) => c.slug === slug)?.relationCounts;
    // facts.md: six founders of OpenTech, five of Packbridge, and Krinova co-leads Foodhive
    // Skåne with Livsmedelsakademin and Packbridge. Demo members are only ever members.
    expect(counts('opentech')).toMatchObject({ founder: 6, partner: 0, 'agenda-co-lead': 0 });
    expect(counts('packbridge')).toMatchObject({ founder: 5, 'agenda-co-lead': 1 });
    expect(counts('livsmedelsakademin')).toMatchObject({ founder: 0, 'agenda-co-lead': 1 });
    if (demo === 0) {
      // No membership in the default data is verified: no cluster has a registered member.
      expect(clusters.map((c) => c.memberCount)).toEqual(clusters.map(() => 0));
    }
  });

  it('shows the same figures on a cluster page and in an area', async () => {
    const packbridge = await api.anonymous.cluster.bySlug({ slug: 'packbridge' });
    expect(packbridge.reportedMembers).toEqual({ count: 122, qualifier: 'exact', year: 2012 });
    const food = await api.anonymous.area.bySlug({ slug: 'livsmedel' });
    expect(food.clusters.find((c) => c.slug === 'packbridge')?.reportedMembers?.count).toBe(122);
  });
});
