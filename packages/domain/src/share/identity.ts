/**
 * The visual identity in data, shared by the site and the share images: one
 * hue per cluster and per area (a cluster's badge, card edge and share image
 * agree), and the monogram shown when a cluster has no uploaded logo.
 */

/** Deep hues that all carry white text at ≥ 4.5:1 (WCAG AA) and stay tellable apart. */
export const HUES = [
  '#1d5c34', // green
  '#0e5a6b', // teal
  '#5b3a8c', // violet
  '#9b3412', // rust
  '#1f4f8f', // blue
  '#765000', // ochre
  '#8a1f48', // wine
  '#3c4a5a', // slate
] as const;

/** The six areas of Skåne's innovation strategy keep fixed hues (their drawings use them). */
export const AREA_HUES: Readonly<Record<string, string>> = {
  'life-science-halsa': '#8a1f48',
  tech: '#1f4f8f',
  livsmedel: '#765000',
  'avancerade-material-tillverkning': '#3c4a5a',
  'smarta-hallbara-stader': '#1d5c34',
  'ess-max-iv-science-village': '#5b3a8c',
};

/** FNV-1a (32 bit): tiny and stable across runs and platforms; not for security. */
export function fnv1a(text: string, seed = 0x811c9dc5): number {
  let h = seed >>> 0;
  for (let i = 0; i < text.length; i += 1) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h;
}

export function hueFor(slug: string): string {
  return AREA_HUES[slug] ?? HUES[fnv1a(slug) % HUES.length] ?? HUES[0];
}

/**
 * Up to three letters: an acronym the name starts with ("IUC Syd" → IUC), the
 * capitals of a joined name ("OpenTech" → OT), else the first letters of the
 * first words ("Medicon Valley Alliance" → MVA). Parenthesised asides are dropped.
 */
export function monogram(name: string): string {
  const words = name
    .replace(/\([^)]*\)/g, ' ')
    .split(/[\s\-–/&]+/)
    .filter((w) => /\p{L}/u.test(w));
  const first = words[0] ?? '';
  if (/^\p{Lu}{2,4}$/u.test(first)) return first;
  if (words.length === 1) {
    const capitals = [...first].filter((c) => /\p{Lu}/u.test(c));
    if (capitals.length >= 2) return capitals.slice(0, 3).join('');
    return first.slice(0, 1).toLocaleUpperCase('sv');
  }
  return words
    .slice(0, 3)
    .map((w) => w.slice(0, 1).toLocaleUpperCase('sv'))
    .join('');
}
