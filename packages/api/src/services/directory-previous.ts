/**
 * The directory's "previous page" under keyset pagination. A page is named by
 * the cursor of the row before it, so the way back is found by walking the
 * same index the other way from the page's first row: the `limit` rows
 * before it are the previous page, and the row before those (if any) is the
 * cursor that names it. Costs one more short index walk, only on pages after
 * the first; no page numbers or offsets, so deep pages stay as cheap as the
 * forward walk.
 */
import type { MemberSort } from '@cos/domain';
import { encodeCursor } from './cursor';
import { placeholders, type DirectoryScope, type RawRow } from './directory-types';
import { directoryWhere, type DirectoryFilters } from './directory-where';
import type { StatementCache } from './statement-cache';
import type { Taxonomy } from './taxonomy';

/** Ranked hits read per statement while walking back (as rankedPage reads forward). */
const RANK_CHUNK = 100;

/**
 * Where the previous page is: null when there is none (this page starts at
 * the first match); `{ cursor: null }` when it is the first page (asked for
 * without a cursor); otherwise the cursor to ask for it with.
 */
export type PreviousPage = { cursor: string | null } | null;

interface Boundary {
  id: number;
  key: string | number;
}

function answer(before: Boundary[], limit: number, sort: MemberSort): PreviousPage {
  if (before.length === 0) return null;
  const named = before[limit];
  return { cursor: named ? encodeCursor({ s: sort, k: named.key, id: named.id }) : null };
}

/** The previous page of a page in name or newest order that starts at `first`. */
export function previousSorted(
  statements: StatementCache,
  query: DirectoryFilters & { limit: number },
  scope: DirectoryScope,
  taxonomy: Taxonomy,
  sort: 'name' | 'newest',
  first: RawRow,
): PreviousPage {
  const where = directoryWhere(statements, query, scope, taxonomy, undefined, 'page');
  // The forward walk's order reversed: name A→Ö becomes Ö→A, newest first becomes oldest first.
  const sql =
    sort === 'newest'
      ? `SELECT m.id, m.created_at AS key FROM members m WHERE ${where.sql}
         AND (m.created_at > ? OR (m.created_at = ? AND m.id > ?))
         ORDER BY m.created_at ASC, m.id ASC LIMIT ?`
      : `SELECT m.id, m.sort_key AS key FROM members m WHERE ${where.sql}
         AND (m.sort_key < ? OR (m.sort_key = ? AND m.id < ?))
         ORDER BY m.sort_key DESC, m.id DESC LIMIT ?`;
  const before = statements.all<Boundary>(sql, [
    ...where.params,
    first.cursorKey,
    first.cursorKey,
    first.id,
    query.limit + 1,
  ]);
  return answer(before, query.limit, sort);
}

/**
 * The previous page of a page of search hits (relevance order) that starts at
 * position `first.cursorKey` of the ranked list: the hits before it that pass
 * the filters, read back in chunks.
 */
export function previousRanked(
  statements: StatementCache,
  ranked: Int32Array,
  query: DirectoryFilters & { limit: number },
  scope: DirectoryScope,
  taxonomy: Taxonomy,
  first: RawRow,
): PreviousPage {
  const where = directoryWhere(statements, query, scope, taxonomy, 'q', 'page');
  const sql = `SELECT m.id FROM members m WHERE m.id IN (${placeholders(RANK_CHUNK)}) AND ${where.sql}`;
  const before: Boundary[] = [];
  for (let end = Number(first.cursorKey); end > 0 && before.length <= query.limit;) {
    const start = Math.max(0, end - RANK_CHUNK);
    const chunk = Array.from(ranked.subarray(start, end));
    const padded = [...chunk, ...Array<number>(RANK_CHUNK - chunk.length).fill(-1)];
    const passing = new Set(
      statements.all<{ id: number }>(sql, [...padded, ...where.params]).map((r) => r.id),
    );
    for (let i = chunk.length - 1; i >= 0 && before.length <= query.limit; i--) {
      const id = chunk[i] ?? -1;
      if (passing.has(id)) before.push({ id, key: start + i });
    }
    end = start;
  }
  return answer(before, query.limit, 'relevance');
}
