/**
 * Text matching for the site-wide search's small collections (seven
 * clusters, six areas, the news): a few dozen documents, matched in memory
 * on words prepared once per data generation. The member directory, which
 * can hold 100,000 rows, goes through its full-text index instead.
 *
 * The rules follow the directory's: letters are compared folded (case and
 * diacritics, as the FTS index folds them), very common words do not count
 * unless nothing else was typed, every other word must match, only the last
 * word as typed is a prefix, and a word of four letters or more also matches
 * inside a compound ("förpackning" in "Kartongförpackningsföretag"), below a
 * whole-word match.
 */
import { foldWord } from '@cos/db';
import { STOPWORDS } from './search-stopwords';

/** Lower case without diacritics, as the indexes fold: "Malmö" and "malmo" compare equal. */
export const fold = foldWord;

/** The folded words of a text. */
export function words(text: string): string[] {
  return fold(text).match(/[\p{L}\p{N}]+/gu) ?? [];
}

/** The words of a query that count: stopwords dropped unless that would leave none. */
export function queryTerms(text: string): string[] {
  const all = words(text).slice(0, 8);
  const kept = all.filter((w) => !STOPWORDS.has(w));
  return kept.length > 0 ? kept : all;
}

/** A document's fields, each with its weight (a name counts more than a body text). */
export interface Field {
  text: string;
  weight: number;
}

/** A document prepared for matching: its fields' words, and its folded name. */
export interface Prepared {
  fields: { words: Set<string>; list: string[]; weight: number }[];
  name: string;
}

export function prepare(name: string, fields: Field[]): Prepared {
  return {
    name: words(name).join(' '),
    fields: fields.map((f) => {
      const list = words(f.text);
      return { words: new Set(list), list, weight: f.weight };
    }),
  };
}

const EXACT = 1;
const PREFIX = 0.8;
const INSIDE = 0.5;
/** Shorter words inside compounds match too much by chance ("mat" in "automation"). */
const INSIDE_MIN = 4;

/** How well one term matches one field: exact word, prefix (last term only), inside a compound. */
function termScore(field: Prepared['fields'][number], term: string, last: boolean): number {
  if (field.words.has(term)) return EXACT;
  let best = 0;
  for (const word of field.list) {
    if (last && word.startsWith(term)) return PREFIX;
    if (term.length >= INSIDE_MIN && word.length > term.length && word.includes(term))
      best = INSIDE;
  }
  return best;
}

/**
 * The document's score for the query's terms, 0 when a term matches
 * nowhere. The whole name typed gets the most, then a name starting with
 * the query, then the sum of each term's best field.
 */
export function score(doc: Prepared, terms: readonly string[]): number {
  if (terms.length === 0) return 0;
  let total = 0;
  for (const [i, term] of terms.entries()) {
    const last = i === terms.length - 1;
    let best = 0;
    for (const field of doc.fields)
      best = Math.max(best, termScore(field, term, last) * field.weight);
    if (best === 0) return 0;
    total += best;
  }
  const typed = terms.join(' ');
  if (doc.name === typed) total += 100;
  else if (doc.name.startsWith(typed)) total += 50;
  return total;
}

/** The documents that match, best first; ties keep the given order. */
export function rank<T>(docs: readonly { item: T; prepared: Prepared }[], text: string): T[] {
  const terms = queryTerms(text);
  return docs
    .map((d, order) => ({ item: d.item, order, score: score(d.prepared, terms) }))
    .filter((d) => d.score > 0)
    .sort((a, b) => b.score - a.score || a.order - b.order)
    .map((d) => d.item);
}
