/**
 * The admin export's text formats, one string chunk per batch of rows: CSV in
 * two dialects and JSON. A batch is written in one call (csv-stringify's sync
 * API on a thousand rows) rather than row by row through a stream, which
 * keeps the per-row cost low; the batches themselves arrive with event-loop
 * turns between them (adminExportBatches).
 */
import {
  ADMIN_EXPORT_COLUMNS,
  MEMBER_CSV_WRITE_OPTIONS,
  type AdminExportRow,
  type MemberExportFormat,
} from '@cos/domain';
import { stringify, type Options } from 'csv-stringify/sync';

export type CsvDialect = Extract<MemberExportFormat, 'csv' | 'csv-excel'>;

/**
 * Swedish Excel reads a semicolon-separated file with a byte-order mark as
 * UTF-8 in its own list separator; RFC 4180 is comma-separated, and a BOM
 * there would end up in the first heading of most other readers. Both end
 * records with CRLF, as RFC 4180 and Excel do.
 */
const DIALECTS: Record<CsvDialect, { delimiter: string; bom: boolean }> = {
  'csv-excel': { delimiter: ';', bom: true },
  csv: { delimiter: ',', bom: false },
};

/** The cells of a row, in column order: lists as "slug;slug", booleans as true/false. */
export function csvCells(row: AdminExportRow): (string | number | null)[] {
  return ADMIN_EXPORT_COLUMNS.map((column) => {
    const value = row[column];
    if (Array.isArray(value)) return value.join(';');
    if (typeof value === 'boolean') return value ? 'true' : 'false';
    return value;
  });
}

export async function* csvChunks(
  batches: AsyncIterable<AdminExportRow[]>,
  dialect: CsvDialect,
): AsyncGenerator<string> {
  const { delimiter, bom } = DIALECTS[dialect];
  // Every text cell formula-neutralised, every cell with a line break quoted (the member CSV contract).
  const options: Options = { ...MEMBER_CSV_WRITE_OPTIONS, delimiter, record_delimiter: '\r\n' };
  yield `${bom ? '\uFEFF' : ''}${stringify([[...ADMIN_EXPORT_COLUMNS]], { delimiter, record_delimiter: '\r\n' })}`;
  for await (const batch of batches) yield stringify(batch.map(csvCells), options);
}

/** A JSON array, values as stored and typed (no neutralising: JSON is not run by spreadsheets). */
export async function* jsonChunks(
  batches: AsyncIterable<AdminExportRow[]>,
): AsyncGenerator<string> {
  yield '[';
  let first = true;
  for await (const batch of batches) {
    const text = batch.map((row) => JSON.stringify(row)).join(',\n');
    yield `${first ? '\n' : ',\n'}${text}`;
    first = false;
  }
  yield first ? ']\n' : '\n]\n';
}
