/** The statistics page: the published register counted by area, cluster, place and kind. */
import { MEMBER_KINDS, MUNICIPALITIES, NON_MUNICIPALITY_PLACES } from '@cos/domain';
import type { PublicReads } from './public-reads';
import type { PublishedCounts } from './published-counts';
import type { ResultCache } from './result-cache';
import type { StatementCache } from './statement-cache';
import { loadTaxonomy } from './taxonomy';

export class Statistics {
  constructor(
    private readonly statements: StatementCache,
    private readonly cache: ResultCache,
    private readonly reads: PublicReads,
    private readonly counts: PublishedCounts,
  ) {}

  overview() {
    // Reads public:clusters too, hence images.
    return this.cache.get(['members', 'clusters', 'areas', 'images'], 'public:statistics', () => {
      const taxonomy = loadTaxonomy(this.statements, this.cache);
      const counts = this.counts.get();
      const clusters = this.reads.clusters();
      const areas = this.reads.areas();
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
          // Outside Skåne and not known: two rows, never one (a missing code is no place).
          ...NON_MUNICIPALITY_PLACES.map((p) => ({
            code: p.value,
            name: `${p.label.sv} / ${p.label.en}`,
            count: counts.byMunicipality.get(p.value) ?? 0,
          })),
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
