/**
 * CSV import of members, the browser's part: guess which column holds which
 * field (the person can change it) and turn rows into the API's import rows.
 * The checks themselves — the shared schema, references, matches, duplicates
 * — run on the server (member.admin.import with dryRun), so the preview shows
 * exactly what applying will do (member-import-preview.ts lays it out), and
 * applying writes every row or none, in one transaction.
 */
import {
  guessImportColumns,
  IMPORT_FIELDS,
  restoreFormula,
  type ImportField,
  type ImportRow,
} from '@cos/domain';
import { toCsv } from './csv';

export { IMPORT_FIELDS, type ImportField, type ImportRow };

/** Column index → field (null: the column is not imported). */
export type ColumnMapping = (ImportField | null)[];

/** A guess for each column from its header (the domain's synonyms); each field goes to one column at most. */
export const guessMapping: (headers: readonly string[]) => ColumnMapping = guessImportColumns;

/** A field may be chosen for one column only; choosing it again clears it elsewhere. */
export function assignColumn(
  mapping: ColumnMapping,
  column: number,
  field: ImportField | null,
): ColumnMapping {
  return mapping.map((current, i) => {
    if (i === column) return field;
    return field !== null && current === field ? null : current;
  });
}

/** The data rows (without the header) as the API's import rows. */
export function toImportRows(
  rows: readonly (readonly string[])[],
  mapping: ColumnMapping,
): ImportRow[] {
  return rows.map((row) => {
    const out: ImportRow = {};
    mapping.forEach((field, column) => {
      // Undo the apostrophe an export puts before formula-like cells.
      if (field) out[field] = restoreFormula(row[column] ?? '');
    });
    return out;
  });
}

/**
 * The rows as a CSV the server's import route reads (headers are our field
 * names, which it recognises): for files too large for one JSON request.
 */
export function importRowsToCsv(rows: readonly ImportRow[]): string {
  const fields = IMPORT_FIELDS.filter((f) => rows.some((r) => r[f] !== undefined));
  return toCsv([fields, ...rows.map((r) => fields.map((f) => r[f] ?? ''))]);
}

/** A JSON tRPC body above this goes to the CSV route instead (the JSON limit is 5 MB). */
export const JSON_IMPORT_LIMIT = 4 * 1024 * 1024;
