/**
 * Translation: Swedish by default, English on request. `translate` is pure
 * (tested); the reactive current language lives in locale.svelte.ts.
 */
import { MESSAGES, type MessageKey } from './messages';

export type Locale = 'sv' | 'en';
export type { MessageKey };
export type Params = Record<string, string | number>;

export function translate(locale: Locale, key: MessageKey, params?: Params): string {
  const pair = MESSAGES[key];
  const template: string = pair[locale === 'en' ? 1 : 0];
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = params[name];
    if (value === undefined) return whole;
    return typeof value === 'number' ? formatNumber(locale, value) : value;
  });
}

export function formatNumber(locale: Locale, value: number): string {
  return new Intl.NumberFormat(locale === 'en' ? 'en-GB' : 'sv-SE').format(value);
}

export function formatDateTime(locale: Locale, iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(locale === 'en' ? 'en-GB' : 'sv-SE', {
    dateStyle: 'medium',
    timeStyle: 'short',
  }).format(date);
}

export function formatDate(locale: Locale, iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(locale === 'en' ? 'en-GB' : 'sv-SE', {
    dateStyle: 'medium',
  }).format(date);
}

/** The language chosen earlier (kept in the browser), else Swedish: the platform is Swedish first. */
export function initialLocale(stored: string | null): Locale {
  return stored === 'en' ? 'en' : 'sv';
}
