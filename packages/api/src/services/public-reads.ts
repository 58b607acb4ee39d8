/**
 * Public reads of areas, clusters and members. Only published records, only
 * public columns: everything here may leave the building. Raw SQL: these are
 * the site's hot reads (correlated counts, index walks for related members),
 * answered from the statement cache without the query builder's mapping step.
 */
import type {
  Confidence,
  MemberDirectoryQuery,
  RelationKind,
  ReportedMemberQualifier,
} from '@cos/domain';
import { notFound } from '../errors';
import type { MemberDirectory } from './directory';
import { imageInfoSql, publicImage } from './public-images';
import type { PublishedCounts } from './published-counts';
import type { ResultCache } from './result-cache';
import type { StatementCache } from './statement-cache';
import { loadTaxonomy, municipalityRef } from './taxonomy';

const PUBLISHED = ['published'] as const;
const emptyQuery: MemberDirectoryQuery = {
  q: undefined,
  area: [],
  cluster: [],
  municipality: [],
  kind: [],
  size: [],
  limit: 20,
};

export class PublicReads {
  constructor(
    private readonly statements: StatementCache,
    private readonly cache: ResultCache,
    private readonly directory: MemberDirectory,
    private readonly counts: PublishedCounts,
  ) {}

  areas() {
    // Cluster counts per area, member counts from the index.
    return this.cache.get(['areas', 'clusters', 'members'], 'public:areas', () => {
      const rows = this.statements.all<{
        id: number;
        slug: string;
        nameSv: string;
        nameEn: string;
        summarySv: string;
        summaryEn: string;
        sortOrder: number;
        clusterCount: number;
      }>(
        `SELECT a.id, a.slug, a.name_sv AS nameSv, a.name_en AS nameEn, a.summary_sv AS summarySv, a.summary_en AS summaryEn,
           a.sort_order AS sortOrder,
           (SELECT count(*) FROM cluster_areas ca JOIN clusters c ON c.id = ca.cluster_id WHERE ca.area_id = a.id AND c.status = 'published') AS clusterCount
         FROM areas a ORDER BY a.sort_order, a.id`,
      );
      const counts = this.counts.get();
      return rows.map((a) => ({
        slug: a.slug,
        name: { sv: a.nameSv, en: a.nameEn },
        summary: { sv: a.summarySv, en: a.summaryEn },
        sortOrder: a.sortOrder,
        memberCount: counts.byArea.get(a.id) ?? 0,
        clusterCount: a.clusterCount,
      }));
    });
  }

  area(slug: string) {
    const area = this.areas().find((a) => a.slug === slug);
    if (!area) throw notFound('area', slug);
    const clusters = this.clusters().filter((c) => c.areas.some((a) => a.slug === slug));
    // Related areas: those whose members most often share this area.
    const taxonomy = loadTaxonomy(this.statements, this.cache);
    const areaId = taxonomy.areaBySlug.get(slug)?.id ?? -1;
    const related = [...(this.counts.get().coAreas.get(areaId) ?? new Map<number, number>())]
      .filter(([, n]) => n > 0)
      .sort((x, y) => y[1] - x[1])
      .slice(0, 5)
      .flatMap(([id, n]) => {
        const a = taxonomy.areaById.get(id);
        return a ? [{ slug: a.slug, name: a.name, sharedMembers: n }] : [];
      });
    const members = this.directory.query({ ...emptyQuery, area: [slug] }, { statuses: PUBLISHED });
    return {
      ...area,
      clusters,
      relatedAreas: related,
      members: { items: members.items, total: members.total, nextCursor: members.nextCursor },
    };
  }

