/** Numbers and dates as each language writes them. */
import type { Locale } from './routes';

const TAG: Record<Locale, string> = { sv: 'sv-SE', en: 'en-GB' };

export function formatNumber(value: number, locale: Locale): string {
  return new Intl.NumberFormat(TAG[locale]).format(value);
}

export function formatDate(iso: string, locale: Locale): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(TAG[locale], {
    dateStyle: 'long',
    timeZone: 'Europe/Stockholm',
  }).format(date);
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
