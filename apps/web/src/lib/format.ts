/** Numbers and dates as each language writes them. */
import type { Locale } from './routes';

const TAG: Record<Locale, string> = { sv: 'sv-SE', en: 'en-GB' };

// Building an Intl formatter is costly (it loads locale data); a page formats
// hundreds of numbers, so each language's formatter is made once.
const NUMBER: Record<Locale, Intl.NumberFormat> = {
  sv: new Intl.NumberFormat(TAG.sv),
  en: new Intl.NumberFormat(TAG.en),
};
const DATE: Record<Locale, Intl.DateTimeFormat> = {
  sv: new Intl.DateTimeFormat(TAG.sv, { dateStyle: 'long', timeZone: 'Europe/Stockholm' }),
  en: new Intl.DateTimeFormat(TAG.en, { dateStyle: 'long', timeZone: 'Europe/Stockholm' }),
};

export function formatNumber(value: number, locale: Locale): string {
  return NUMBER[locale].format(value);
}

export function formatDate(iso: string, locale: Locale): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return DATE[locale].format(date);
}

/** A web address as a link target only when it is http(s); anything else is shown as text. */
export function safeHref(address: string | null | undefined): string | null {
  if (!address) return null;
  try {
    const url = new URL(address);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
  } catch {
    return null;
  }
}

/** "https://www.example.se/" → "www.example.se" for display. */
export function displayHost(address: string): string {
  try {
    const url = new URL(address);
    return url.host + (url.pathname === '/' ? '' : url.pathname);
  } catch {
    return address;
  }
}

/** The first sentence or so of a description, cut at a word boundary. */
export function excerpt(text: string, max = 180): string {
  const clean = text.replace(/\s+/g, ' ').trim();
  if (clean.length <= max) return clean;
  const cut = clean.slice(0, max);
  const space = cut.lastIndexOf(' ');
  return `${(space > max * 0.6 ? cut.slice(0, space) : cut).replace(/[,.;:–-]+$/, '')}…`;
}

/** Swedish alphabetical order (Å, Ä, Ö after Z), made once. */
export const swedishCollator = new Intl.Collator('sv');
