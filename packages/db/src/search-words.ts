// The package ships no types; a reference (not tsconfig) so that packages compiling these
// sources from their own tsconfig (api, server) see them too.
// eslint-disable-next-line @typescript-eslint/triple-slash-reference
/// <reference path="./snowball-stemmers.d.ts" />
/**
 * The words behind the member search's second and third indexes, as SQL
 * functions every connection opened by openDatabase has (the triggers of
 * migration 0014 call them, so a write from the server, the CLI, an import
 * worker or a test keeps them in step alike):
 * - cos_stems(text, language): each word reduced to its Snowball stem, in
 *   Swedish or English, so "förpackningar" and "förpackning" (or "dairies" and
 *   "dairy") meet in the member_stems index;
 * - cos_words(text): the distinct words of a text in lower case, each with
 *   its folded form (no diacritics, as the indexes fold them), as a table: the
 *   search_terms vocabulary that compounds ("förpackning" inside
 *   "kartongförpackningsföretag") and "did you mean" are found in.
 * Snowball, from snowball-stemmers: the algorithms Lucene and PostgreSQL use,
 * for both languages, with no native code.
 */
import { newStemmer, type Stemmer } from 'snowball-stemmers';
import type { Sqlite } from './client';

export type StemLanguage = 'sv' | 'en';

const stemmers: Record<StemLanguage, Stemmer> = {
  sv: newStemmer('swedish'),
  en: newStemmer('english'),
};

/** Words as the search sees them: letters and digits, in Unicode. */
export function searchWords(text: string): string[] {
  return (
    text
      .normalize('NFC')
      .toLowerCase()
      .match(/[\p{L}\p{N}]+/gu) ?? []
  );
}

/** Lower case without diacritics, as unicode61 remove_diacritics folds words in the indexes. */
export function foldWord(word: string): string {
  return word.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();
}

/** The Snowball stem of one word (lower case, diacritics kept: the Swedish rules need å/ä/ö). */
export function stemWord(word: string, language: StemLanguage): string {
  return stemmers[language].stem(word.normalize('NFC').toLowerCase());
}

/** Every word of a text as its stem, space separated (what member_stems indexes). */
export function stemText(text: string, language: StemLanguage): string {
  return searchWords(text)
    .map((word) => stemWord(word, language))
    .join(' ');
}

/** Words shorter than this are not kept in the vocabulary (they would be nobody's compound part). */
export const MIN_TERM_LENGTH = 3;

/** Registers cos_stems and cos_words on a connection (openDatabase does, for every connection). */
export function registerSearchFunctions(sqlite: Sqlite): void {
  sqlite.function(
    'cos_stems',
    { deterministic: true },
    (text: unknown, language: unknown): string => {
      if (typeof text !== 'string' || text === '') return '';
      return stemText(text, language === 'en' ? 'en' : 'sv');
    },
  );
  sqlite.table('cos_words', {
    columns: ['word', 'folded'],
    parameters: ['text'],
    *rows(text: unknown) {
      if (typeof text !== 'string') return;
      const seen = new Set<string>();
      for (const word of searchWords(text)) {
        // Numbers are nobody's compound part or spelling mistake.
        if (word.length < MIN_TERM_LENGTH || /^\d+$/.test(word) || seen.has(word)) continue;
        seen.add(word);
        yield { word, folded: foldWord(word) };
      }
    },
  });
}
