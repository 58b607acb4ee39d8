import { describe, expect, it } from 'vitest';
import {
  conflictRows,
  countByAction,
  expectedVersions,
  failedRows,
  filterEntries,
  pageOf,
  previewEntries,
  type ImportAction,
  type ImportReportView,
} from './member-import-preview';

const match = (id: number, name: string, version: number) => ({
  id,
  slug: `m-${id}`,
  name,
  version,
});
const problem = (row: number, line: number, field: string, message: string) => ({
  row,
  line,
  field,
  message,
  code: null,
  params: {},
});

const report: ImportReportView = {
  total: 5,
  applied: false,
  dryRun: true,
  rows: [
    { row: 1, line: 2, action: 'create', name: 'Nya AB', match: null, changes: [] },
    {
      row: 2,
      line: 3,
      action: 'update',
      name: 'Hälsans Hus AB',
      match: match(7, 'Halsans Hus AB', 4),
      changes: [{ field: 'name', before: 'Halsans Hus AB', after: 'Hälsans Hus AB' }],
    },
    { row: 3, line: 5, action: 'unchanged', name: 'Åkes', match: match(9, 'Åkes', 1), changes: [] },
    { row: 4, line: 6, action: 'invalid', name: 'Fel AB', match: null, changes: [] },
    { row: 5, line: 7, action: 'duplicate', name: 'Ericsson', match: null, changes: [] },
  ],
  problems: [problem(4, 6, 'kind', 'bad kind'), problem(4, 6, 'municipality', 'not in Skåne')],
  duplicateRows: [
    { row: 5, line: 7, name: 'Ericsson', existing: { slug: 'ericsson', name: 'Ericsson AB' } },
  ],
};

describe('the import preview', () => {
  const entries = previewEntries(report);

  it('joins each row with its problems and likely duplicate', () => {
    expect(
      entries.map((e) => [e.line, e.action, e.problems.length, e.duplicateOf?.slug ?? null]),
    ).toEqual([
      [2, 'create', 0, null],
      [3, 'update', 0, null],
      [5, 'unchanged', 0, null],
      [6, 'invalid', 2, null],
      [7, 'duplicate', 0, 'ericsson'],
    ]);
  });

  it('counts every kind', () => {
    expect(countByAction(entries)).toEqual({
      create: 1,
      update: 1,
      unchanged: 1,
      duplicate: 1,
      invalid: 1,
    });
  });

  it('filters by kind and by name (either spelling of a match) or line', () => {
    expect(filterEntries(entries, 'update').map((e) => e.row)).toEqual([2]);
    expect(filterEntries(entries, 'all', 'halsans').map((e) => e.row)).toEqual([2]);
    expect(filterEntries(entries, 'all', 'ÅKES').map((e) => e.row)).toEqual([3]);
    expect(filterEntries(entries, 'all', '6').map((e) => e.row)).toEqual([4]);
    expect(filterEntries(entries, 'create', 'fel')).toEqual([]);
  });

  it('pages a 20,000-row list without showing more than a page', () => {
    const many = Array.from({ length: 20_000 }, (_, i) => i + 1);
    expect(pageOf(many, 1, 50)).toMatchObject({
      page: 1,
      pages: 400,
      from: 1,
      to: 50,
      total: 20_000,
    });
    const last = pageOf(many, 400, 50);
    expect([last.items.length, last.items[0], last.from, last.to]).toEqual([
      50, 19_951, 19_951, 20_000,
    ]);
    // A page past the end (the list got shorter) shows the last one; an empty list has one empty page.
    expect(pageOf(many.slice(0, 120), 9, 50)).toMatchObject({ page: 3, from: 101, to: 120 });
    expect(pageOf([], 1, 50)).toMatchObject({ page: 1, pages: 1, from: 0, to: 0, items: [] });
  });

  it('sends the versions of the members it matched', () => {
    expect(expectedVersions(report)).toEqual([
      { row: 2, id: 7, version: 4 },
      { row: 3, id: 9, version: 1 },
    ]);
  });

  it('lists failed rows once each, with every reason, in file order', () => {
    const failed = failedRows({ problems: [problem(9, 12, 'name', 'x'), ...report.problems] });
    expect(failed.map((f) => [f.row, f.line, f.problems.map((p) => p.field)])).toEqual([
      [4, 6, ['kind', 'municipality']],
      [9, 12, ['name']],
    ]);
  });

  it("reads the rows an import conflict names, and nothing else's", () => {
    const rows = [{ row: 2, line: 3, id: 7, name: 'Hälsans', version: 5, expectedVersion: 4 }];
    expect(conflictRows({ rows })).toEqual(rows);
    expect(conflictRows({ id: 7, version: 5 })).toBeNull();
    expect(conflictRows(null)).toBeNull();
  });

  it('knows every action the server sends', () => {
    const actions: ImportAction[] = ['create', 'update', 'unchanged', 'duplicate', 'invalid'];
    expect(Object.keys(countByAction([]))).toEqual(actions);
  });
});
