/** Display labels for the register's closed lists, in either language. */
import {
  MEMBER_KIND_LABELS,
  SIZE_BAND_LABELS,
  pickLocale,
  type Bilingual,
  type MemberKind,
  type SizeBand,
} from '@cos/domain';
import type { Locale } from './routes';

export function kindLabel(kind: string, locale: Locale): string {
  const label = MEMBER_KIND_LABELS[kind as MemberKind] as Bilingual | undefined;
  return label ? label[locale] : kind;
}

export function sizeLabel(size: string | null, locale: Locale): string | null {
  if (!size) return null;
  const label = SIZE_BAND_LABELS[size as SizeBand] as Bilingual | undefined;
  return label ? label[locale] : size;
}

export function placeLabel(municipality: { name: string } | null, locale: Locale): string {
  return municipality?.name ?? (locale === 'sv' ? 'Utanför Skåne' : 'Outside Skåne');
}

/** Bilingual text in the wanted language (Swedish when the English is missing). */
export function pick(text: Bilingual, locale: Locale): string {
  return pickLocale(text, locale);
}

/** The language a bilingual text is actually shown in, for a lang attribute on fallbacks. */
export function shownIn(text: Bilingual, locale: Locale): Locale {
  return locale === 'en' && text.en.trim() === '' ? 'sv' : locale;
}