  clusters() {
    // Logos read the images table (their sizes).
    return this.cache.get(['clusters', 'areas', 'members', 'images'], 'public:clusters', () => {
      const taxonomy = loadTaxonomy(this.statements, this.cache);
      const rows = this.statements.all<ClusterRow & { id: number; areaIds: string | null }>(
        `SELECT c.id, ${CLUSTER_COLUMNS},
           (SELECT group_concat(area_id) FROM cluster_areas WHERE cluster_id = c.id) AS areaIds
         FROM clusters c WHERE c.status = 'published' ORDER BY c.sort_key, c.id`,
      );
      const counts = this.counts.get();
      const persons = this.contactPersons();
      const others = this.otherLinkCounts();
      const sources = this.clusterSources();
      return rows.map((c) => {
        // The facet index counts every published organisation linked to the cluster; the
        // founders, partners and agenda co-leads among them are not members.
        const linked = counts.byCluster.get(c.id) ?? 0;
        const other = others.get(c.id) ?? noOtherLinks();
        const members = linked - other.founder - other.partner - other['agenda-co-lead'];
        return {
          ...clusterOut(c),
          contactPersons: persons.get(c.id) ?? [],
          sources: sources.get(c.id) ?? [],
          memberCount: members,
          relationCounts: { member: members, ...other },
          areas: (c.areaIds ?? '')
            .split(',')
            .filter(Boolean)
            .flatMap((id) => {
              const a = taxonomy.areaById.get(Number(id));
              return a ? [{ slug: a.slug, name: a.name }] : [];
            }),
        };
      });
    });
  }

  /**
   * Published organisations linked to each cluster other than as members, by
   * kind. They are few, so this walks only their part of the (kind, cluster)
   * index, however many members there are.
   */
  private otherLinkCounts() {
    const byCluster = new Map<number, Record<Exclude<RelationKind, 'member'>, number>>();
    for (const r of this.statements.all<{
      clusterId: number;
      kind: Exclude<RelationKind, 'member'>;
      n: number;
    }>(
      `SELECT ms.cluster_id AS clusterId, ms.kind, count(*) AS n
       FROM memberships ms INDEXED BY memberships_kind_cluster_idx
       JOIN members m ON m.id = ms.member_id AND m.status = 'published'
       WHERE ms.kind IN ('founder', 'partner', 'agenda-co-lead') GROUP BY ms.cluster_id, ms.kind`,
    )) {
      const counts = byCluster.get(r.clusterId) ?? noOtherLinks();
      counts[r.kind] = r.n;
      byCluster.set(r.clusterId, counts);
    }
    return byCluster;
  }

  /** Every cluster's contact persons in their order, by cluster id (one statement for all). */
  private contactPersons() {
    const rows = this.statements.all<{
      clusterId: number;
      name: string;
      role: string;
      email: string;
      phone: string | null;
    }>(
      `SELECT cluster_id AS clusterId, name, role, email, phone FROM cluster_contacts
       ORDER BY cluster_id, position`,
    );
    return byClusterId(rows, ({ clusterId: _, ...person }) => person);
  }

  /** Every cluster's sources in their order, by cluster id (one statement for all). */
  private clusterSources() {
    const rows = this.statements.all<{
      clusterId: number;
      titleSv: string;
      titleEn: string;
      year: number | null;
      url: string | null;
    }>(
      `SELECT cluster_id AS clusterId, title_sv AS titleSv, title_en AS titleEn, year, url
       FROM cluster_sources ORDER BY cluster_id, position`,
    );
    return byClusterId(rows, (r) => ({
      title: { sv: r.titleSv, en: r.titleEn },
      year: r.year,
      url: r.url,
    }));
  }

  cluster(slug: string) {
    const cluster = this.clusters().find((c) => c.slug === slug);
    if (!cluster) throw notFound('cluster', slug);
    const members = this.directory.query(
      { ...emptyQuery, cluster: [slug] },
      { statuses: PUBLISHED },
    );
    return {
      ...cluster,
      members: { items: members.items, total: members.total, nextCursor: members.nextCursor },
    };
  }

