/**
 * The server's import report laid out for the preview: one entry per file
 * row (create, update with its field changes, unchanged, duplicate, invalid
 * with its problems), counts per kind, a filter and pages. A 20,000-row file
 * is never rendered whole: the page shows one page of entries, and every
 * step here is a single pass over the rows.
 */

export const IMPORT_ACTIONS = ['create', 'update', 'unchanged', 'duplicate', 'invalid'] as const;
export type ImportAction = (typeof IMPORT_ACTIONS)[number];

export interface ReportProblem {
  row: number;
  line: number;
  field: string;
  message: string;
  code: string | null;
  params: Record<string, string | number>;
}

export interface ReportRow {
  row: number;
  line: number;
  action: ImportAction;
  name: string;
  match: { id: number; slug: string; name: string; version: number } | null;
  changes: { field: string; before: string | null; after: string | null }[];
}

/** The part of the server's report (member.admin.import) the preview reads. */
export interface ImportReportView {
  total: number;
  applied: boolean;
  dryRun: boolean;
  rows: ReportRow[];
  problems: ReportProblem[];
  duplicateRows: {
    row: number;
    line: number;
    name: string;
    existing: { slug: string; name: string } | null;
  }[];
}

export interface PreviewEntry extends ReportRow {
  problems: ReportProblem[];
  /** A member already registered that looks the same (by name), or null: an earlier row of the file. */
  duplicateOf: { slug: string; name: string } | null;
}

export function previewEntries(report: ImportReportView): PreviewEntry[] {
  const problems = new Map<number, ReportProblem[]>();
  for (const p of report.problems) {
    const list = problems.get(p.row);
    if (list) list.push(p);
    else problems.set(p.row, [p]);
  }
  const duplicates = new Map(report.duplicateRows.map((d) => [d.row, d.existing]));
  return report.rows.map((r) => ({
    ...r,
    problems: problems.get(r.row) ?? [],
    duplicateOf: duplicates.get(r.row) ?? null,
  }));
}

export type ImportCounts = Record<ImportAction, number>;

export function countByAction(entries: readonly { action: ImportAction }[]): ImportCounts {
  const counts: ImportCounts = { create: 0, update: 0, unchanged: 0, duplicate: 0, invalid: 0 };
  for (const e of entries) counts[e.action]++;
  return counts;
}

export type ImportFilter = 'all' | ImportAction;

/** The entries of one kind (or all), whose name or line number holds `query`. */
export function filterEntries(
  entries: readonly PreviewEntry[],
  filter: ImportFilter,
  query = '',
): PreviewEntry[] {
  const q = query.trim().toLocaleLowerCase('sv');
  return entries.filter(
    (e) =>
      (filter === 'all' || e.action === filter) &&
      (q === '' ||
        e.name.toLocaleLowerCase('sv').includes(q) ||
        (e.match?.name.toLocaleLowerCase('sv').includes(q) ?? false) ||
        String(e.line) === q),
  );
}

export interface Paged<T> {
  items: T[];
  page: number;
  pages: number;
  /** 1-based position of the first and last item shown (0 and 0 when there are none). */
  from: number;
  to: number;
  total: number;
}

export function pageOf<T>(list: readonly T[], page: number, size: number): Paged<T> {
  const pages = Math.max(1, Math.ceil(list.length / size));
  const current = Math.min(Math.max(1, Math.floor(page) || 1), pages);
  const start = (current - 1) * size;
  const items = list.slice(start, start + size);
  return {
    items,
    page: current,
    pages,
    from: items.length ? start + 1 : 0,
    to: start + items.length,
    total: list.length,
  };
}

/**
 * The members the preview matched, at the versions it saw: applying sends
 * them, so a member changed in between refuses the whole apply as a conflict.
 */
export function expectedVersions(
  report: Pick<ImportReportView, 'rows'>,
): { row: number; id: number; version: number }[] {
  const expected: { row: number; id: number; version: number }[] = [];
  for (const r of report.rows)
    if (r.match) expected.push({ row: r.row, id: r.match.id, version: r.match.version });
  return expected;
}

/** The rows a refused apply (or a preview) found wrong, each with every reason, in file order. */
export function failedRows(
  report: Pick<ImportReportView, 'problems'>,
): { row: number; line: number; problems: ReportProblem[] }[] {
  const byRow = new Map<number, { row: number; line: number; problems: ReportProblem[] }>();
  for (const p of report.problems) {
    const entry = byRow.get(p.row);
    if (entry) entry.problems.push(p);
    else byRow.set(p.row, { row: p.row, line: p.line, problems: [p] });
  }
  return [...byRow.values()].sort((a, b) => a.row - b.row);
}

/** The rows a conflict names (from the error's `current`), or null when it is not an import conflict. */
export function conflictRows(
  current: unknown,
): { row: number; line: number; name: string; version: number; expectedVersion: number }[] | null {
  if (!current || typeof current !== 'object' || !('rows' in current)) return null;
  const { rows } = current;
  if (!Array.isArray(rows)) return null;
  return rows.filter(
    (
      r,
    ): r is { row: number; line: number; name: string; version: number; expectedVersion: number } =>
      !!r && typeof r === 'object' && typeof (r as { row?: unknown }).row === 'number',
  );
}
