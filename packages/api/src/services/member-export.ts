/**
 * Every published member matching the directory filters, as flat rows for
 * CSV/JSON export. One streaming statement (iterate) keeps memory flat at any
 * size; areas and clusters come joined in as slug lists.
 */
import type { MemberDirectoryQuery } from '@cos/domain';
import type { Sqlite } from '@cos/db';
import { toFtsQuery } from './fts-query';

export const EXPORT_COLUMNS = [
  'slug',
  'name',
  'organisation_number',
  'kind',
  'size_band',
  'municipality_code',
  'municipality',
  'website',
  'description_sv',
  'description_en',
  'areas',
  'clusters',
  'updated_at',
] as const;
export type ExportRow = Record<(typeof EXPORT_COLUMNS)[number], string | null>;

export function* exportPublishedMembers(
  sqlite: Sqlite,
  query?: Partial<MemberDirectoryQuery>,
): Generator<ExportRow> {
  const parts = ["m.status = 'published'"];
  const params: unknown[] = [];
  const inList = (n: number) => Array.from({ length: n }, () => '?').join(',');
  if (query?.area?.length) {
    parts.push(
      `m.id IN (SELECT ma.member_id FROM member_areas ma JOIN areas a ON a.id = ma.area_id WHERE a.slug IN (${inList(query.area.length)}))`,
    );
    params.push(...query.area);
  }
  if (query?.cluster?.length) {
    parts.push(
      `m.id IN (SELECT ms.member_id FROM memberships ms JOIN clusters c ON c.id = ms.cluster_id WHERE c.slug IN (${inList(query.cluster.length)}))`,
    );
    params.push(...query.cluster);
  }
  if (query?.municipality?.length) {
    const codes = query.municipality.filter((c) => c !== 'outside');
    const alt = [`m.municipality_code IN (${inList(codes.length)})`];
    if (query.municipality.includes('outside')) alt.push('m.municipality_code IS NULL');
    parts.push(`(${alt.join(' OR ')})`);
    params.push(...codes);
  }
  if (query?.kind?.length) {
    parts.push(`m.kind IN (${inList(query.kind.length)})`);
    params.push(...query.kind);
  }
  if (query?.q !== undefined) {
    const fts = toFtsQuery(query.q);
    parts.push(fts ? 'm.id IN (SELECT rowid FROM member_search WHERE member_search MATCH ?)' : '0');
    if (fts) params.push(fts);
  }
  if (query?.size?.length) {
    parts.push(`m.size_band IN (${inList(query.size.length)})`);
    params.push(...query.size);
  }
  const statement = sqlite.prepare(
    `SELECT m.slug, m.name, m.organisation_number, m.kind, m.size_band, m.municipality_code, mu.name AS municipality,
       m.website, m.description_sv, m.description_en,
       (SELECT group_concat(a.slug, ';') FROM member_areas ma JOIN areas a ON a.id = ma.area_id WHERE ma.member_id = m.id) AS areas,
       (SELECT group_concat(c.slug, ';') FROM memberships ms JOIN clusters c ON c.id = ms.cluster_id
          WHERE ms.member_id = m.id AND c.status = 'published') AS clusters,
       m.updated_at
     FROM members m LEFT JOIN municipalities mu ON mu.code = m.municipality_code
     WHERE ${parts.join(' AND ')} ORDER BY m.sort_key, m.id`,
  );
  for (const row of statement.iterate(...params)) yield row as ExportRow;
}

/**
 * Spreadsheet programs run a cell that starts with = + - @ (or a tab or
 * carriage return) as a formula: a member's name could then call out or run
 * commands on a visitor's machine. CSV cells that would be read so get a
 * leading apostrophe, which Excel and LibreOffice show as text (OWASP's
 * advice for CSV injection). The JSON export keeps every value as stored.
 */
export function neutraliseFormula(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

/** csv-stringify options for member exports: header, UTF-8 BOM for Excel, formulas neutralised. */
export const MEMBER_CSV_OPTIONS = {
  header: true,
  columns: [...EXPORT_COLUMNS],
  bom: true,
  cast: { string: neutraliseFormula },
};

/** A JSON array written piece by piece, so an export of any size streams in flat memory. */
export function* jsonArrayChunks(rows: Iterable<unknown>): Generator<string> {
  yield '[';
  let first = true;
  for (const row of rows) {
    yield `${first ? '' : ','}\n${JSON.stringify(row)}`;
    first = false;
  }
  yield '\n]\n';
}
