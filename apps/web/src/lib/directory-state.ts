/**
 * The member directory's whole state lives in its URL, so any view can be
 * shared or bookmarked and the plain GET form works without JavaScript.
 * Reading is forgiving: unknown values from a hand-edited or old link are
 * dropped rather than turned into an error page.
 */
import {
  MEMBER_KINDS,
  MEMBER_SORTS,
  MUNICIPALITY_CODES,
  MUNICIPALITY_UNKNOWN,
  OUTSIDE_SKANE,
  SEARCH_QUERY_MAX,
  SIZE_BANDS,
  SLUG_PATTERN,
  type MemberDirectoryQueryInput,
  type MemberFilterKey,
  type MemberSort,
} from '@cos/domain';

export const FILTER_KEYS: readonly MemberFilterKey[] = [
  'area',
  'cluster',
  'municipality',
  'kind',
  'size',
];
export const PAGE_SIZE = 20;
const MAX_VALUES = 40;
const MAX_PAGE = 10_000;

export interface DirectoryState {
  q: string;
  area: string[];
  cluster: string[];
  municipality: string[];
  kind: string[];
  size: string[];
  /** Absent: the default (relevance with search text, name otherwise). */
  sort?: MemberSort;
  cursor?: string;
  /** The page number shown to the visitor; the cursor does the real work. */
  page: number;
}

export const EMPTY_STATE: DirectoryState = {
  q: '',
  area: [],
  cluster: [],
  municipality: [],
  kind: [],
  size: [],
  page: 1,
};

const MUNICIPALITY_VALUES = new Set<string>([
  ...MUNICIPALITY_CODES,
  OUTSIDE_SKANE,
  MUNICIPALITY_UNKNOWN,
]);
const ACCEPT: Record<MemberFilterKey, (value: string) => boolean> = {
  area: (v) => SLUG_PATTERN.test(v) && v.length <= 80,
  cluster: (v) => SLUG_PATTERN.test(v) && v.length <= 80,
  municipality: (v) => MUNICIPALITY_VALUES.has(v),
  kind: (v) => (MEMBER_KINDS as readonly string[]).includes(v),
  size: (v) => (SIZE_BANDS as readonly string[]).includes(v),
};

/** Anything with getAll/get, e.g. URLSearchParams or FormData. */
export interface ParamSource {
  get(name: string): unknown;
  getAll(name: string): unknown[];
}

export function stateFromParams(params: ParamSource): DirectoryState {
  const text = (name: string) => {
    const value = params.get(name);
    return typeof value === 'string' ? value : '';
  };
  const list = (key: MemberFilterKey) =>
    [
      ...new Set(
        params
          .getAll(key)
          .filter((v): v is string => typeof v === 'string')
          .map((v) => v.trim()),
      ),
    ]
      .filter(ACCEPT[key])
      .slice(0, MAX_VALUES);
  const sort = text('sort');
  const cursor = text('cursor').trim();
  const page = Number.parseInt(text('p'), 10);
  return {
    q: text('q').replace(/\s+/g, ' ').trim().slice(0, SEARCH_QUERY_MAX),
    area: list('area'),
    cluster: list('cluster'),
    municipality: list('municipality'),
    kind: list('kind'),
    size: list('size'),
    ...((MEMBER_SORTS as readonly string[]).includes(sort) ? { sort: sort as MemberSort } : {}),
    ...(cursor && cursor.length <= 500 ? { cursor } : {}),
    page: cursor && Number.isInteger(page) && page > 1 && page <= MAX_PAGE ? page : 1,
  };
}

/** The canonical query string: fixed key order, empty values left out. */
export function stateToParams(state: DirectoryState): URLSearchParams {
  const params = new URLSearchParams();
  if (state.q) params.set('q', state.q);
  for (const key of FILTER_KEYS) for (const value of state[key]) params.append(key, value);
  if (state.sort) params.set('sort', state.sort);
  if (state.cursor) {
    params.set('cursor', state.cursor);
    if (state.page > 1) params.set('p', String(state.page));
  }
  return params;
}

/** A directory address for a state: `base` is /medlemmar or /en/members. */
export function directoryHref(base: string, state: DirectoryState): string {
  const query = stateToParams(state).toString();
  return query ? `${base}?${query}` : base;
}

/** The state without paging: any change of search or filters starts from page one. */
export function firstPage(state: DirectoryState): DirectoryState {
  const { cursor: _cursor, ...rest } = state;
  return { ...rest, page: 1 };
}

export function withoutValue(
  state: DirectoryState,
  key: MemberFilterKey,
  value: string,
): DirectoryState {
  return { ...firstPage(state), [key]: state[key].filter((v) => v !== value) };
}

export function withoutText(state: DirectoryState): DirectoryState {
  return { ...firstPage(state), q: '', sort: state.sort === 'relevance' ? undefined : state.sort };
}

export function nextPage(state: DirectoryState, cursor: string): DirectoryState {
  return { ...state, cursor, page: state.page + 1 };
}

/** The page before: the first page when `cursor` is null (it needs none). */
export function previousPage(state: DirectoryState, cursor: string | null): DirectoryState {
  return cursor === null
    ? firstPage(state)
    : { ...state, cursor, page: Math.max(2, state.page - 1) };
}

export function hasFilters(state: DirectoryState): boolean {
  return FILTER_KEYS.some((key) => state[key].length > 0);
}

/** The tRPC input for a state. */
export function toQuery(state: DirectoryState): MemberDirectoryQueryInput {
  return {
    ...(state.q ? { q: state.q } : {}),
    area: state.area,
    cluster: state.cluster,
    municipality: state.municipality,
    kind: state.kind,
    size: state.size,
    ...(state.sort ? { sort: state.sort } : {}),
    ...(state.cursor ? { cursor: state.cursor } : {}),
    limit: PAGE_SIZE,
  };
}

/**
 * The canonical query string for what the URL asks ("" or "?…"), or null when
 * the URL already is canonical. A GET form sends empty fields (`sort=`) and
 * old links may hold unknown values: redirecting once keeps shared URLs clean.
 */
export function canonicalRedirect(search: string): string | null {
  const current = new URLSearchParams(search);
  const canonical = stateToParams(stateFromParams(current)).toString();
  return canonical === current.toString() ? null : canonical ? `?${canonical}` : '';
}
