/**
 * Words too common to tell members or pages apart, in Swedish and English,
 * as the indexes fold them (no diacritics: "på" is "pa"). A query drops them
 * unless nothing else was typed, so "Mat och dryck AB" searches for "mat"
 * and "dryck", and a user's AND/OR/NOT are plain words, never operators.
 */
export const STOPWORDS = new Set([
  'och',
  'att',
  'i',
  'på',
  'pa',
  'för',
  'for',
  'med',
  'av',
  'en',
  'ett',
  'det',
  'som',
  'till',
  'om',
  'ab',
  'and',
  'or',
  'not',
  'the',
  'of',
  'in',
  'to',
  'a',
  'an',
  'on',
  'with',
]);
