/**
 * How the member search matches and ranks a text, in tiers (issue 16):
 *   0. the name begins with the words (an exact name is the shortest such);
 *   1. the words in the name, or in the member's area and cluster names;
 *   2. the words' Snowball stems ("förpackningar" → förpackning), anywhere;
 *   3. a word inside a compound of the name ("cell" in "Lundcell");
 *   4. the words in the description;
 *   5. a word inside a compound of the description.
 * A member is ranked by its best tier, then bm25 within it. Compounds come
 * from the vocabulary (search_terms): each word (as its stem) is widened to
 * the written words that contain it, 40 at most, shortest first. Only the
 * last word, as typed, is a prefix (fts-query.ts), and only when another
 * indexed word begins with it: otherwise the exact word finds the same rows
 * with the same scores, without FTS5 merging a common word's whole doclist
 * first (search-vocabulary.ts; "ekbyte" "works"* 3.7 ms, "ekbyte" "works" 0.35 ms a tier at 100,000).
 *
 * Every tier's matches are within tiers 2 and 5 together, so the match set
 * (the WHERE of facets, pages and downloads) reads those two only. Compounds
 * are looked for in the member's own name and description, not in its areas'
 * and clusters' names. Raw SQL:
 * FTS5's MATCH and bm25 have no query-builder form.
 */
import { foldWord, stemWord, type Sqlite } from '@cos/db';
import { ftsWord, queryTerms } from './fts-query';
import type { StatementCache } from './statement-cache';
import { searchVocabulary, type SearchVocabulary } from './search-vocabulary';

/** Widened words per typed word, at most. */
const MAX_COMPOUNDS = 40;
/** Shorter (stemmed) words are not looked for inside compounds: "mat" is in too many. */
const MIN_COMPOUND_PART = 4;
/** Tiers apart: far more than any bm25 score. */
const TIER = 1000;

interface Part {
  table: 'member_search' | 'member_stems';
  match: string;
  tier: number;
}

export interface SearchPlan {
  /** Same words and widening, same plan: what rankings are kept under. */
  key: string;
  /** rowid and score (lower is better) of every match; `restricted` adds an ids parameter (JSON). */
  rankSql(restricted: boolean): string;
  rankParams(ids?: string): unknown[];
  /** `m.id IN (…)` for a WHERE clause, and its parameters. */
  where: { sql: string; params: unknown[] };
}

const WEIGHTS: Record<Part['table'], string> = {
  // Name hits weigh most, then area and cluster names, then descriptions.
  member_search: '10.0, 1.0, 3.0, 3.0',
  member_stems: '10.0, 1.0',
};

/** The stems of a word in both languages, folded as the index folds them. */
function stems(term: string): string[] {
  return [...new Set([foldWord(stemWord(term, 'sv')), foldWord(stemWord(term, 'en'))])];
}

/** Written words that contain the word's stem (not the word itself), shortest first. */
function compounds(vocabulary: SearchVocabulary, term: string): string[] {
  const parts = stems(term).filter((s) => s.length >= MIN_COMPOUND_PART);
  if (parts.length === 0) return [];
  return vocabulary.compounds(parts, foldWord(term), MAX_COMPOUNDS);
}

/**
 * Whether the last word stays a prefix: not when no indexed word but itself
 * begins with it (the same rows and bm25, read far faster: search-vocabulary.ts).
 * Short words and numbers keep it: the vocabulary leaves them out.
 */
const PREFIXABLE = /^[a-z][a-z0-9]{2,}$/;

