/**
 * Public reads of areas, clusters, members and statistics. Only published
 * records, only public columns: everything here may leave the building.
 */
import {
  MEMBER_KINDS,
  MUNICIPALITIES,
  OUTSIDE_SKANE,
  type Confidence,
  type MemberDirectoryQuery,
} from '@cos/domain';
import { notFound } from '../errors';
import type { MemberDirectory } from './directory';
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
  ) {}

  areas() {
    return this.cache.get('public:areas', () => {
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
      const counts = this.publishedCounts();
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
    const related = [...(this.publishedCounts().coAreas.get(areaId) ?? new Map<number, number>())]
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
    return this.cache.get('public:clusters', () => {
      const taxonomy = loadTaxonomy(this.statements, this.cache);
      const rows = this.statements.all<ClusterRow & { id: number; areaIds: string | null }>(
        `SELECT c.id, ${CLUSTER_COLUMNS},
           (SELECT group_concat(area_id) FROM cluster_areas WHERE cluster_id = c.id) AS areaIds
         FROM clusters c WHERE c.status = 'published' ORDER BY c.sort_key, c.id`,
      );
      const counts = this.publishedCounts();
      return rows.map((c) => ({
        ...clusterOut(c),
        memberCount: counts.byCluster.get(c.id) ?? 0,
        areas: (c.areaIds ?? '')
          .split(',')
          .filter(Boolean)
          .flatMap((id) => {
            const a = taxonomy.areaById.get(Number(id));
            return a ? [{ slug: a.slug, name: a.name }] : [];
          }),
      }));
    });
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
      website: string | null;
      descriptionSv: string;
      descriptionEn: string;
      createdAt: string;
      updatedAt: string;
    }>(
      `SELECT id, slug, name, organisation_number AS organisationNumber, kind, size_band AS sizeBand,
         municipality_code AS municipalityCode, website, description_sv AS descriptionSv, description_en AS descriptionEn,
         created_at AS createdAt, updated_at AS updatedAt
       FROM members WHERE slug = ? AND status = 'published'`,
      [slug],
    );
    if (!m) throw notFound('member', slug);
    const taxonomy = loadTaxonomy(this.statements, this.cache);
    const areaIds = this.statements
      .all<{ id: number }>('SELECT area_id AS id FROM member_areas WHERE member_id = ?', [m.id])
      .map((r) => r.id);
    const memberships = this.statements.all<{ clusterId: number; since: string | null }>(
      'SELECT cluster_id AS clusterId, since FROM memberships WHERE member_id = ?',
      [m.id],
    );
    return {
      slug: m.slug,
      name: m.name,
      organisationNumber: m.organisationNumber,
      kind: m.kind,
      sizeBand: m.sizeBand,
      municipality: municipalityRef(m.municipalityCode),
      website: m.website,
      description: { sv: m.descriptionSv, en: m.descriptionEn },
      createdAt: m.createdAt,
      updatedAt: m.updatedAt,
      areas: areaIds.flatMap((id) => {
        const a = taxonomy.areaById.get(id);
        return a ? [{ slug: a.slug, name: a.name }] : [];
      }),
      clusters: memberships.flatMap((ms) => {
        const c = taxonomy.clusterById.get(ms.clusterId);
        return c && c.status === 'published'
          ? [{ slug: c.slug, name: c.name, since: ms.since }]
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
      `SELECT m.id, m.slug, m.name, m.kind, m.municipality_code AS municipalityCode FROM member_areas ma
       JOIN members m ON m.id = ma.member_id
       WHERE ma.area_id = ? AND ma.member_id ${after ? '>' : '<'} ? AND m.status = 'published' ${notInClusters}
       ORDER BY ma.member_id ${after ? 'ASC' : 'DESC'} LIMIT 6`;
    type Row = {
      id: number;
      slug: string;
      name: string;
      kind: string;
      municipalityCode: string | null;
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
      clusters: (links.clusters.get(r.id) ?? []).flatMap((id) => {
        const c = taxonomy.clusterById.get(id);
        return c && c.status === 'published' ? [{ slug: c.slug, name: c.name }] : [];
      }),
    }));
  }

  /**
   * Published counts by area, cluster, municipality and kind, the cluster ×
   * area matrix and multi-cluster members: from the in-memory index in one
   * pass, or with SQL when the taxonomy is too large for the index.
   */
  private publishedCounts(): PublishedCounts {
    return this.cache.get('public:counts', () => {
      const taxonomy = loadTaxonomy(this.statements, this.cache);
      const publishedClusters = taxonomy.clusters
        .filter((c) => c.status === 'published')
        .map((c) => c.id);
      const index = this.directory.index(taxonomy);
      if (index) {
        const s = index.summary(taxonomy, ['published'], publishedClusters);
        // The 50 members in most clusters, by name within each count.
        const byCount = [...s.multiCluster.entries()].sort((a, b) => b[1] - a[1]);
        const threshold = byCount[Math.min(49, byCount.length - 1)]?.[1] ?? 2;
        const candidates = byCount.filter(([, n]) => n >= threshold);
        const top = this.statements
          .all<{ id: number; slug: string; name: string }>(
            'SELECT id, slug, name FROM members WHERE id IN (SELECT value FROM json_each(?)) ORDER BY sort_key',
            [JSON.stringify(candidates.map(([id]) => id))],
          )
          .map((r) => ({ slug: r.slug, name: r.name, n: s.multiCluster.get(r.id) ?? 0 }))
          .sort((a, b) => b.n - a.n)
          .slice(0, 50);
        return { ...s, multiCount: s.multiCluster.size, multiTop: top };
      }
      return this.sqlPublishedCounts();
    });
  }

  private sqlPublishedCounts(): PublishedCounts {
    const grouped = <K>(sql: string) =>
      new Map(this.statements.all<{ k: K; n: number }>(sql).map((r) => [r.k, r.n]));
    const matrix = new Map<number, Map<number, number>>();
    for (const r of this.statements.all<{ c: number; a: number; n: number }>(
      `SELECT ms.cluster_id AS c, ma.area_id AS a, count(*) AS n FROM memberships ms
       JOIN member_areas ma ON ma.member_id = ms.member_id
       JOIN members m ON m.id = ms.member_id AND m.status = 'published'
       GROUP BY ms.cluster_id, ma.area_id`,
    )) {
      matrix.set(r.c, (matrix.get(r.c) ?? new Map<number, number>()).set(r.a, r.n));
    }
    const coAreas = new Map<number, Map<number, number>>();
    for (const r of this.statements.all<{ a: number; b: number; n: number }>(
      `SELECT mine.area_id AS a, other.area_id AS b, count(*) AS n FROM member_areas mine
       JOIN member_areas other ON other.member_id = mine.member_id AND other.area_id <> mine.area_id
       JOIN members m ON m.id = mine.member_id AND m.status = 'published' GROUP BY mine.area_id, other.area_id`,
    )) {
      coAreas.set(r.a, (coAreas.get(r.a) ?? new Map<number, number>()).set(r.b, r.n));
    }
    const multiSql = `SELECT m.slug, m.name, m.sort_key, count(*) AS n FROM memberships ms
       JOIN members m ON m.id = ms.member_id AND m.status = 'published'
       JOIN clusters c ON c.id = ms.cluster_id AND c.status = 'published'
       GROUP BY ms.member_id HAVING count(*) > 1`;
    return {
      total:
        this.statements.one<{ n: number }>(
          "SELECT count(*) AS n FROM members WHERE status = 'published'",
        )?.n ?? 0,
      byArea: grouped<number>(
        "SELECT ma.area_id AS k, count(*) AS n FROM member_areas ma JOIN members m ON m.id = ma.member_id AND m.status = 'published' GROUP BY ma.area_id",
      ),
      byCluster: grouped<number>(
        "SELECT ms.cluster_id AS k, count(*) AS n FROM memberships ms JOIN members m ON m.id = ms.member_id AND m.status = 'published' GROUP BY ms.cluster_id",
      ),
      byMunicipality: grouped<string | null>(
        "SELECT municipality_code AS k, count(*) AS n FROM members WHERE status = 'published' GROUP BY municipality_code",
      ),
      byKind: grouped<string>(
        "SELECT kind AS k, count(*) AS n FROM members WHERE status = 'published' GROUP BY kind",
      ),
      matrix,
      coAreas,
      multiCount:
        this.statements.one<{ n: number }>(`SELECT count(*) AS n FROM (${multiSql})`)?.n ?? 0,
      multiTop: this.statements.all<{ slug: string; name: string; n: number }>(
        `${multiSql} ORDER BY n DESC, m.sort_key LIMIT 50`,
      ),
    };
  }

  statistics() {
    return this.cache.get('public:statistics', () => {
      const taxonomy = loadTaxonomy(this.statements, this.cache);
      const counts = this.publishedCounts();
      const clusters = this.clusters();
      const areas = this.areas();
      return {
        totalMembers: counts.total,
        totalClusters: clusters.length,
        totalAreas: areas.length,
        byArea: areas.map((a) => ({ slug: a.slug, name: a.name, count: a.memberCount })),
        byCluster: clusters.map((c) => ({ slug: c.slug, name: c.name, count: c.memberCount })),
        byMunicipality: [
          ...MUNICIPALITIES.map((m) => ({
            code: m.code,
            name: m.name,
            count: counts.byMunicipality.get(m.code) ?? 0,
          })),
          {
            code: OUTSIDE_SKANE,
            name: 'Utanför Skåne / Outside Skåne',
            count: counts.byMunicipality.get(null) ?? 0,
          },
        ],
        byKind: MEMBER_KINDS.map((k) => ({ kind: k, count: counts.byKind.get(k) ?? 0 })),
        clusterAreaMatrix: {
          areas: taxonomy.areas.map((a) => ({ slug: a.slug, name: a.name })),
          rows: clusters.map((c) => {
            const id = taxonomy.clusterBySlug.get(c.slug)?.id ?? -1;
            return {
              cluster: { slug: c.slug, name: c.name },
              counts: taxonomy.areas.map((a) => counts.matrix.get(id)?.get(a.id) ?? 0),
            };
          }),
        },
        multiClusterMembers: {
          count: counts.multiCount,
          top: counts.multiTop.map((r) => ({ slug: r.slug, name: r.name, clusterCount: r.n })),
        },
      };
    });
  }
}

interface PublishedCounts {
  total: number;
  byArea: Map<number, number>;
  byCluster: Map<number, number>;
  byMunicipality: Map<string | null, number>;
  byKind: Map<string, number>;
  matrix: Map<number, Map<number, number>>;
  coAreas: Map<number, Map<number, number>>;
  multiCount: number;
  multiTop: { slug: string; name: string; n: number }[];
}

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
  confidence: Confidence;
  sourceNote: string;
}
const CLUSTER_COLUMNS = `c.slug, c.name, c.short_name AS shortName, c.description_sv AS descriptionSv, c.description_en AS descriptionEn,
  c.website, c.email, c.city, c.municipality_code AS municipalityCode, c.founded_year AS foundedYear, c.logo_url AS logoUrl,
  c.confidence, c.source_note AS sourceNote`;

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
    confidence: c.confidence,
    sourceNote: c.sourceNote,
  };
}
