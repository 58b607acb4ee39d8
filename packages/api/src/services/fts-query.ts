/**
 * Turns what a visitor typed into safe FTS5 queries: words only (no FTS
 * syntax gets through: AND, OR, NOT and NEAR are searched for as words),
 * all required. Only the last word, as typed, is a prefix — the one still
 * being typed — so "mat" finds "Materials" while "mat dryck" wants the word
 * "mat". Very common words ("och", "and", "AB": search-stopwords.ts) are
 * dropped unless nothing else was typed. The index folds å/ä/ö, so
 * "förpack malmö" → "forpack"* "malmo"… finds "Förpackning" and "Malmö" alike.
 */
import { foldWord, searchWords } from '@cos/db';
import { STOPWORDS } from './search-stopwords';

const MAX_TERMS = 8;

/** The words a query searches for (lower case, stopwords dropped, at most eight); [] for none. */
export function queryTerms(text: string | undefined): string[] {
  if (!text) return [];
  const all = searchWords(text);
  const kept = all.filter((term) => !STOPWORDS.has(foldWord(term)));
  return (kept.length > 0 ? kept : all).slice(0, MAX_TERMS);
}

/** One FTS5 word: quoted (the words hold only letters and digits), the last one a prefix. */
export const ftsWord = (word: string, prefix: boolean) => `"${word}"${prefix ? '*' : ''}`;

export function toFtsQuery(text: string | undefined): string | null {
  const terms = queryTerms(text);
  if (terms.length === 0) return null;
  const last = terms.length - 1;
  return terms.map((term, i) => ftsWord(term, i === last)).join(' ');
}
