/**
 * Bulk writes and the member search index. Row by row, triggers keep
 * member_search in step (three index writes per new member with areas and
 * clusters). A bulk write instead pauses those triggers inside its own
 * transaction, inserts, and rebuilds the index rows of the new members in one
 * statement — several times faster, and still all-or-nothing.
 */
import type { Sqlite } from './client';

/** Runs fn with the search triggers paused. Call it inside a transaction. */
export function withSearchSyncPaused<T>(sqlite: Sqlite, fn: () => T): T {
  if (!sqlite.inTransaction) throw new Error('withSearchSyncPaused must run inside a transaction');
  sqlite.prepare('INSERT INTO search_sync_paused (id) VALUES (1)').run();
  try {
    return fn();
  } finally {
    sqlite.prepare('DELETE FROM search_sync_paused').run();
  }
}

/** Writes the search rows of every member with an id above `afterId` (the bulk's new members). */
export function indexMembersAfter(sqlite: Sqlite, afterId: number): void {
  sqlite.prepare('DELETE FROM member_search WHERE rowid > ?').run(afterId);
  sqlite
    .prepare(
      `INSERT INTO member_search (rowid, name, description, areas, clusters)
       SELECT m.id, m.name, m.description_sv || ' ' || m.description_en,
         coalesce((SELECT group_concat(a.name_sv || ' ' || a.name_en, ' ') FROM member_areas ma JOIN areas a ON a.id = ma.area_id WHERE ma.member_id = m.id), ''),
         coalesce((SELECT group_concat(c.name || ' ' || c.short_name, ' ') FROM memberships ms JOIN clusters c ON c.id = ms.cluster_id WHERE ms.member_id = m.id), '')
       FROM members m WHERE m.id > ?`,
    )
    .run(afterId);
  // The stems and the vocabulary (migration 0014), as the paused triggers would have written them.
  sqlite.prepare('DELETE FROM member_stems WHERE rowid > ?').run(afterId);
  sqlite
    .prepare(
      `INSERT INTO member_stems (rowid, name, description)
       SELECT id, cos_stems(name, 'sv') || ' ' || cos_stems(name, 'en'),
         cos_stems(description_sv, 'sv') || ' ' || cos_stems(description_en, 'en')
       FROM members WHERE id > ?`,
    )
    .run(afterId);
  sqlite
    .prepare(
      `INSERT OR IGNORE INTO search_terms (term, folded)
       SELECT w.word, w.folded FROM members m,
         cos_words(m.name || ' ' || m.description_sv || ' ' || m.description_en) w
       WHERE m.id > ?`,
    )
    .run(afterId);
}

/** The highest member id so far (0 when there are none). */
export function lastMemberId(sqlite: Sqlite): number {
  return (sqlite.prepare('SELECT coalesce(max(id), 0) AS id FROM members').get() as { id: number })
    .id;
}
