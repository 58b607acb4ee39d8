/**
 * "Menade du … / Did you mean …": a spelling of the typed words that the
 * register does hold, from the vocabulary of every word written
 * (search_terms, migration 0014). A word that is in the vocabulary (or, for
 * the last word, begins one) is kept; another is replaced by the nearest word
 * within one edit (words of up to five letters) or two (longer), by
 * Levenshtein distance on folded letters — so "förpakning" → "förpackning",
 * "packbrige" → "packbridge". Ties go to the word more members have. Only
 * words the asker's members have count (CorrectionScope). Short
 * words and numbers are never corrected. Levenshtein from
 * fastest-levenshtein (a well-kept, dependency-free implementation); the
 * vocabulary is scanned by length only, which at tens of thousands of words
 * is a few milliseconds, and it runs only when a search found little.
 */
import { foldWord } from '@cos/db';
import { distance } from 'fastest-levenshtein';
import { queryTerms } from './fts-query';
import { searchVocabulary } from './search-vocabulary';
import type { StatementCache } from './statement-cache';

/** A search that finds fewer members than this is offered a correction. */
export const FEW_HITS = 3;
/** Words shorter than this are left as typed: too many words are one edit from them. */
const MIN_CORRECTED = 4;
/** Candidates per distance whose member counts are looked up. */
const MAX_TIES = 8;

const allowed = (length: number) => (length <= 5 ? 1 : 2);

/**
 * Where the correction may look: the members the asker may see. The
 * vocabulary holds the words of drafts too, so every word is checked
 * against those members before it is kept or offered — a draft's words
 * neither show as a correction nor stop one.
 */
export interface CorrectionScope {
  /** A WHERE over `m` (members), e.g. the directory's status and demo clause. */
  sql: string;
  params: unknown[];
}

function hits(statements: StatementCache, scope: CorrectionScope, match: string): number {
  return (
    statements.one<{ n: number }>(
      `SELECT count(*) AS n FROM member_search s JOIN members m ON m.id = s.rowid
       WHERE member_search MATCH ? AND ${scope.sql}`,
      [match, ...scope.params],
    )?.n ?? 0
  );
}

/** Whether any of the scope's members has the match: the first one found is enough. */
function anyHit(statements: StatementCache, scope: CorrectionScope, match: string): boolean {
  return (
    statements.one(
      `SELECT 1 FROM member_search s JOIN members m ON m.id = s.rowid
       WHERE member_search MATCH ? AND ${scope.sql} LIMIT 1`,
      [match, ...scope.params],
    ) !== undefined
  );
}

/** The nearest written word to `word` that the scope's members have, or null. */
function nearest(statements: StatementCache, scope: CorrectionScope, word: string): string | null {
  const folded = foldWord(word);
  const limit = allowed(folded.length);
  const byDistance = new Map<number, string[]>();
  for (const [term, candidate] of statements.rows<[string, string]>(
    'SELECT term, folded FROM search_terms WHERE length(folded) BETWEEN ? AND ? ORDER BY term',
    [folded.length - limit, folded.length + limit],
  )) {
    const d = distance(folded, candidate);
    if (d === 0 || d > limit) continue;
    byDistance.set(d, [...(byDistance.get(d) ?? []), term]);
  }
  for (let d = 1; d <= limit; d++) {
    // The word more of the scope's members have; then the shorter, then alphabetical order.
    const counted = (byDistance.get(d) ?? [])
      .slice(0, MAX_TIES)
      .map((term) => ({ term, n: hits(statements, scope, `"${term}"`) }))
      .filter((c) => c.n > 0)
      .sort((a, b) => b.n - a.n || a.term.length - b.term.length || a.term.localeCompare(b.term));
    if (counted[0]) return counted[0].term;
  }
  return null;
}

/** The typed text with its misspelt words corrected, or null when there is nothing to correct. */
export function correctQuery(
  statements: StatementCache,
  scope: CorrectionScope,
  text: string | undefined,
): string | null {
  const terms = queryTerms(text);
  if (terms.length === 0) return null;
  let changed = false;
  const last = terms.length - 1;
  const corrected = terms.map((term, i) => {
    const folded = foldWord(term);
    if (folded.length < MIN_CORRECTED || /^\d+$/.test(folded)) return term;
    // As the search reads it: the last word a prefix, unless no other word begins with it.
    const prefix = i === last && searchVocabulary(statements.sqlite).wordBegunBy(folded);
    if (anyHit(statements, scope, `"${term}"${prefix ? '*' : ''}`)) return term;
    const better = nearest(statements, scope, term);
    if (better === null) return term;
    changed = true;
    return better;
  });
  return changed ? corrected.join(' ') : null;
}
