/**
 * The admin list's numbered pages and column sorts. The public directory walks
 * an index from a cursor (keyset) and never jumps; the admin list jumps to
 * "page 17 of 42" and sorts by any column either way, so it reads with OFFSET.
 * Raw SQL like the rest of the directory. Name and dates walk their indexes;
 * municipality and kind sort by a CASE over a fixed list (33 names, a handful
 * of kinds), which SQLite sorts with a top-N sorter — at 100,000 members a
 * matter of milliseconds for an admin's page, not the public hot path.
 */
import { MEMBER_KINDS, MUNICIPALITIES, type AdminMemberSort, type SortOrder } from '@cos/domain';
import { directoryColumns } from './directory-pages';
import type { DirectoryScope, RawRow, Where } from './directory-types';
import type { StatementCache } from './statement-cache';

/**
 * Whether a list reads with the public directory's cursor (keyset): its own
 * sorts in their own direction, without a page number. Anything else reads
 * with OFFSET (a numbered page, or a cursor that carries the offset).
 */
export function isKeysetSort(
  sort: AdminMemberSort,
  order: SortOrder,
  page: number | undefined,
): boolean {
  if (page !== undefined) return false;
  return (
    sort === 'relevance' ||
    (sort === 'name' && order === 'asc') ||
    (sort === 'newest' && order === 'desc')
  );
}

/** A CASE giving each value its position in a list (unknown values after the list). */
function rank(column: string, values: readonly string[]): string {
  const whens = values.map((v, i) => `WHEN '${v.replace(/'/g, "''")}' THEN ${i}`).join(' ');
  return `CASE ${column} ${whens} ELSE ${values.length} END`;
}

// Municipalities by name as Swedes alphabetise them (Å, Ä, Ö last), not by code.
const MUNICIPALITY_RANK = rank(
  'm.municipality_code',
  [...MUNICIPALITIES].sort((a, b) => a.name.localeCompare(b.name, 'sv')).map((m) => m.code),
);
const KIND_RANK = rank('m.kind', MEMBER_KINDS);

/** The ORDER BY of a sort (ties by name, then id, so every page is stable). */
export function orderBy(sort: Exclude<AdminMemberSort, 'relevance'>, order: SortOrder): string {
  const dir = order === 'asc' ? 'ASC' : 'DESC';
  switch (sort) {
    case 'name':
      return `m.sort_key ${dir}, m.id ${dir}`;
    case 'newest':
    case 'created':
      return `m.created_at ${dir}, m.id ${dir}`;
    case 'changed':
      return `m.updated_at ${dir}, m.id ${dir}`;
    case 'kind':
      return `${KIND_RANK} ${dir}, m.sort_key, m.id`;
    case 'municipality':
      // Members without a municipality (outside Skåne, not known) come last either way.
      return `m.municipality_code IS NULL, ${MUNICIPALITY_RANK} ${dir}, m.sort_key, m.id`;
  }
}

/** One page of rows (and one more, to tell whether there is a next) from `offset`. */
export function offsetPage(
  statements: StatementCache,
  scope: DirectoryScope,
  where: Where,
  sort: Exclude<AdminMemberSort, 'relevance'>,
  order: SortOrder,
  limit: number,
  offset: number,
): RawRow[] {
  const sql = `SELECT ${directoryColumns(scope)}, 0 AS cursorKey FROM members m WHERE ${where.sql}
    ORDER BY ${orderBy(sort, order)} LIMIT ? OFFSET ?`;
  return statements.all<RawRow>(sql, [...where.params, limit + 1, offset]);
}