  member(slug: string) {
    const m = this.statements.one<{
      id: number;
      slug: string;
      name: string;
      organisationNumber: string | null;
      kind: string;
      sizeBand: string | null;
      municipalityCode: string | null;
      outsideSkane: number;
      website: string | null;
      descriptionSv: string;
      descriptionEn: string;
      logoImage: string | null;
      logoAltSv: string | null;
      logoAltEn: string | null;
      logoInfo: string | null;
      createdAt: string;
      updatedAt: string;
      isDemo: number;
    }>(
      `SELECT id, slug, name, is_demo AS isDemo, organisation_number AS organisationNumber, kind, size_band AS sizeBand,
         municipality_code AS municipalityCode, outside_skane AS outsideSkane, website,
         description_sv AS descriptionSv, description_en AS descriptionEn, logo_image AS logoImage, logo_alt_sv AS logoAltSv, logo_alt_en AS logoAltEn, ${imageInfoSql('logo_image')} AS logoInfo,
         created_at AS createdAt, updated_at AS updatedAt
       FROM members WHERE slug = ? AND status = 'published'`,
      [slug],
    );
    if (!m) throw notFound('member', slug);
    const taxonomy = loadTaxonomy(this.statements, this.cache);
    const areaIds = this.statements
      .all<{ id: number }>('SELECT area_id AS id FROM member_areas WHERE member_id = ?', [m.id])
      .map((r) => r.id);
    const memberships = this.statements.all<{
      clusterId: number;
      since: string | null;
      relation: RelationKind;
    }>(
      'SELECT cluster_id AS clusterId, since, kind AS relation FROM memberships WHERE member_id = ?',
      [m.id],
    );
    return {
      slug: m.slug,
      name: m.name,
      isDemo: m.isDemo === 1,
      organisationNumber: m.organisationNumber,
      kind: m.kind,
      sizeBand: m.sizeBand,
      municipality: municipalityRef(m.municipalityCode),
      outsideSkane: m.outsideSkane === 1,
      website: m.website,
      description: { sv: m.descriptionSv, en: m.descriptionEn },
      logo: publicImage(
        { hash: m.logoImage, altSv: m.logoAltSv, altEn: m.logoAltEn, info: m.logoInfo },
        'logo',
      ),
      createdAt: m.createdAt,
      updatedAt: m.updatedAt,
      areas: areaIds.flatMap((id) => {
        const a = taxonomy.areaById.get(id);
        return a ? [{ slug: a.slug, name: a.name }] : [];
      }),
      clusters: memberships.flatMap((ms) => {
        const c = taxonomy.clusterById.get(ms.clusterId);
        return c && c.status === 'published'
          ? [{ slug: c.slug, name: c.name, relation: ms.relation, since: ms.since }]
          : [];
      }),
      related: this.related(
        m.id,
        areaIds,
        memberships.map((ms) => ms.clusterId),
      ),
    };
  }

  /**
   * The cross-cluster view: published members that share an area with this
   * one but sit in none of its clusters. Walking the (area_id, member_id)
   * index from this member's id onwards gives varied neighbours and stops
   * after a handful of rows, so it stays cheap at any size.
   */
  private related(memberId: number, areaIds: number[], clusterIds: number[]) {
    if (areaIds.length === 0) return [];
    const taxonomy = loadTaxonomy(this.statements, this.cache);
    const notInClusters = clusterIds.length
      ? `AND NOT EXISTS (SELECT 1 FROM memberships x WHERE x.member_id = m.id AND x.cluster_id IN (${clusterIds.map(() => '?').join(',')}))`
      : '';
    // One walk per area and direction, each stopping after six hits on the index.
    const sql = (after: boolean) =>
      `SELECT m.id, m.slug, m.name, m.kind, m.municipality_code AS municipalityCode,
         m.outside_skane AS outsideSkane, m.is_demo AS isDemo FROM member_areas ma
       JOIN members m ON m.id = ma.member_id
       WHERE ma.area_id = ? AND ma.member_id ${after ? '>' : '<'} ? AND m.status = 'published' ${notInClusters}
       ORDER BY ma.member_id ${after ? 'ASC' : 'DESC'} LIMIT 6`;
    type Row = {
      id: number;
      slug: string;
      name: string;
      kind: string;
      municipalityCode: string | null;
      outsideSkane: number;
      isDemo: number;
    };
    const rows: Row[] = [];
    for (const after of [true, false]) {
      for (const areaId of areaIds) {
        for (const row of this.statements.all<Row>(sql(after), [areaId, memberId, ...clusterIds])) {
          if (rows.length < 6 && !rows.some((r) => r.id === row.id)) rows.push(row);
        }
        if (rows.length >= 6) break;
      }
      if (rows.length >= 6) break;
    }
    if (rows.length === 0) return [];
    const links = this.directory.links(rows.map((r) => r.id));
    return rows.map((r) => ({
      slug: r.slug,
      name: r.name,
      kind: r.kind,
      municipality: municipalityRef(r.municipalityCode),
      outsideSkane: r.outsideSkane === 1,
      isDemo: r.isDemo === 1,
      clusters: (links.clusters.get(r.id) ?? []).flatMap(({ id, relation }) => {
        const c = taxonomy.clusterById.get(id);
        return c && c.status === 'published' ? [{ slug: c.slug, name: c.name, relation }] : [];
      }),
    }));
  }
}

