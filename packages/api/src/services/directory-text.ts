/**
 * What a search text means besides words: an organisation number typed in any
 * of its common spellings (556677-8899, 5566778899, 16556677-8899,
 * 165566778899, with spaces or a typographic dash) finds that member. The
 * number is not in the full-text index (FTS would split it at the dash and
 * could not join the spellings), so it is matched exactly on the column's
 * unique index, which costs one lookup.
 */

/** Dashes a number may be written with (hyphen, the Unicode hyphens, en and em dash, minus). */
const SEPARATORS = /[\s\u002d\u2010-\u2015\u2212]/gu;

/** The stored form (NNNNNN-NNNN) of a search text that is an organisation number, else null. */
export function organisationNumberQuery(text: string | undefined): string | null {
  if (!text) return null;
  const digits = text.replace(SEPARATORS, '');
  if (!/^\d+$/.test(digits)) return null;
  // The twelve-digit form carries the century prefix "16" that tax forms use.
  const ten = digits.length === 12 && digits.startsWith('16') ? digits.slice(2) : digits;
  if (ten.length !== 10) return null;
  return `${ten.slice(0, 6)}-${ten.slice(6)}`;
}
