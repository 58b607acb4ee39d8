/**
 * The texts of the search case (search-case.ts), each searched once: the
 * directory caches a ranking per search plan and facet counts per filter,
 * so a text searched twice in a process measures the cache, not the search.
 * Texts are told apart as the search tells them (words, lower case, folded
 * diacritics); two-word texts use words of five letters or more, so neither
 * can be a stopword that the search would drop (search-stopwords.ts: all
 * shorter) and so fall onto a one-word text's plan.
 */
import { foldWord, searchWords } from '@cos/db';

export interface SearchCall {
  q: string;
  area: string[];
  kind: string[];
}

/** Shorter words are left out of the two-word texts (every stopword is shorter). */
const MIN_PAIR_WORD = 5;

/** How the search tells texts apart: its words, lower case and folded. */
export const textKey = (text: string) => searchWords(text).map(foldWord).join(' ');

/** Adjacent word pairs of the phrases (e.g. member names), then of the vocabulary itself. */
function pairs(words: readonly string[], phrases: readonly string[]): string[] {
  const out: string[] = [];
  const long = (w: string) => w.length >= MIN_PAIR_WORD;
  for (const phrase of phrases) {
    const ws = searchWords(phrase);
    for (let i = 0; i + 1 < ws.length; i++) {
      const a = ws[i] ?? '';
      const b = ws[i + 1] ?? '';
      if (long(a) && long(b)) out.push(`${a} ${b}`);
    }
  }
  const longWords = words.filter(long);
  for (let i = 0; i + 1 < longWords.length; i += 2)
    out.push(`${longWords[i] ?? ''} ${longWords[i + 1] ?? ''}`);
  return out;
}

/**
 * Up to `limit` calls with distinct texts: one-word and two-word texts in
 * turn, and every fourth call narrowed by an area or a kind (in turn).
 */
export function searchCalls(
  words: readonly string[],
  phrases: readonly string[],
  filters: { areas: readonly string[]; kinds: readonly string[] },
  limit: number,
): SearchCall[] {
  const sources = [words, pairs(words, phrases)];
  const next = [0, 0];
  const seen = new Set<string>();
  const calls: SearchCall[] = [];
  let filtered = 0;
  while (calls.length < limit && sources.some((s, i) => (next[i] ?? 0) < s.length)) {
    for (let i = 0; i < sources.length && calls.length < limit; i++) {
      const source = sources[i] ?? [];
      let q: string | undefined;
      while (q === undefined && (next[i] ?? 0) < source.length) {
        const text = source[next[i] ?? 0] ?? '';
        next[i] = (next[i] ?? 0) + 1;
        const key = textKey(text);
        if (key !== '' && !seen.has(key)) {
          seen.add(key);
          q = text;
        }
      }
      if (q === undefined) continue;
      const call: SearchCall = { q, area: [], kind: [] };
      if (calls.length % 4 === 3) {
        const byArea = filtered++ % 2 === 0;
        const list = byArea ? filters.areas : filters.kinds;
        const value = list[Math.floor(filtered / 2) % Math.max(1, list.length)];
        if (value !== undefined) call[byArea ? 'area' : 'kind'] = [value];
      }
      calls.push(call);
    }
  }
  return calls;
}
