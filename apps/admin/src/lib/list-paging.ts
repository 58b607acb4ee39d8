/**
 * Sorting the member list by its column headers and moving between its
 * numbered pages: pure functions of the list state (list-state.ts), so the
 * headers, the pager and the URL always agree.
 */
import { defaultSortOrder, LIST_PAGE_MAX, type AdminMemberSort, type SortOrder } from '@cos/domain';
import { updateListState, type MemberListState } from './list-state';

/** The same list on another page. */
export function toPage(state: MemberListState, page: number): MemberListState {
  return { ...state, page: Math.min(Math.max(1, Math.trunc(page)), LIST_PAGE_MAX) };
}

/** The columns whose headers sort the list, and the sort each one asks for. */
export const SORTABLE_COLUMNS = {
  name: 'name',
  municipality: 'municipality',
  kind: 'kind',
  created: 'created',
  updated: 'changed',
} as const satisfies Record<string, AdminMemberSort>;
export type SortableColumn = keyof typeof SORTABLE_COLUMNS;

export function isSortable(column: string): column is SortableColumn {
  return Object.hasOwn(SORTABLE_COLUMNS, column);
}

/** The sort the list is in (as the server reads it: relevance with search text, else name). */
export function effectiveSort(state: MemberListState): {
  sort: AdminMemberSort;
  order: SortOrder;
} {
  const sort = state.sort ?? (state.q.trim() !== '' ? 'relevance' : 'name');
  // "Newest" is the created column, newest first.
  const column = sort === 'newest' ? 'created' : sort;
  return { sort: column, order: state.order ?? defaultSortOrder(sort) };
}

/** How a column's header tells assistive technology the list is sorted (aria-sort). */
export function ariaSort(
  state: MemberListState,
  column: SortableColumn,
): 'ascending' | 'descending' | 'none' {
  const { sort, order } = effectiveSort(state);
  if (sort !== SORTABLE_COLUMNS[column]) return 'none';
  return order === 'asc' ? 'ascending' : 'descending';
}

/**
 * A click on a column's header: the list sorted by it in its natural direction,
 * or, when it already is, the other way round. Back to the first page.
 */
export function sortByColumn(state: MemberListState, column: SortableColumn): MemberListState {
  const wanted = SORTABLE_COLUMNS[column];
  const { sort, order } = effectiveSort(state);
  if (sort !== wanted) return updateListState(state, { sort: wanted, order: null });
  const flipped: SortOrder = order === 'asc' ? 'desc' : 'asc';
  return updateListState(state, {
    sort: wanted,
    order: flipped === defaultSortOrder(wanted) ? null : flipped,
  });
}

/**
 * The page numbers a pager shows: the first and last, and two either side of
 * the current one, with a gap (null) where pages are left out.
 * pageNumbers(7, 42) → [1, null, 5, 6, 7, 8, 9, null, 42].
 */
export function pageNumbers(page: number, pages: number): (number | null)[] {
  const shown = new Set([1, pages]);
  for (let p = page - 2; p <= page + 2; p++) if (p >= 1 && p <= pages) shown.add(p);
  const sorted = [...shown].sort((a, b) => a - b);
  const out: (number | null)[] = [];
  for (const p of sorted) {
    const previous = out[out.length - 1];
    // A gap of exactly one page shows that page rather than "…".
    if (typeof previous === 'number' && p - previous === 2) out.push(previous + 1);
    else if (typeof previous === 'number' && p - previous > 2) out.push(null);
    out.push(p);
  }
  return out;
}
