/**
 * The member list's state (search, filters, sort, page) and its URL. The URL
 * is the source of truth: a list can be bookmarked, shared and restored with
 * the back button — the page number is in it, so "Sida 3 av 42" and the row
 * range are right after Back, with nothing remembered on the side. Values a
 * URL may carry but the API would refuse (an unknown kind, a malformed slug,
 * page 0) are dropped here instead of failing.
 */
import {
  ADMIN_MEMBER_SORTS,
  LIST_PAGE_MAX,
  MEMBER_KINDS,
  MUNICIPALITY_CODES,
  MUNICIPALITY_UNKNOWN,
  OUTSIDE_SKANE,
  SEARCH_QUERY_MAX,
  SIZE_BANDS,
  SLUG_PATTERN,
  STATUSES,
  SORT_ORDERS,
  type AdminMemberListQuery,
  type AdminMemberSort,
  type SortOrder,
  type Status,
} from '@cos/domain';
import type { ReadonlyParams } from './simple-list';

export const PAGE_SIZES = [20, 50, 100] as const;
export type DemoFilter = 'all' | 'only' | 'none';

export interface MemberListState {
  q: string;
  area: string[];
  cluster: string[];
  municipality: string[];
  kind: string[];
  size: string[];
  status: Status[];
  demo: DemoFilter;
  /** null: the server's default (relevance with search text, name otherwise). */
  sort: AdminMemberSort | null;
  /** null: the sort's natural direction (names A–Ö, dates newest first). */
  order: SortOrder | null;
  /** The page shown, from 1. */
  page: number;
  limit: number;
}

export type ListFilterKey = 'area' | 'cluster' | 'municipality' | 'kind' | 'size' | 'status';
export const LIST_FILTER_KEYS: readonly ListFilterKey[] = [
  'status',
  'area',
  'cluster',
  'municipality',
  'kind',
  'size',
];

export const DEFAULT_LIST_STATE: MemberListState = {
  q: '',
  area: [],
  cluster: [],
  municipality: [],
  kind: [],
  size: [],
  status: [],
  demo: 'all',
  sort: null,
  order: null,
  page: 1,
  limit: 20,
};

const municipalityValues = new Set<string>([
  ...MUNICIPALITY_CODES,
  OUTSIDE_SKANE,
  MUNICIPALITY_UNKNOWN,
]);
const validators: Record<ListFilterKey, (value: string) => boolean> = {
  area: (v) => SLUG_PATTERN.test(v) && v.length <= 80,
  cluster: (v) => SLUG_PATTERN.test(v) && v.length <= 80,
  municipality: (v) => municipalityValues.has(v),
  kind: (v) => (MEMBER_KINDS as readonly string[]).includes(v),
  size: (v) => (SIZE_BANDS as readonly string[]).includes(v),
  status: (v) => (STATUSES as readonly string[]).includes(v),
};

function many(params: ReadonlyParams, key: ListFilterKey): string[] {
  return [...new Set(params.getAll(key).filter(validators[key]))].slice(0, 40);
}

export function parseListState(params: ReadonlyParams): MemberListState {
  const sort = params.get('sort');
  const order = params.get('order');
  const demo = params.get('demo');
  const limit = Number(params.get('limit'));
  const page = Number(params.get('page'));
  return {
    q: (params.get('q') ?? '').slice(0, SEARCH_QUERY_MAX),
    area: many(params, 'area'),
    cluster: many(params, 'cluster'),
    municipality: many(params, 'municipality'),
    kind: many(params, 'kind'),
    size: many(params, 'size'),
    status: many(params, 'status') as Status[],
    demo: demo === 'only' || demo === 'none' ? demo : 'all',
    sort: (ADMIN_MEMBER_SORTS as readonly string[]).includes(sort ?? '')
      ? (sort as AdminMemberSort)
      : null,
    order: (SORT_ORDERS as readonly string[]).includes(order ?? '') ? (order as SortOrder) : null,
    page: Number.isInteger(page) && page >= 1 && page <= LIST_PAGE_MAX ? page : 1,
    limit: (PAGE_SIZES as readonly number[]).includes(limit) ? limit : DEFAULT_LIST_STATE.limit,
  };
}

