/**
 * The member list's state (search, filters, sort, page) and its URL. The URL
 * is the source of truth: a list can be bookmarked, shared and restored with
 * the back button. Values a URL may carry but the API would refuse (an
 * unknown kind, a malformed slug) are dropped here instead of failing.
 */
import {
  MEMBER_KINDS,
  MEMBER_SORTS,
  MUNICIPALITY_CODES,
  OUTSIDE_SKANE,
  SEARCH_QUERY_MAX,
  SIZE_BANDS,
  SLUG_PATTERN,
  STATUSES,
  type AdminMemberListQuery,
  type MemberSort,
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
  sort: MemberSort | null;
  cursor: string | null;
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
  cursor: null,
  limit: 20,
};

const municipalityValues = new Set<string>([...MUNICIPALITY_CODES, OUTSIDE_SKANE]);
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
  const demo = params.get('demo');
  const limit = Number(params.get('limit'));
  const cursor = params.get('cursor');
  return {
    q: (params.get('q') ?? '').slice(0, SEARCH_QUERY_MAX),
    area: many(params, 'area'),
    cluster: many(params, 'cluster'),
    municipality: many(params, 'municipality'),
    kind: many(params, 'kind'),
    size: many(params, 'size'),
    status: many(params, 'status') as Status[],
    demo: demo === 'only' || demo === 'none' ? demo : 'all',
    sort: (MEMBER_SORTS as readonly string[]).includes(sort ?? '') ? (sort as MemberSort) : null,
    cursor: cursor && cursor.length <= 500 ? cursor : null,
    limit: (PAGE_SIZES as readonly number[]).includes(limit) ? limit : DEFAULT_LIST_STATE.limit,
  };
}

/** The query string for a state, without defaults, in a stable order ("" for the default list). */
export function listStateToSearch(state: MemberListState): string {
  const params = new URLSearchParams();
  if (state.q.trim() !== '') params.set('q', state.q.trim());
  for (const key of LIST_FILTER_KEYS) for (const value of state[key]) params.append(key, value);
  if (state.demo !== 'all') params.set('demo', state.demo);
  if (state.sort) params.set('sort', state.sort);
  if (state.limit !== DEFAULT_LIST_STATE.limit) params.set('limit', String(state.limit));
  if (state.cursor) params.set('cursor', state.cursor);
  const text = params.toString();
  return text === '' ? '' : `?${text}`;
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
    cursor: state.cursor ?? undefined,
    limit: state.limit,
  } as Partial<AdminMemberListQuery> & { limit: number };
}

/** A changed search, filter, sort or page size starts again at the first page. */
export function updateListState(
  state: MemberListState,
  change: Partial<Omit<MemberListState, 'cursor'>>,
): MemberListState {
  return { ...state, ...change, cursor: null };
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
      cursor: null,
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
