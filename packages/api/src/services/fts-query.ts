/**
 * Turns what a visitor typed into a safe FTS5 query: words only (no FTS
 * syntax gets through), each as a prefix match, all required.
 * "förpack malmö" → "förpack"* "malmö"* — the index folds å/ä/ö, so the
 * query finds "Förpackning" and "Malmo" alike.
 */
const MAX_TERMS = 8;

export function toFtsQuery(text: string | undefined): string | null {
  if (!text) return null;
  const terms = text.normalize('NFC').match(/[\p{L}\p{N}]+/gu);
  if (!terms || terms.length === 0) return null;
  return terms
    .slice(0, MAX_TERMS)
    .map((term) => `"${term.toLowerCase()}"*`)
    .join(' ');
}
