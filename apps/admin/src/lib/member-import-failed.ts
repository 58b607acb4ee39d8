/**
 * "Download failed rows": the rows of the person's own file that failed,
 * cell for cell as the file had them, with a column added that says why —
 * fix them in the spreadsheet and import that file again. Written with the
 * file's delimiter but always as UTF-8 with a byte-order mark: the browser
 * can only encode UTF-8, Excel opens such a file with å/ä/ö right, and our
 * reader takes it by its mark. Cells a spreadsheet would run as formulas are
 * neutralised (toCsv), and the import undoes that mark when read back.
 */
import { toCsv, type Delimiter } from './csv';

export interface FailedRowsInput {
  /** The file's header row and data rows, as read. */
  header: readonly string[];
  rows: readonly (readonly string[])[];
  delimiter: Delimiter;
  /** 1-based data rows that failed, each with its reason already worded. */
  failures: readonly { row: number; reason: string }[];
  reasonHeading: string;
}

export const FAILED_ROWS_BOM = '\uFEFF';

export function failedRowsCsv(input: FailedRowsInput): string {
  const failed = input.failures.map((f) => ({
    cells: input.rows[f.row - 1] ?? [],
    reason: f.reason,
  }));
  // Short rows (a spreadsheet leaves trailing blanks out) are padded, so the reasons share one column.
  const width = Math.max(input.header.length, ...failed.map((f) => f.cells.length));
  const pad = (cells: readonly string[]) => [
    ...cells,
    ...Array.from({ length: width - cells.length }, () => ''),
  ];
  return (
    FAILED_ROWS_BOM +
    toCsv(
      [
        [...pad(input.header), input.reasonHeading],
        ...failed.map((f) => [...pad(f.cells), f.reason]),
      ],
      input.delimiter,
    )
  );
}

/** `medlemmar.csv` → `medlemmar-felrader.csv` (the suffix in the person's language). */
export function failedRowsFileName(fileName: string, suffix: string): string {
  const base = fileName.replace(/\.(csv|txt|tsv)$/i, '') || 'import';
  return `${base}-${suffix}.csv`;
}

/** Offers text as a file download (the browser saves it; nothing leaves the page). */
export function saveTextFile(name: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: 'text/csv;charset=utf-8' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  // Revoked later, not at once: some browsers read the file after click() returns.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
