/**
 * Name similarity for duplicate warnings: "Nordpack AB" and "NordPack
 * Aktiebolag" are the same organisation to a person, so legal-form words and
 * accents are dropped before comparing bigrams (Sørensen–Dice coefficient).
 */
import { slugify } from './slug';

const LEGAL_FORMS = new Set([
  'ab',
  'aktiebolag',
  'publ',
  'hb',
  'kb',
  'ek',
  'for',
  'ideell',
  'forening',
  'ltd',
  'inc',
  'gmbh',
  'as',
  'aps',
  'oy',
  'the',
]);

export function organisationNameKey(name: string): string {
  return slugify(name)
    .split('-')
    .filter((word) => word && !LEGAL_FORMS.has(word))
    .join('');
}

function bigrams(text: string): Map<string, number> {
  const grams = new Map<string, number>();
  for (let i = 0; i < text.length - 1; i++) {
    const g = text.slice(i, i + 2);
    grams.set(g, (grams.get(g) ?? 0) + 1);
  }
  return grams;
}

/** 1 for the same organisation name (after normalising), 0 for nothing in common. */
export function nameSimilarity(a: string, b: string): number {
  const x = organisationNameKey(a);
  const y = organisationNameKey(b);
  if (x === y) return x === '' ? 0 : 1;
  if (x.length < 2 || y.length < 2) return 0;
  const gx = bigrams(x);
  const gy = bigrams(y);
  let shared = 0;
  for (const [g, n] of gx) shared += Math.min(n, gy.get(g) ?? 0);
  return (2 * shared) / (x.length - 1 + (y.length - 1));
}

/** The threshold above which two names are flagged as a likely duplicate. */
export const SIMILAR_NAME_THRESHOLD = 0.8;
