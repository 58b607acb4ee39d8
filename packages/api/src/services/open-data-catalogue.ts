/**
 * When each open dataset last changed, and how many records it holds: what
 * the open-data page names beside each download and what the DCAT-AP-SE
 * description gives as dcterms:modified. A dataset changes when one of its
 * published records is written (updated_at) and when one leaves the public
 * data (deleted, archived, unpublished: only the audit trail remembers those).
 * Demo members are not open data (they are left out of the downloads).
 */
import type { ResultCache } from './result-cache';
import type { StatementCache } from './statement-cache';

export const OPEN_DATASETS = ['members', 'clusters', 'areas'] as const;
export type OpenDataset = (typeof OPEN_DATASETS)[number];

export interface DatasetFacts {
  dataset: OpenDataset;
  /** Published records in it now. */
  records: number;
  /** ISO time of its last change; null for a dataset that never held anything. */
  modified: string | null;
}

/** Published rows, their newest write, and the audit entity whose removals count too. */
const SOURCES: Record<OpenDataset, { rows: string; entity: string }> = {
  members: { rows: "FROM members WHERE status = 'published' AND is_demo = 0", entity: 'member' },
  clusters: { rows: "FROM clusters WHERE status = 'published'", entity: 'cluster' },
  areas: { rows: 'FROM areas', entity: 'area' },
};

const REMOVALS = "('delete', 'archive', 'unpublish')";

export class OpenDataCatalogue {
  constructor(
    private readonly statements: StatementCache,
    private readonly cache: ResultCache,
  ) {}

  datasets(): DatasetFacts[] {
    return this.cache.get(
      ['members', 'clusters', 'areas', 'audit'],
      'public:open-data-catalogue',
      () =>
        OPEN_DATASETS.map((dataset) => {
          const { rows, entity } = SOURCES[dataset];
          const row = this.statements.one<{
            records: number;
            written: string | null;
            removed: string | null;
          }>(
            `SELECT (SELECT count(*) ${rows}) AS records, (SELECT max(updated_at) ${rows}) AS written,
               (SELECT max(at) FROM audit_log WHERE entity = ? AND action IN ${REMOVALS}) AS removed`,
            [entity],
          );
          const times = [row?.written, row?.removed].filter((t): t is string => !!t);
          return {
            dataset,
            records: row?.records ?? 0,
            modified: times.length
              ? times
                  .map((t) => new Date(t).toISOString())
                  .sort()
                  .at(-1)!
              : null,
          };
        }),
    );
  }
}