/** Rows read in cluster order, as each cluster's list (in the order read). */
function byClusterId<R extends { clusterId: number }, T>(
  rows: readonly R[],
  item: (row: R) => T,
): Map<number, T[]> {
  const lists = new Map<number, T[]>();
  for (const row of rows) {
    const list = lists.get(row.clusterId) ?? [];
    list.push(item(row));
    lists.set(row.clusterId, list);
  }
  return lists;
}

const noOtherLinks = (): Record<Exclude<RelationKind, 'member'>, number> => ({
  founder: 0,
  partner: 0,
  'agenda-co-lead': 0,
});

interface ClusterRow {
  slug: string;
  name: string;
  shortName: string;
  descriptionSv: string;
  descriptionEn: string;
  website: string | null;
  email: string | null;
  city: string;
  municipalityCode: string | null;
  foundedYear: number | null;
  logoUrl: string | null;
  logoImage: string | null;
  logoAltSv: string | null;
  logoAltEn: string | null;
  logoInfo: string | null;
  phone: string | null;
  postalStreet: string;
  postalPostcode: string;
  postalCity: string;
  visitingStreet: string;
  visitingPostcode: string;
  visitingCity: string;
  membershipSv: string;
  membershipEn: string;
  membershipUrl: string | null;
  confidence: Confidence;
  sourceNoteSv: string;
  sourceNoteEn: string;
  reportedMembers: number | null;
  reportedMembersQualifier: ReportedMemberQualifier | null;
  reportedMembersYear: number | null;
}
const CLUSTER_COLUMNS = `c.slug, c.name, c.short_name AS shortName, c.description_sv AS descriptionSv, c.description_en AS descriptionEn,
  c.website, c.email, c.city, c.municipality_code AS municipalityCode, c.founded_year AS foundedYear, c.logo_url AS logoUrl,
  c.logo_image AS logoImage, c.logo_alt_sv AS logoAltSv, c.logo_alt_en AS logoAltEn, ${imageInfoSql('c.logo_image')} AS logoInfo,
  c.phone, c.postal_street AS postalStreet, c.postal_postcode AS postalPostcode, c.postal_city AS postalCity,
  c.visiting_street AS visitingStreet, c.visiting_postcode AS visitingPostcode, c.visiting_city AS visitingCity,
  c.membership_sv AS membershipSv, c.membership_en AS membershipEn, c.membership_url AS membershipUrl,
  c.confidence, c.source_note_sv AS sourceNoteSv, c.source_note_en AS sourceNoteEn, c.reported_members AS reportedMembers,
  c.reported_members_qualifier AS reportedMembersQualifier, c.reported_members_year AS reportedMembersYear`;

/** An address, or null when no part of it is given (the page then says so). */
function addressOrNull(street: string, postcode: string, city: string) {
  return street === '' && postcode === '' && city === '' ? null : { street, postcode, city };
}

function clusterOut(c: ClusterRow) {
  return {
    slug: c.slug,
    name: c.name,
    shortName: c.shortName,
    description: { sv: c.descriptionSv, en: c.descriptionEn },
    website: c.website,
    email: c.email,
    city: c.city,
    municipality: municipalityRef(c.municipalityCode),
    foundedYear: c.foundedYear,
    logoUrl: c.logoUrl,
    logo: publicImage(
      { hash: c.logoImage, altSv: c.logoAltSv, altEn: c.logoAltEn, info: c.logoInfo },
      'logo',
    ),
    phone: c.phone,
    postalAddress: addressOrNull(c.postalStreet, c.postalPostcode, c.postalCity),
    visitingAddress: addressOrNull(c.visitingStreet, c.visitingPostcode, c.visitingCity),
    membershipText: { sv: c.membershipSv, en: c.membershipEn },
    membershipUrl: c.membershipUrl,
    confidence: c.confidence,
    sourceNoteText: { sv: c.sourceNoteSv, en: c.sourceNoteEn },
    reportedMembers:
      c.reportedMembers === null
        ? null
        : {
            count: c.reportedMembers,
            qualifier: c.reportedMembersQualifier ?? 'exact',
            year: c.reportedMembersYear,
          },
  };
}
