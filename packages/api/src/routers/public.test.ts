/**
 * Public reads through the tRPC caller: areas, clusters, member profiles,
 * news and statistics. Expected values come from the seed files (the facts),
 * not from the queries under test.
 */
import { AREA_SEEDS, CLUSTER_SEEDS, LAUNCH_ARTICLE, MEMBER_SEEDS } from '@cos/db/seed';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  allDirectoryPages,
  allKeys,
  createTestApi,
  trpcError,
  type TestApi,
} from '../test-support';

// isDemo is public on purpose: a generated member carries a badge (issue 16).
const PRIVATE_KEYS = ['status', 'version', 'userEmail', 'userId', 'sortKey', 'note'];

describe('public reads on the default data', () => {
  let api: TestApi;
  beforeAll(() => {
    api = createTestApi();
  });
  afterAll(() => api.cleanup());

  it('area.list gives the six areas in order with published member and cluster counts', async () => {
    const areas = await api.anonymous.area.list();
    expect(areas.map((a) => a.slug)).toEqual(AREA_SEEDS.map((a) => a.slug));
    expect(areas).toHaveLength(6);
    for (const area of areas) {
      const members = MEMBER_SEEDS.filter((m) => m.areaSlugs.includes(area.slug)).length;
      const clusters = CLUSTER_SEEDS.filter((c) => c.areaSlugs.includes(area.slug)).length;
      expect({ slug: area.slug, members: area.memberCount, clusters: area.clusterCount }).toEqual({
        slug: area.slug,
        members,
        clusters,
      });
    }
    expect(areas.find((a) => a.slug === 'tech')?.memberCount).toBe(6);
  });

  it('area.bySlug gives the area with its clusters, members and related areas', async () => {
    const area = await api.anonymous.area.bySlug({ slug: 'avancerade-material-tillverkning' });
    expect(area.name.sv).toBe(AREA_SEEDS.find((a) => a.slug === area.slug)?.nameSv);
    expect(area.clusters.map((c) => c.slug).sort()).toEqual(['iuc-syd', 'packbridge']);
    expect(area.members.total).toBe(5);
    expect(area.members.items.map((m) => m.slug).sort()).toEqual(
      ['ar-carton', 'flextrus', 'lunds-universitet', 'nordvalls', 'region-skane'].sort(),
    );
    // Lunds universitet and Region Skåne are also in tech.
    expect(area.relatedAreas).toEqual([
      expect.objectContaining({ slug: 'tech', sharedMembers: 2 }),
    ]);
  });

  it('cluster.list gives the seven clusters; Medicon Valley Alliance is marked as a guess', async () => {
    const clusters = await api.anonymous.cluster.list();
    expect(clusters.map((c) => c.slug).sort()).toEqual(CLUSTER_SEEDS.map((c) => c.slug).sort());
    expect(clusters).toHaveLength(7);
    const mva = clusters.find((c) => c.slug === 'medicon-valley-alliance');
    expect(mva?.name).toBe('Medicon Valley Alliance');
    expect(mva?.confidence).toBe('guess');
    expect(clusters.filter((c) => c.confidence === 'guess').map((c) => c.slug)).toEqual([
      'medicon-valley-alliance',
    ]);
    // Founders and agenda co-leads are linked, not members (facts.md verifies no membership).
    const counts = Object.fromEntries(clusters.map((c) => [c.slug, c.relationCounts]));
    expect(counts).toMatchObject({
      opentech: { member: 0, founder: 6 },
      packbridge: { member: 0, founder: 5, 'agenda-co-lead': 1 },
      livsmedelsakademin: { member: 0, founder: 0, 'agenda-co-lead': 1 },
    });
    for (const c of clusters) {
      const seed = CLUSTER_SEEDS.find((s) => s.slug === c.slug);
      expect(c.areas.map((a) => a.slug).sort()).toEqual([...(seed?.areaSlugs ?? [])].sort());
    }
  });

  it('cluster.bySlug gives the cluster with its members page', async () => {
    const cluster = await api.anonymous.cluster.bySlug({ slug: 'packbridge' });
    expect(cluster.name).toBe('Packbridge');
    // Every organisation linked to the cluster, each with how it is linked.
    expect(cluster.members.total).toBe(6);
    expect(cluster.members.nextCursor).toBeNull();
    const relation = (slug: string) =>
      cluster.members.items
        .find((m) => m.slug === slug)
        ?.clusters.find((c) => c.slug === 'packbridge')?.relation;
    expect(cluster.members.items.map((m) => [m.slug, relation(m.slug)]).sort()).toEqual([
      ['ar-carton', 'founder'],
      ['flextrus', 'founder'],
      ['krinova', 'agenda-co-lead'],
      ['lunds-universitet', 'founder'],
      ['nordvalls', 'founder'],
      ['region-skane', 'founder'],
    ]);
  });

  it('member.bySlug gives areas and clusters with the date the member joined', async () => {
    const member = await api.anonymous.member.bySlug({ slug: 'lunds-universitet' });
    expect(member.name).toBe('Lunds universitet');
    expect(member.kind).toBe('academia');
    expect(member.municipality).toEqual({ code: '1281', name: 'Lund' });
    expect(member.areas.map((a) => a.slug).sort()).toEqual([
      'avancerade-material-tillverkning',
      'tech',
    ]);
    expect([...member.clusters].sort((a, b) => a.slug.localeCompare(b.slug))).toEqual([
      { slug: 'opentech', name: 'OpenTech', relation: 'founder', since: null },
      { slug: 'packbridge', name: 'Packbridge', relation: 'founder', since: '2010-06-29' },
    ]);
  });

  it('article.list and article.bySlug give the launch article', async () => {
    const list = await api.anonymous.article.list({});
    expect(list.items.map((a) => a.slug)).toEqual([LAUNCH_ARTICLE.slug]);
    expect(list.nextCursor).toBeNull();
    const article = await api.anonymous.article.bySlug({ slug: LAUNCH_ARTICLE.slug });
    expect(article.title).toEqual({ sv: LAUNCH_ARTICLE.titleSv, en: LAUNCH_ARTICLE.titleEn });
    expect(article.body).toEqual({ sv: LAUNCH_ARTICLE.bodySv, en: LAUNCH_ARTICLE.bodyEn });
    expect(article.slugs).toEqual({ sv: LAUNCH_ARTICLE.slug, en: LAUNCH_ARTICLE.slugEn });
    // It names all seven clusters; Medicon Valley Alliance's place among them is a guess.
    expect(article.unconfirmedClusters).toEqual([
      { slug: 'medicon-valley-alliance', name: 'Medicon Valley Alliance', confidence: 'guess' },
    ]);
    expect(article.tags).toEqual([
      {
        tag: 'innovationsstrategi',
        name: { sv: 'innovationsstrategi', en: 'innovation strategy' },
      },
      { tag: 'plattform', name: { sv: 'plattform', en: 'platform' } },
    ]);
    const byTag = await api.anonymous.article.list({ tag: LAUNCH_ARTICLE.tags[0]?.sv });
    expect(byTag.items).toHaveLength(1);
    expect((await api.anonymous.article.list({ tag: 'no-such-tag' })).items).toEqual([]);
  });

  it('unpublished and future articles stay hidden', async () => {
    const insert = api.sqlite.prepare(
      `INSERT INTO articles (slug, title_sv, status, published_at, created_at, updated_at)
       VALUES (?, ?, ?, ?, '2024-01-01T00:00:00.000Z', '2024-01-01T00:00:00.000Z')`,
    );
    insert.run('utkast-nyhet', 'Utkast', 'draft', '2024-01-01T00:00:00.000Z');
    insert.run('framtida-nyhet', 'Framtid', 'published', '2999-01-01T00:00:00.000Z');
    insert.run('synlig-nyhet', 'Synlig', 'published', '2024-01-01T00:00:00.000Z');
    try {
      const slugs = (await api.anonymous.article.list({})).items.map((a) => a.slug);
      expect(slugs).toContain('synlig-nyhet');
      expect(slugs).not.toContain('utkast-nyhet');
      expect(slugs).not.toContain('framtida-nyhet');
      expect((await trpcError(api.anonymous.article.bySlug({ slug: 'utkast-nyhet' }))).code).toBe(
        'NOT_FOUND',
      );
      expect((await trpcError(api.anonymous.article.bySlug({ slug: 'framtida-nyhet' }))).code).toBe(
        'NOT_FOUND',
      );
    } finally {
      api.sqlite
        .prepare(
          "DELETE FROM articles WHERE slug IN ('utkast-nyhet', 'framtida-nyhet', 'synlig-nyhet')",
        )
        .run();
    }
  });

  it('statistics.overview matches the facts', async () => {
    const stats = await api.anonymous.statistics.overview();
    expect(stats.totalMembers).toBe(MEMBER_SEEDS.length);
    expect(stats.totalClusters).toBe(7);
    expect(stats.totalAreas).toBe(6);
    // Linked to more than one cluster: Lunds universitet and Region Skåne founded OpenTech and
    // Packbridge; Krinova co-leads an agenda with Livsmedelsakademin and Packbridge.
    expect(stats.multiClusterMembers.count).toBe(3);
    expect(stats.multiClusterMembers.top.map((m) => m.slug).sort()).toEqual([
      'krinova',
      'lunds-universitet',
      'region-skane',
    ]);
    // Only members count as members: the default data has none verified.
    expect(stats.byCluster.map((c) => c.count)).toEqual(stats.byCluster.map(() => 0));
    // No seed member is known to be outside Skåne; those without a municipality are not known.
    expect(stats.byMunicipality.find((m) => m.code === 'outside')?.count).toBe(0);
    expect(stats.byMunicipality.find((m) => m.code === 'unknown')?.count).toBe(
      MEMBER_SEEDS.filter((m) => m.municipalityCode === null).length,
    );
  });

  it.each([
    ['area.bySlug', (api: TestApi) => api.anonymous.area.bySlug({ slug: 'no-such-area' })],
    ['cluster.bySlug', (api: TestApi) => api.anonymous.cluster.bySlug({ slug: 'no-such-cluster' })],
    ['member.bySlug', (api: TestApi) => api.anonymous.member.bySlug({ slug: 'no-such-member' })],
    ['article.bySlug', (api: TestApi) => api.anonymous.article.bySlug({ slug: 'no-such-article' })],
  ])('%s with an unknown slug is NOT_FOUND', async (_name, call) => {
    expect((await trpcError(call(api))).code).toBe('NOT_FOUND');
  });
});

