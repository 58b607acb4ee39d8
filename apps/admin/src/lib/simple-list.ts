/**
 * Lists of the small collections (clusters, areas, articles, users): the
 * server sends all of them (a few dozen to a few hundred rows), so search,
 * status filter, sort and paging happen here — and the URL still holds them.
 */
import { STATUSES, type Status } from '@cos/domain';

export interface SimpleListState {
  q: string;
  status: Status | null;
  sort: string;
  page: number;
}

export const SIMPLE_PAGE_SIZE = 50;

/** What is read from a URL's query (SvelteKit's page.url.searchParams is read-only). */
export type ReadonlyParams = Pick<URLSearchParams, 'get' | 'getAll' | 'has'>;

export function parseSimpleListState(
  params: ReadonlyParams,
  sorts: readonly string[],
): SimpleListState {
  const status = params.get('status');
  const sort = params.get('sort') ?? '';
  const page = Number(params.get('page'));
  return {
    q: (params.get('q') ?? '').slice(0, 100),
    status: (STATUSES as readonly string[]).includes(status ?? '') ? (status as Status) : null,
    sort: sorts.includes(sort) ? sort : (sorts[0] ?? ''),
    page: Number.isInteger(page) && page > 1 ? page : 1,
  };
}

export function simpleListToSearch(state: SimpleListState, sorts: readonly string[]): string {
  const params = new URLSearchParams();
  if (state.q.trim()) params.set('q', state.q.trim());
  if (state.status) params.set('status', state.status);
  if (state.sort && state.sort !== sorts[0]) params.set('sort', state.sort);
  if (state.page > 1) params.set('page', String(state.page));
  const text = params.toString();
  return text ? `?${text}` : '';
}

/** Lower-cased, accents kept apart from their letters removed: "Malmö" matches "malmo". */
export function foldText(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLocaleLowerCase('sv');
}

export interface SimpleListSpec<T> {
  text: (item: T) => string;
  status?: (item: T) => string;
  sorts: Record<string, (a: T, b: T) => number>;
}

export function applySimpleList<T>(
  items: readonly T[],
  state: SimpleListState,
  spec: SimpleListSpec<T>,
): { rows: T[]; total: number; pages: number } {
  const words = foldText(state.q).split(/\s+/).filter(Boolean);
  const filtered = items.filter((item) => {
    if (state.status && spec.status && spec.status(item) !== state.status) return false;
    const haystack = foldText(spec.text(item));
    return words.every((w) => haystack.includes(w));
  });
  const compare = spec.sorts[state.sort];
  if (compare) filtered.sort(compare);
  const pages = Math.max(1, Math.ceil(filtered.length / SIMPLE_PAGE_SIZE));
  const page = Math.min(state.page, pages);
  return {
    rows: filtered.slice((page - 1) * SIMPLE_PAGE_SIZE, page * SIMPLE_PAGE_SIZE),
    total: filtered.length,
    pages,
  };
}
