/**
 * Turns what a visitor typed into a safe FTS5 query: words only (no FTS
 * syntax gets through: AND, OR, NOT and NEAR are searched for as words),
 * all required. Only the last word, as typed, is a prefix — the one still
 * being typed — so "mat" finds "Materials" while "mat dryck" wants the word
 * "mat". Very common words ("och", "and", "AB": search-stopwords.ts) are
 * dropped unless nothing else was typed. The index folds å/ä/ö, so
 * "förpack malmö" → "forpack"* "malmo"… finds "Förpackning" and "Malmö" alike.
 */
import { STOPWORDS } from './search-stopwords';

const MAX_TERMS = 8;

/** Lower case without diacritics, as the index's unicode61 remove_diacritics folds words. */
const fold = (word: string) => word.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();

export function toFtsQuery(text: string | undefined): string | null {
  if (!text) return null;
  const all = text.normalize('NFC').match(/[\p{L}\p{N}]+/gu);
  if (!all || all.length === 0) return null;
  const kept = all.filter((term) => !STOPWORDS.has(fold(term)));
  const terms = (kept.length > 0 ? kept : all).slice(0, MAX_TERMS);
  const last = terms.length - 1;
  return terms.map((term, i) => `"${term.toLowerCase()}"${i === last ? '*' : ''}`).join(' ');
}
