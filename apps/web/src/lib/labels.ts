/** Display labels for the register's closed lists, in either language. */
import {
  MEMBER_KIND_LABELS,
  MUNICIPALITY_UNKNOWN,
  NON_MUNICIPALITY_PLACES,
  OUTSIDE_SKANE,
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

/**
 * Where a member is: its municipality, "outside Skåne" only when it is
 * marked so, and otherwise "municipality not known" — a missing municipality
 * is no claim that the member is elsewhere.
 */
export function placeLabel(
  municipality: { name: string } | null,
  outsideSkane: boolean,
  locale: Locale,
): string {
  if (municipality) return municipality.name;
  const place = NON_MUNICIPALITY_PLACES.find(
    (p) => p.value === (outsideSkane ? OUTSIDE_SKANE : MUNICIPALITY_UNKNOWN),
  );
  return place?.label[locale] ?? '';
}

/** Bilingual text in the wanted language (Swedish when the English is missing). */
export function pick(text: Bilingual, locale: Locale): string {
  return pickLocale(text, locale);
}

/** The language a bilingual text is actually shown in, for a lang attribute on fallbacks. */
export function shownIn(text: Bilingual, locale: Locale): Locale {
  return locale === 'en' && text.en.trim() === '' ? 'sv' : locale;
}

/** The lang attribute for a bilingual text: its language where that is not the page's, else none. */
export function langAttr(text: Bilingual, locale: Locale): Locale | undefined {
  const shown = shownIn(text, locale);
  return shown === locale ? undefined : shown;
}