describe('drafts and archived members stay out of every public read', () => {
  let api: TestApi;
  const DRAFT_ORGNR = '556036-0793';
  const ARCHIVED_ORGNR = '556016-0680';

  /** Everything the public can read, as one object. */
  async function publicSnapshot() {
    const a = api.anonymous;
    const areas = await a.area.list();
    const clusters = await a.cluster.list();
    return {
      areas,
      areaPages: await Promise.all(areas.map((x) => a.area.bySlug({ slug: x.slug }))),
      clusters,
      clusterPages: await Promise.all(clusters.map((x) => a.cluster.bySlug({ slug: x.slug }))),
      directory: await allDirectoryPages(a, { limit: 100 }),
      search: await a.member.directory({ q: 'hemlig' }),
      firstPage: await a.member.directory({}),
      newest: await a.member.directory({ sort: 'newest' }),
      profiles: await Promise.all(
        ['ericsson', 'lunds-universitet', 'flextrus'].map((slug) => a.member.bySlug({ slug })),
      ),
      statistics: await a.statistics.overview(),
      articles: await a.article.list({}),
    };
  }

  beforeAll(() => {
    api = createTestApi();
  });
  afterAll(() => api.cleanup());

  it('leave every output unchanged until one is published', async () => {
    const before = await publicSnapshot();
    const common = {
      kind: 'company' as const,
      municipalityCode: '1280' as const,
      description: { sv: 'Hemlig förpackning', en: 'Secret packaging' },
      areaIds: [api.areaId('tech'), api.areaId('avancerade-material-tillverkning')],
      memberships: [{ clusterId: api.clusterId('packbridge'), since: '2024-01-01' }],
    };
    const draft = await api.admin.member.admin.create({
      ...common,
      name: 'Hemlig Utkast AB',
      organisationNumber: DRAFT_ORGNR,
      status: 'draft',
    });
    await api.admin.member.admin.create({
      ...common,
      name: 'Hemlig Arkiverad AB',
      organisationNumber: ARCHIVED_ORGNR,
      status: 'archived',
    });

    const after = await publicSnapshot();
    expect(after).toEqual(before);
    for (const slug of ['hemlig-utkast-ab', 'hemlig-arkiverad-ab']) {
      expect((await trpcError(api.anonymous.member.bySlug({ slug }))).code).toBe('NOT_FOUND');
    }
    const text = JSON.stringify(after);
    expect(text).not.toContain(DRAFT_ORGNR);
    expect(text).not.toContain(ARCHIVED_ORGNR);
    expect(text).not.toContain('Hemlig');

    // The same snapshot does notice a published member, so the comparison above can fail.
    await api.admin.member.admin.setStatus({
      id: draft.member.id,
      version: draft.member.version,
      action: 'publish',
    });
    const published = await publicSnapshot();
    expect(published.statistics.totalMembers).toBe(before.statistics.totalMembers + 1);
    expect(published.search.items.map((m) => m.slug)).toEqual(['hemlig-utkast-ab']);
    expect(published.clusters.find((c) => c.slug === 'packbridge')?.memberCount).toBe(
      (before.clusters.find((c) => c.slug === 'packbridge')?.memberCount ?? 0) + 1,
    );
    expect(published.areas.find((x) => x.slug === 'tech')?.memberCount).toBe(
      (before.areas.find((x) => x.slug === 'tech')?.memberCount ?? 0) + 1,
    );
    // Ericsson shares tech but not Packbridge: the new member is now a related member.
    expect(published.profiles[0]?.related.map((r) => r.slug)).toContain('hemlig-utkast-ab');
    expect(JSON.stringify(published)).not.toContain(ARCHIVED_ORGNR);
  });

  it('no public output carries private keys or users’ e-mail addresses', async () => {
    const snapshot = await publicSnapshot();
    const keys = allKeys(snapshot);
    for (const key of PRIVATE_KEYS) expect(keys.has(key), `key ${key}`).toBe(false);
    // Cluster e-mail addresses are the organisations' own; people's addresses never appear.
    const text = JSON.stringify(snapshot);
    expect(text).not.toContain(api.adminUser.email);
    expect(text).not.toContain(api.editorUser('opentech').email);
    expect(text).not.toContain('@example.test');
    // The admin list of the same data does carry them, so the check above is not vacuous.
    const adminKeys = allKeys(await api.admin.member.admin.list({}));
    expect(adminKeys.has('status') && adminKeys.has('version') && adminKeys.has('isDemo')).toBe(
      true,
    );
  });
});

