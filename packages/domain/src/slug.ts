/**
 * Slugs for URLs, made from Swedish names: å→a, ä→a, ö→o, é→e and any other
 * accent dropped, everything else that is not a letter or digit becomes one dash.
 * The same name always gives the same slug; uniqueSlug adds -2, -3 … on clashes.
 */
import { z } from 'zod';
import { msg } from './messages/format';

export const SLUG_MAX_LENGTH = 80;
export const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

const SPECIAL: Record<string, string> = { æ: 'ae', ø: 'o', ß: 'ss', ł: 'l', đ: 'd', þ: 'th' };

export function slugify(name: string): string {
  const base = name
    .toLowerCase()
    .replace(/[æøßłđþ]/g, (c) => SPECIAL[c] ?? c)
    // NFKD also unfolds ligatures and full-width letters ("ﬁ" → "fi", "Ａ" → "A"),
    // which plain NFD would leave to be dropped as non-letters.
    .normalize('NFKD')
    .toLowerCase()
    // Combining marks: removing them turns å/ä/ö/é/ü… into their base letters.
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/&/g, ' och ')
    // "McDonald's" → "mcdonalds", not "mcdonald-s".
    .replace(/['’]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return base.slice(0, SLUG_MAX_LENGTH).replace(/-+$/g, '');
}

/**
 * The first free slug for a name: the plain slug, else slug-2, slug-3 …
 * `isTaken` is asked about candidates in order, so callers can check a set or a database.
 */
export function uniqueSlug(name: string, isTaken: (candidate: string) => boolean): string {
  const base = slugify(name) || 'post';
  if (!isTaken(base)) return base;
  for (let n = 2; ; n++) {
    const suffix = `-${n}`;
    const candidate = `${base.slice(0, SLUG_MAX_LENGTH - suffix.length).replace(/-+$/g, '')}${suffix}`;
    if (!isTaken(candidate)) return candidate;
  }
}

export const slugSchema = z
  .string()
  .trim()
  .min(1, { error: msg('notEmpty', { label: 'slug' }) })
  .max(SLUG_MAX_LENGTH, { error: msg('tooLong', { label: 'slug', max: SLUG_MAX_LENGTH }) })
  .regex(SLUG_PATTERN, { error: msg('slug.format', {}) });
