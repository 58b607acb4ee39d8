import { eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { clusters } from '../schema';
import { dumpDatabase, openTestDatabase, type TestDatabase } from '../test-support';
import { hasDefaultData, seedDefaultData } from './index';

/** facts.md: the six areas, the seven clusters, the 33 municipalities, the launch post. */
const AREA_SLUGS = [
  'life-science-halsa',
  'tech',
  'livsmedel',
  'avancerade-material-tillverkning',
  'smarta-hallbara-stader',
  'ess-max-iv-science-village',
];
const CLUSTER_NAMES = [
  'IUC Syd',
  'Livsmedelsakademin',
  'Media Evolution',
  'Medicon Valley Alliance',
  'OpenTech',
  'Packbridge',
  'Sustainable Business Hub',
];
const COVER_ALT_SV = 'En grön åker med traktorspår. Lite dimma i horisonten.';
const OPENTECH_FOUNDERS = [
  'Ericsson',
  'Lunds universitet',
  'Malmö universitet',
  'Region Skåne',
  'Sony',
  'Telia',
];
const PACKBRIDGE_FOUNDERS = [
  'Flextrus',
  'Lunds universitet',
  'Nordvalls',
  'Region Skåne',
  'ÅR Carton',
];

let t: TestDatabase;
beforeEach(() => {
  t = openTestDatabase();
});
afterEach(() => {
  t.cleanup();
});

const count = (table: string, where = '1') =>
  (t.sqlite.prepare(`SELECT count(*) AS n FROM ${table} WHERE ${where}`).get() as { n: number }).n;

/** The organisations linked to a cluster with one kind of link, by name. */
const linkedNamesOf = (clusterSlug: string, kind: string) =>
  (
    t.sqlite
      .prepare(
        `SELECT m.name FROM memberships ms JOIN members m ON m.id = ms.member_id
         JOIN clusters c ON c.id = ms.cluster_id WHERE c.slug = ? AND ms.kind = ? ORDER BY m.name`,
      )
      .all(clusterSlug, kind) as { name: string }[]
  ).map((r) => r.name);

describe('seedDefaultData on a fresh database', () => {
  it('loads exactly the areas, clusters and municipalities of facts.md', () => {
    expect(hasDefaultData(t.db)).toBe(false);
    const report = seedDefaultData(t.db);
    expect(report).toEqual({ municipalities: 33, areas: 6, clusters: 7, members: 10, articles: 1 });
    expect(hasDefaultData(t.db)).toBe(true);

    expect(count('areas')).toBe(6);
    const areaSlugs = t.sqlite.prepare('SELECT slug FROM areas ORDER BY sort_order').pluck().all();
    expect(areaSlugs).toEqual(AREA_SLUGS);

    expect(count('clusters')).toBe(7);
    expect(t.sqlite.prepare('SELECT name FROM clusters ORDER BY name').pluck().all()).toEqual(
      CLUSTER_NAMES,
    );
    expect(count('clusters', "status = 'published'")).toBe(7);

    expect(count('municipalities')).toBe(33);
    expect(count('municipalities', "code NOT GLOB '12[0-9][0-9]'")).toBe(0);
    const name = (code: string) =>
      t.sqlite.prepare('SELECT name FROM municipalities WHERE code = ?').pluck().get(code);
    expect(name('1280')).toBe('Malmö');
    expect(name('1292')).toBe('Ängelholm');
    expect(name('1256')).toBe('Östra Göinge');
  });

  it('links clusters to their areas as in facts.md', () => {
    seedDefaultData(t.db);
    const areasOf = (slug: string) =>
      t.sqlite
        .prepare(
          `SELECT a.slug FROM cluster_areas ca JOIN areas a ON a.id = ca.area_id
           JOIN clusters c ON c.id = ca.cluster_id WHERE c.slug = ? ORDER BY a.slug`,
        )
        .pluck()
        .all(slug);
    expect(areasOf('packbridge')).toEqual(['avancerade-material-tillverkning', 'livsmedel']);
    expect(areasOf('iuc-syd')).toEqual([
      'avancerade-material-tillverkning',
      'ess-max-iv-science-village',
    ]);
    expect(areasOf('medicon-valley-alliance')).toEqual(['life-science-halsa']);
    expect(areasOf('opentech')).toEqual(['tech']);
  });

  it('publishes the launch article with the Swedish cover alt text', () => {
    seedDefaultData(t.db);
    expect(count('articles')).toBe(1);
    const article = t.sqlite
      .prepare('SELECT title_sv, status, cover_src, cover_alt_sv, published_at FROM articles')
      .get();
    expect(article).toEqual({
      title_sv: 'Clusters of Skåne – ny plattform för samarbete',
      status: 'published',
      cover_src: expect.any(String) as string,
      cover_alt_sv: COVER_ALT_SV,
      published_at: expect.any(String) as string,
    });
    expect(count('article_tags')).toBeGreaterThan(0);
    expect(t.sqlite.prepare('SELECT slug_en FROM articles').pluck().get()).toBe(
      'clusters-of-skane-a-new-platform-for-collaboration',
    );
    // Every tag of the article has its English name.
    expect(
      t.sqlite
        .prepare(
          'SELECT at.tag, t.name_en FROM article_tags at LEFT JOIN tags t ON t.tag = at.tag ORDER BY at.tag',
        )
        .all(),
    ).toEqual([
      { tag: 'innovationsstrategi', name_en: 'innovation strategy' },
      { tag: 'plattform', name_en: 'platform' },
    ]);
  });

  it('marks Medicon Valley Alliance as a guess, with a source note that says so', () => {
    seedDefaultData(t.db);
    const mva = t.db
      .select()
      .from(clusters)
      .where(eq(clusters.slug, 'medicon-valley-alliance'))
      .get();
    expect(mva?.confidence).toBe('guess');
    expect(mva?.sourceNoteEn).toMatch(/guess/i);
    expect(mva?.sourceNoteEn).toMatch(/not confirmed/i);
    expect(mva?.sourceNoteSv).toMatch(/gissning/i);
    expect(mva?.sourceNoteSv).toMatch(/inte bekräftat/i);
    // Every other cluster is a high-confidence member.
    expect(count('clusters', "confidence = 'guess'")).toBe(1);
  });

  it('fills in only the contact details facts.md gives: Media Evolution’s visiting address', () => {
    seedDefaultData(t.db);
    const contact = (slug: string) =>
      t.sqlite
        .prepare(
          `SELECT email, phone, postal_street || postal_postcode || postal_city AS postal,
             visiting_street AS street, visiting_postcode AS postcode, visiting_city AS city,
             membership_sv || membership_en AS membership, membership_url AS link,
             (SELECT count(*) FROM cluster_contacts cc WHERE cc.cluster_id = clusters.id) AS persons
           FROM clusters WHERE slug = ?`,
        )
        .get(slug);
    expect(contact('media-evolution')).toEqual({
      email: null,
      phone: null,
      postal: '',
      street: 'Media Evolution City, Stora Varvsgatan 6A',
      postcode: '',
      city: 'Malmö',
      membership: '',
      link: null,
      persons: 0,
    });
    // Nothing else is in the sources: no invented phone numbers, persons or addresses.
    expect(count('clusters', "visiting_street <> ''")).toBe(1);
    expect(count('clusters', 'phone IS NOT NULL OR email IS NOT NULL')).toBe(0);
    expect(count('cluster_contacts')).toBe(0);
  });

  it('does not present Packbridge’s guessed location as a fact', () => {
    seedDefaultData(t.db);
    const packbridge = t.db.select().from(clusters).where(eq(clusters.slug, 'packbridge')).get();
    expect(packbridge?.city).toBe('');
    expect(packbridge?.municipalityCode).toBeNull();
    expect(packbridge?.sourceNoteEn).toMatch(/Malmö is a guess/);
    expect(packbridge?.sourceNoteSv).toMatch(/Malmö är en gissning/);
  });

  it('links OpenTech’s and Packbridge’s founders as in facts.md', () => {
    seedDefaultData(t.db);
    expect(linkedNamesOf('opentech', 'founder')).toEqual(OPENTECH_FOUNDERS);
    expect(linkedNamesOf('packbridge', 'founder')).toEqual(PACKBRIDGE_FOUNDERS);
    const since = t.sqlite
      .prepare(
        `SELECT DISTINCT ms.since FROM memberships ms JOIN clusters c ON c.id = ms.cluster_id
         WHERE c.slug = 'packbridge' AND ms.kind = 'founder'`,
      )
      .pluck()
      .all();
    expect(since).toEqual(['2010-06-29']);
    // Krinova co-leads Foodhive Skåne with two clusters; its membership of a cluster is not verified.
    expect(linkedNamesOf('livsmedelsakademin', 'agenda-co-lead')).toEqual(['Krinova']);
    expect(linkedNamesOf('packbridge', 'agenda-co-lead')).toEqual(['Krinova']);
    // Founding a cluster is not being its member: the default data has no verified membership.
    expect(count('memberships', "kind = 'member'")).toBe(0);
    // The real members are real: not demo, no invented organisation numbers.
    expect(count('members', 'is_demo = 1')).toBe(0);
    expect(count('members', 'organisation_number IS NOT NULL')).toBe(0);
  });
});

describe('seedDefaultData a second time', () => {
  it('changes nothing and reports zero additions', () => {
    seedDefaultData(t.db);
    const before = dumpDatabase(t.sqlite);
    const report = seedDefaultData(t.db);
    expect(report).toEqual({ municipalities: 0, areas: 0, clusters: 0, members: 0, articles: 0 });
    // sqlite_sequence included: a re-seed must not even advance the id counters.
    expect(Object.keys(before)).toContain('sqlite_sequence');
    expect(dumpDatabase(t.sqlite)).toEqual(before);
  });

  it('keeps an admin’s edits and deletions', () => {
    seedDefaultData(t.db);
    t.db
      .update(clusters)
      .set({ descriptionSv: 'Redigerad av en administratör.', version: 2 })
      .where(eq(clusters.slug, 'opentech'))
      .run();
    t.sqlite
      .prepare(
        `DELETE FROM memberships WHERE member_id = (SELECT id FROM members WHERE slug = 'sony')`,
      )
      .run();
    t.sqlite
      .prepare(
        "DELETE FROM cluster_areas WHERE cluster_id = (SELECT id FROM clusters WHERE slug = 'packbridge')",
      )
      .run();
    const before = dumpDatabase(t.sqlite);

    expect(seedDefaultData(t.db).clusters).toBe(0);

    const opentech = t.db.select().from(clusters).where(eq(clusters.slug, 'opentech')).get();
    expect(opentech?.descriptionSv).toBe('Redigerad av en administratör.');
    expect(opentech?.version).toBe(2);
    expect(linkedNamesOf('opentech', 'founder')).not.toContain('Sony');
    expect(dumpDatabase(t.sqlite)).toEqual(before);
  });

  it('adds back only what is missing', () => {
    seedDefaultData(t.db);
    t.sqlite.prepare("DELETE FROM articles WHERE slug LIKE 'clusters-of-skane%'").run();
    t.sqlite.prepare("DELETE FROM members WHERE slug = 'krinova'").run();
    const report = seedDefaultData(t.db);
    expect(report).toEqual({ municipalities: 0, areas: 0, clusters: 0, members: 1, articles: 1 });
    expect(count('members')).toBe(10);
    expect(count('articles')).toBe(1);
  });
});
