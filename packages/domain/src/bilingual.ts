/** Text in Swedish (required: the platform is Swedish first) and English (optional). */
import { z } from 'zod';

export const LOCALES = ['sv', 'en'] as const;
export type Locale = (typeof LOCALES)[number];
export const localeSchema = z.enum(LOCALES);

export function bilingualText(opts: { max: number; min?: number; label: string }) {
  const { max, min = 1, label } = opts;
  return z.object(
    {
      sv: z
        .string({ error: `${label} in Swedish is required` })
        .trim()
        .min(min, `${label} in Swedish is required`)
        .max(max, `${label} in Swedish must be at most ${max} characters`),
      en: z
        .string({ error: `${label} in English must be text` })
        .trim()
        .max(max, `${label} in English must be at most ${max} characters`)
        .default(''),
    },
    { error: `${label} is required, as { sv, en } text` },
  );
}

/** Same shape, but both languages may be empty (an optional description). */
export function optionalBilingualText(opts: { max: number; label: string }) {
  const { max, label } = opts;
  return z
    .object({
      sv: z
        .string()
        .trim()
        .max(max, `${label} in Swedish must be at most ${max} characters`)
        .default(''),
      en: z
        .string()
        .trim()
        .max(max, `${label} in English must be at most ${max} characters`)
        .default(''),
    })
    .default({ sv: '', en: '' });
}

export type Bilingual = { sv: string; en: string };

/** The text in the wanted language, falling back to Swedish when the English is missing. */
export function pickLocale(text: Bilingual, locale: Locale): string {
  return locale === 'en' && text.en.trim() !== '' ? text.en : text.sv;
}