export function searchPlan(
  sqlite: Sqlite,
  text: string | undefined,
  /** Tests: the last word a prefix always, as before the vocabulary's shortcut. */
  options: { alwaysPrefix?: boolean } = {},
): SearchPlan | null {
  const terms = queryTerms(text);
  if (terms.length === 0) return null;
  const vocabulary = searchVocabulary(sqlite);
  const needsPrefix = (folded: string, begun: (prefix: string) => boolean) =>
    options.alwaysPrefix === true || !PREFIXABLE.test(folded) || begun(folded);
  const last = terms.length - 1;
  const lastTerm = terms[last] ?? '';
  const lastPrefix = needsPrefix(foldWord(lastTerm), (p) => vocabulary.wordBegunBy(p));
  const words = terms.map((t, i) => ftsWord(t, i === last && lastPrefix));
  // A word, or (in the member's own name and description only: a compound of its cluster's name,
  // "Packbridge", says nothing) a written word that contains it.
  const wide = terms.map((t, i) => {
    const inside = compounds(vocabulary, t).map((c) => ftsWord(c, false));
    const word = words[i] ?? '';
    return inside.length === 0
      ? word
      : `(${word} OR {name description} : (${inside.join(' OR ')}))`;
  });
  const widened = wide.some((w, i) => w !== words[i]);
  const any = (alternatives: string[]) =>
    alternatives.length === 1 ? (alternatives[0] ?? '') : `(${alternatives.join(' OR ')})`;
  const stemQuery = terms
    .map((t, i) =>
      any(
        stems(t).map((s) =>
          ftsWord(s, i === last && needsPrefix(s, (p) => vocabulary.stemBegunBy(p))),
        ),
      ),
    )
    .join(' AND ');
  // Explicit AND: FTS5 takes no implicit AND between parenthesised groups.
  const wideQuery = wide.join(' AND ');
  const wordQuery = words.join(' ');
  // The name's first words: a phrase anchored at its start (FTS5's ^), the last word a prefix.
  const namePhrase = `name : ^ ${terms.map((t) => `"${t}"`).join(' + ')}${lastPrefix ? '*' : ''}`;

  const parts: Part[] = [
    { table: 'member_search', match: namePhrase, tier: 0 },
    { table: 'member_search', match: `{name areas clusters} : (${wordQuery})`, tier: 1 },
    { table: 'member_stems', match: stemQuery, tier: 2 },
    ...(widened
      ? [{ table: 'member_search' as const, match: `name : (${wideQuery})`, tier: 3 }]
      : []),
    { table: 'member_search', match: wordQuery, tier: 4 },
    ...(widened ? [{ table: 'member_search' as const, match: wideQuery, tier: 5 }] : []),
  ];
  // Tiers 0, 1 and 4 are within 4, tier 3 within 5, and 4 within 5 when widened.
  const matching = parts.filter((p) => p.tier === 2 || p.tier === (widened ? 5 : 4));

  const select = (p: Part, restricted: boolean) =>
    `SELECT rowid, ${p.tier * TIER} + bm25(${p.table}, ${WEIGHTS[p.table]}) AS score FROM ${p.table}
     WHERE ${p.table} MATCH ?${restricted ? ' AND rowid IN (SELECT value FROM json_each(?))' : ''}`;
  return {
    key: JSON.stringify([terms, wide, stemQuery]),
    rankSql: (restricted) =>
      `SELECT rowid, min(score) AS score FROM (${parts.map((p) => select(p, restricted)).join(' UNION ALL ')}) GROUP BY rowid`,
    rankParams: (ids) => parts.flatMap((p) => (ids === undefined ? [p.match] : [p.match, ids])),
    where: {
      sql: `m.id IN (${matching.map((p) => `SELECT rowid FROM ${p.table} WHERE ${p.table} MATCH ?`).join(' UNION ')})`,
      params: matching.map((p) => p.match),
    },
  };
}

/** Plans kept per connection: the most recent searches, each with the vocabulary it was widened by. */
const MAX_PLANS = 64;
const plans = new WeakMap<
  StatementCache,
  Map<string, { vocabulary: string; plan: SearchPlan | null }>
>();

/**
 * The plan for a text, kept while the vocabulary is unchanged (a new word
 * may widen a word to one more compound; nothing else changes a plan).
 */
export function searchPlanFor(
  statements: StatementCache,
  text: string | undefined,
): SearchPlan | null {
  if (!text) return null;
  // searchPlan reads the vocabulary again: cheap when nothing was added (one max(id)).
  const vocabulary = searchVocabulary(statements.sqlite).version;
  let kept = plans.get(statements);
  if (!kept) {
    kept = new Map<string, { vocabulary: string; plan: SearchPlan | null }>();
    plans.set(statements, kept);
  }
  const have = kept.get(text);
  if (have?.vocabulary === vocabulary) return have.plan;
  const plan = searchPlan(statements.sqlite, text);
  kept.delete(text);
  kept.set(text, { vocabulary, plan });
  if (kept.size > MAX_PLANS) kept.delete(kept.keys().next().value as string);
  return plan;
}
