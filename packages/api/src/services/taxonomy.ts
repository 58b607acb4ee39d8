/**
 * Areas, clusters and municipalities as small lookup tables. There are six
 * areas and a handful of clusters, so they are read once per data generation
 * and joined in memory instead of in every directory query.
 */
import { MUNICIPALITIES } from '@cos/domain';
import type { ResultCache } from './result-cache';
import type { StatementCache } from './statement-cache';

export interface AreaRef {
  id: number;
  slug: string;
  name: { sv: string; en: string };
  sortOrder: number;
}
export interface ClusterRef {
  id: number;
  slug: string;
  name: string;
  shortName: string;
  status: string;
}

export interface Taxonomy {
  areas: AreaRef[];
  areaById: Map<number, AreaRef>;
  areaBySlug: Map<string, AreaRef>;
  clusters: ClusterRef[];
  clusterById: Map<number, ClusterRef>;
  clusterBySlug: Map<string, ClusterRef>;
}

export function loadTaxonomy(statements: StatementCache, cache: ResultCache): Taxonomy {
  return cache.get(['areas', 'clusters'], 'taxonomy', () => {
    const areas = statements
      .all<{ id: number; slug: string; nameSv: string; nameEn: string; sortOrder: number }>(
        'SELECT id, slug, name_sv AS nameSv, name_en AS nameEn, sort_order AS sortOrder FROM areas ORDER BY sort_order, id',
      )
      .map((a) => ({
        id: a.id,
        slug: a.slug,
        name: { sv: a.nameSv, en: a.nameEn },
        sortOrder: a.sortOrder,
      }));
    const clusters = statements.all<ClusterRef>(
      'SELECT id, slug, name, short_name AS shortName, status FROM clusters ORDER BY sort_key, id',
    );
    return {
      areas,
      areaById: new Map(areas.map((a) => [a.id, a])),
      areaBySlug: new Map(areas.map((a) => [a.slug, a])),
      clusters,
      clusterById: new Map(clusters.map((c) => [c.id, c])),
      clusterBySlug: new Map(clusters.map((c) => [c.slug, c])),
    };
  });
}

const municipalityNames = new Map<string, string>(MUNICIPALITIES.map((m) => [m.code, m.name]));

export function municipalityRef(code: string | null): { code: string; name: string } | null {
  if (code === null) return null;
  return { code, name: municipalityNames.get(code) ?? code };
}

/** The taxonomy as the admin's pickers and labels need it. */
export class TaxonomyReads {
  constructor(
    private readonly statements: StatementCache,
    private readonly cache: ResultCache,
  ) {}

  /** Areas and clusters (every status) with their ids. */
  pickers() {
    const taxonomy = loadTaxonomy(this.statements, this.cache);
    return {
      areas: taxonomy.areas.map(({ id, slug, name }) => ({ id, slug, name })),
      clusters: taxonomy.clusters,
    };
  }
}
