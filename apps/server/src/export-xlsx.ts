/**
 * The admin export as an Excel workbook, written with exceljs's streaming
 * WorkbookWriter: each row is serialised and handed to the zip as it is
 * committed, so the workbook is never held whole (see README for why exceljs).
 *
 * exceljs does not wait for its output to be read (its row commits return at
 * once), so the pacing is ours: after each batch, if the response is full
 * (the client reads slower than we write), we wait for it to drain before
 * reading the next batch. Text cells are formula-neutralised like the CSV
 * (an XLSX string cell is not a formula, but Excel makes one of it the
 * moment someone edits the cell); numbers, dates and booleans are typed cells.
 */
import { PassThrough, type Writable } from 'node:stream';
import { setImmediate as nextTurn } from 'node:timers/promises';
import { ADMIN_EXPORT_COLUMNS, neutraliseFormula, type AdminExportRow } from '@cos/domain';
import ExcelJS from 'exceljs';

/** Column widths in characters, for a sheet that reads without resizing. */
const WIDTHS: Partial<Record<(typeof ADMIN_EXPORT_COLUMNS)[number], number>> = {
  id: 8,
  slug: 28,
  name: 34,
  organisation_number: 14,
  municipality: 16,
  website: 30,
  description_sv: 40,
  description_en: 40,
  areas: 24,
  clusters: 24,
  cluster_relations: 32,
  created_at: 20,
  updated_at: 20,
  version: 8,
};
const DATE_COLUMNS = new Set(['created_at', 'updated_at']);

/** The typed cells of a row: text neutralised, timestamps as dates, lists as "slug;slug". */
export function xlsxCells(row: AdminExportRow): (string | number | boolean | Date | null)[] {
  return ADMIN_EXPORT_COLUMNS.map((column) => {
    const value = row[column];
    if (value === null) return null;
    if (Array.isArray(value)) return neutraliseFormula(value.join(';'));
    if (DATE_COLUMNS.has(column) && typeof value === 'string') return new Date(value);
    return typeof value === 'string' ? neutraliseFormula(value) : value;
  });
}

/** Resolves when the stream wants more, or is gone (then the caller sees `destroyed`). */
function drained(stream: Writable): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      stream.off('drain', done);
      stream.off('close', done);
      resolve();
    };
    stream.on('drain', done);
    stream.on('close', done);
  });
}

/** The workbook's bytes as a stream; destroying it stops reading rows (and closes their source). */
export function xlsxStream(batches: AsyncIterable<AdminExportRow[]>): PassThrough {
  const out = new PassThrough();
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
    stream: out,
    useStyles: true,
    useSharedStrings: false,
  });
  workbook.creator = 'Clusters of Skåne';
  const sheet = workbook.addWorksheet('Members', {
    views: [{ state: 'frozen', ySplit: 1 }],
  });
  sheet.columns = ADMIN_EXPORT_COLUMNS.map((key) => ({
    key,
    width: WIDTHS[key] ?? 14,
    style: DATE_COLUMNS.has(key) ? { numFmt: 'yyyy-mm-dd hh:mm:ss' } : {},
  }));
  const header = sheet.addRow([...ADMIN_EXPORT_COLUMNS]);
  header.font = { bold: true };
  header.commit();

  void (async () => {
    try {
      for await (const batch of batches) {
        for (let i = 0; i < batch.length; i++) {
          // A workbook row costs several times a CSV row: a turn every 200 rows keeps each task short.
          if (i > 0 && i % 200 === 0) await nextTurn();
          sheet.addRow(xlsxCells(batch[i] as AdminExportRow)).commit();
        }
        if (out.writableNeedDrain) await drained(out);
        // The client went away: leaving the loop closes the rows' connection.
        if (out.destroyed) return;
      }
      sheet.commit();
      await workbook.commit();
    } catch (error) {
      out.destroy(error instanceof Error ? error : new Error(String(error)));
    }
  })();
  return out;
}