describe('public reads with demo members', () => {
  let api: TestApi;
  beforeAll(() => {
    api = createTestApi({ demo: 300, demoSeed: 7 });
  });
  afterAll(() => api.cleanup());

  it('member.bySlug lists related members that share an area but none of its clusters', async () => {
    const member = await api.anonymous.member.bySlug({ slug: 'lunds-universitet' });
    expect(member.related.length).toBeGreaterThan(0);
    expect(member.related.length).toBeLessThanOrEqual(6);
    const ownClusters = new Set(member.clusters.map((c) => c.slug));
    const ownAreas = new Set(member.areas.map((a) => a.slug));
    for (const r of member.related) {
      expect(r.slug).not.toBe(member.slug);
      for (const c of r.clusters)
        expect(ownClusters.has(c.slug), `${r.slug} in ${c.slug}`).toBe(false);
      const profile = await api.anonymous.member.bySlug({ slug: r.slug });
      expect(
        profile.areas.some((a) => ownAreas.has(a.slug)),
        `${r.slug} shares an area`,
      ).toBe(true);
    }
  });

  it('statistics.overview totals agree with the directory and the matrix has areas × clusters', async () => {
    const a = api.anonymous;
    const stats = await a.statistics.overview();
    const directory = await a.member.directory({});
    const published = (
      api.sqlite.prepare("SELECT count(*) AS n FROM members WHERE status = 'published'").get() as {
        n: number;
      }
    ).n;
    expect(stats.totalMembers).toBe(published);
    expect(directory.total).toBe(published);
    expect(published).toBeLessThan(api.count('members'));

    const sum = (xs: { count: number }[]) => xs.reduce((s, x) => s + x.count, 0);
    expect(sum(stats.byMunicipality)).toBe(stats.totalMembers);
    expect(sum(stats.byKind)).toBe(stats.totalMembers);
    for (const area of stats.byArea) {
      expect(area.count).toBe(directory.facets.area.find((f) => f.value === area.slug)?.count);
    }
    const clusters = await a.cluster.list();
    expect(stats.byCluster.map((c) => [c.slug, c.count])).toEqual(
      clusters.map((c) => [c.slug, c.memberCount]),
    );
    for (const c of stats.byCluster) {
      const linked = (await a.member.directory({ cluster: c.slug })).total;
      const counts = clusters.find((x) => x.slug === c.slug)?.relationCounts;
      expect(c.count).toBe(counts?.member);
      expect(linked - c.count).toBe(
        (counts?.founder ?? 0) + (counts?.partner ?? 0) + (counts?.['agenda-co-lead'] ?? 0),
      );
    }
    for (const m of stats.byMunicipality) {
      expect(m.count).toBe(directory.facets.municipality.find((f) => f.value === m.code)?.count);
    }

    const matrix = stats.clusterAreaMatrix;
    expect(matrix.areas).toHaveLength(6);
    expect(matrix.rows).toHaveLength(7);
    for (const row of matrix.rows) {
      expect(row.counts).toHaveLength(6);
      for (const [i, area] of matrix.areas.entries()) {
        const filtered = await a.member.directory({
          cluster: row.cluster.slug,
          area: area.slug,
          limit: 1,
        });
        expect(row.counts[i], `${row.cluster.slug} × ${area.slug}`).toBe(filtered.total);
      }
    }
    expect(matrix.rows.some((r) => r.counts.some((n) => n > 0))).toBe(true);

    const multi = api.sqlite
      .prepare(
        `SELECT count(*) AS n FROM (SELECT ms.member_id FROM memberships ms JOIN members m ON m.id = ms.member_id
         WHERE m.status = 'published' GROUP BY ms.member_id HAVING count(*) > 1)`,
      )
      .get() as { n: number };
    expect(stats.multiClusterMembers.count).toBe(multi.n);
  });

  it('area and cluster member counts leave out drafts and archived demo members', async () => {
    const hidden = (
      api.sqlite.prepare("SELECT count(*) AS n FROM members WHERE status <> 'published'").get() as {
        n: number;
      }
    ).n;
    expect(hidden).toBeGreaterThan(0);
    for (const area of await api.anonymous.area.list()) {
      const n = api.sqlite
        .prepare(
          `SELECT count(*) AS n FROM member_areas ma JOIN members m ON m.id = ma.member_id JOIN areas a ON a.id = ma.area_id
           WHERE a.slug = ? AND m.status = 'published'`,
        )
        .get(area.slug) as { n: number };
      expect(area.memberCount, area.slug).toBe(n.n);
    }
    const draftSlugs = api.sqlite
      .prepare("SELECT slug FROM members WHERE status <> 'published'")
      .pluck()
      .all() as string[];
    const everyone = await allDirectoryPages(api.anonymous, { limit: 100 });
    const shown = new Set(everyone.items.map((m) => m.slug));
    for (const slug of draftSlugs) {
      expect(shown.has(slug), slug).toBe(false);
      expect((await trpcError(api.anonymous.member.bySlug({ slug }))).code).toBe('NOT_FOUND');
    }
  });
});
