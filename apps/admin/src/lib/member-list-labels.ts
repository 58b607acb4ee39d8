/** The members list's filter and column titles, its counted words, and the columns each browser keeps shown. */
import type { Locale, MessageKey } from './i18n';
import { translate } from './i18n';
import { MEMBER_COLUMNS, parseColumns, type ListFilterKey, type MemberColumn } from './list-state';

export const FILTER_TITLES: Record<ListFilterKey, MessageKey> = {
  status: 'members.filter.status',
  area: 'members.filter.area',
  cluster: 'members.filter.cluster',
  municipality: 'members.filter.municipality',
  kind: 'members.filter.kind',
  size: 'members.filter.size',
};

export const COLUMN_TITLES: Record<MemberColumn, MessageKey> = {
  status: 'members.col.status',
  organisationNumber: 'members.col.organisationNumber',
  kind: 'members.col.kind',
  size: 'members.col.size',
  municipality: 'members.col.municipality',
  clusters: 'members.col.clusters',
  areas: 'members.col.areas',
  website: 'members.col.website',
  created: 'members.col.created',
  updated: 'members.col.updated',
};

/** Words whose form follows a count, each with a .one and a .many message. */
export type CountedWord = 'members.selected' | 'members.hits' | 'members.count';

/** "1 vald", "2 valda"; "1 träff", "1 234 träffar" (the number in the locale's own form). */
export function counted(locale: Locale, word: CountedWord, count: number): string {
  return translate(locale, `${word}.${count === 1 ? 'one' : 'many'}`, { count });
}

const COLUMNS_KEY = 'cos-admin-member-columns';

/** The columns this browser last chose (or the default set). */
export function storedColumns(): MemberColumn[] {
  try {
    return parseColumns(localStorage.getItem(COLUMNS_KEY));
  } catch {
    return parseColumns(null);
  }
}

/** Shows or hides one column, in the columns' own order, and remembers the choice. */
export function toggleColumn(
  columns: readonly MemberColumn[],
  column: MemberColumn,
  on: boolean,
): MemberColumn[] {
  const next = MEMBER_COLUMNS.filter((c) => (c === column ? on : columns.includes(c)));
  try {
    localStorage.setItem(COLUMNS_KEY, JSON.stringify(next));
  } catch {
    // Not kept; fine for this visit.
  }
  return next;
}