/** What chooses the rows (search, filters, sort), without the page: as URL parameters. */
function filterParams(state: MemberListState): URLSearchParams {
  const params = new URLSearchParams();
  if (state.q.trim() !== '') params.set('q', state.q.trim());
  for (const key of LIST_FILTER_KEYS) for (const value of state[key]) params.append(key, value);
  if (state.demo !== 'all') params.set('demo', state.demo);
  if (state.sort) params.set('sort', state.sort);
  if (state.sort && state.order) params.set('order', state.order);
  return params;
}

/** The query string for a state, without defaults, in a stable order ("" for the default list). */
export function listStateToSearch(state: MemberListState): string {
  const params = filterParams(state);
  if (state.limit !== DEFAULT_LIST_STATE.limit) params.set('limit', String(state.limit));
  if (state.page > 1) params.set('page', String(state.page));
  const text = params.toString();
  return text === '' ? '' : `?${text}`;
}

/**
 * The list's current search, filters and sort as URL parameters, without the
 * page and page size: what an export of "this list" needs (every row, in the
 * list's order). The parameter names are the list's URL's own.
 */
export function listFilterParams(state: MemberListState): URLSearchParams {
  return filterParams(state);
}

/** The member.admin.list input for a state. */
export function listStateToQuery(state: MemberListState) {
  return {
    q: state.q.trim() === '' ? undefined : state.q.trim(),
    area: state.area,
    cluster: state.cluster,
    municipality: state.municipality,
    kind: state.kind,
    size: state.size,
    status: state.status,
    demo: state.demo === 'all' ? undefined : state.demo === 'only',
    sort: state.sort ?? undefined,
    order: state.sort && state.order ? state.order : undefined,
    page: state.page,
    limit: state.limit,
  } as Partial<AdminMemberListQuery> & { limit: number };
}

/** A changed search, filter, sort or page size starts again at the first page. */
export function updateListState(
  state: MemberListState,
  change: Partial<Omit<MemberListState, 'page'>>,
): MemberListState {
  return { ...state, ...change, page: 1 };
}

export function toggleFilter(
  state: MemberListState,
  key: ListFilterKey,
  value: string,
): MemberListState {
  const values = state[key] as string[];
  const next = values.includes(value) ? values.filter((v) => v !== value) : [...values, value];
  return updateListState(state, { [key]: next });
}

/** How many filters (not the search text) are in use. */
export function activeFilterCount(state: MemberListState): number {
  return (
    LIST_FILTER_KEYS.reduce((n, key) => n + state[key].length, 0) + (state.demo === 'all' ? 0 : 1)
  );
}

/** The published-only public CSV export can serve this list when it asks for nothing else. */
export function publicCsvSearch(state: MemberListState): string | null {
  if (state.status.length !== 1 || state.status[0] !== 'published' || state.demo !== 'all') {
    return null;
  }
  const { search } = new URL(
    listStateToSearch({
      ...state,
      status: [],
      sort: null,
      order: null,
      page: 1,
      limit: DEFAULT_LIST_STATE.limit,
    }),
    'http://x',
  );
  return search;
}

/** Columns the member table can show; the name is always shown. */
export const MEMBER_COLUMNS = [
  'status',
  'organisationNumber',
  'kind',
  'size',
  'municipality',
  'clusters',
  'areas',
  'website',
  'created',
  'updated',
] as const;
export type MemberColumn = (typeof MEMBER_COLUMNS)[number];
export const DEFAULT_COLUMNS: readonly MemberColumn[] = [
  'status',
  'organisationNumber',
  'municipality',
  'clusters',
  'updated',
];

/** The column choice kept in the browser; anything unreadable gives the default. */
export function parseColumns(stored: string | null): MemberColumn[] {
  try {
    const value: unknown = JSON.parse(stored ?? '');
    if (!Array.isArray(value)) return [...DEFAULT_COLUMNS];
    return MEMBER_COLUMNS.filter((c) => value.includes(c));
  } catch {
    return [...DEFAULT_COLUMNS];
  }
}
