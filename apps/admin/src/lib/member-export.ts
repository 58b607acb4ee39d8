/**
 * CSV export of the member list as the admin sees it (any status, current
 * filters), built in the browser from the same list query. The columns are
 * the open-data export's, plus status, so an exported file imports again
 * (MEMBER_ADMIN_EXPORT_COLUMNS in the domain's member CSV contract).
 */
import { MEMBER_ADMIN_EXPORT_COLUMNS } from '@cos/domain';
import { toCsv } from './csv';

export const EXPORT_HEADER = MEMBER_ADMIN_EXPORT_COLUMNS;

export interface ExportItem {
  slug: string;
  name: string;
  organisationNumber: string | null;
  kind: string;
  sizeBand: string | null;
  municipality: { code: string; name: string } | null;
  website: string | null;
  description: { sv: string; en: string };
  areas: { slug: string }[];
  clusters: { slug: string }[];
  status: string;
  updatedAt: string;
}

export function exportRow(item: ExportItem): string[] {
  return [
    item.slug,
    item.name,
    item.organisationNumber ?? '',
    item.kind,
    item.sizeBand ?? '',
    item.municipality?.code ?? '',
    item.municipality?.name ?? '',
    item.website ?? '',
    item.description.sv,
    item.description.en,
    item.areas.map((a) => a.slug).join(';'),
    item.clusters.map((c) => c.slug).join(';'),
    item.status,
    item.updatedAt,
  ];
}

/** The file's text, with a byte-order mark so Excel reads it as UTF-8. */
export function membersToCsv(items: readonly ExportItem[]): string {
  return `\uFEFF${toCsv([[...EXPORT_HEADER], ...items.map(exportRow)])}`;
}

/** Walks every page of a cursor-paginated list (up to `max` items), reporting progress. */
export async function collectPages<T>(
  fetchPage: (
    cursor: string | undefined,
  ) => Promise<{ items: T[]; nextCursor: string | null; total: number }>,
  options: {
    max: number;
    onProgress?: (done: number, total: number) => void;
    signal?: AbortSignal;
  },
): Promise<{ items: T[]; total: number; truncated: boolean }> {
  const items: T[] = [];
  let cursor: string | undefined;
  let total: number;
  for (;;) {
    if (options.signal?.aborted) throw new DOMException('Export stopped', 'AbortError');
    const page = await fetchPage(cursor);
    total = page.total;
    items.push(...page.items);
    options.onProgress?.(Math.min(items.length, total), Math.min(total, options.max));
    if (!page.nextCursor || items.length >= options.max) break;
    cursor = page.nextCursor;
  }
  return { items: items.slice(0, options.max), total, truncated: total > options.max };
}
