/** Text in Swedish (required: the platform is Swedish first) and English (optional). */
import { z } from 'zod';
import type { FieldLabel } from './messages/labels';
import { msg } from './messages/format';

export const LOCALES = ['sv', 'en'] as const;
export type Locale = (typeof LOCALES)[number];
export const localeSchema = z.enum(LOCALES);

export function bilingualText(opts: { max: number; min?: number; label: FieldLabel }) {
  const { max, min = 1, label } = opts;
  return z.object(
    {
      sv: z
        .string({ error: msg('requiredIn', { label, lang: 'sv' }) })
        .trim()
        .min(min, { error: msg('requiredIn', { label, lang: 'sv' }) })
        .max(max, { error: msg('tooLongIn', { label, lang: 'sv', max }) }),
      en: z
        .string({ error: msg('textIn', { label, lang: 'en' }) })
        .trim()
        .max(max, { error: msg('tooLongIn', { label, lang: 'en', max }) })
        .default(''),
    },
    { error: msg('bilingualShape', { label }) },
  );
}

/** Same shape, but both languages may be empty (an optional description). */
export function optionalBilingualText(opts: { max: number; label: FieldLabel }) {
  const { max, label } = opts;
  return z
    .object({
      sv: z
        .string()
        .trim()
        .max(max, { error: msg('tooLongIn', { label, lang: 'sv', max }) })
        .default(''),
      en: z
        .string()
        .trim()
        .max(max, { error: msg('tooLongIn', { label, lang: 'en', max }) })
        .default(''),
    })
    .default({ sv: '', en: '' });
}

export type Bilingual = { sv: string; en: string };

/** The text in the wanted language, falling back to Swedish when the English is missing. */
export function pickLocale(text: Bilingual, locale: Locale): string {
  return locale === 'en' && text.en.trim() !== '' ? text.en : text.sv;
}
