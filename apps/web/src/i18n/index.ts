/**
 * Interface text in Swedish and English. The Swedish file defines the keys;
 * `Messages` makes the English file name every one of them, and nothing else.
 */
import type { Locale } from '@cos/domain';
import { en } from './en';
import { sv } from './sv';

export type MessageKey = keyof typeof sv;
export type Messages = Record<MessageKey, string>;
type CountKey = 'members' | 'clusters' | 'results';

const MESSAGES: Record<Locale, Messages> = { sv, en };

export type Translate = ((key: MessageKey, vars?: Record<string, string | number>) => string) & {
  count: (key: CountKey, n: number) => string;
  locale: Locale;
};

// Made once: an Intl formatter is costly to build and pages make a translator per request.
const NUMBER: Record<Locale, Intl.NumberFormat> = {
  sv: new Intl.NumberFormat('sv-SE'),
  en: new Intl.NumberFormat('en-GB'),
};

function fill(text: string, vars: Record<string, string | number> = {}): string {
  return text.replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in vars ? String(vars[name]) : whole,
  );
}

/** The text function for one language: t('nav.members'), t.count('members', 3). */
export function translator(locale: Locale): Translate {
  const messages = MESSAGES[locale];
  const number = NUMBER[locale];
  const t = ((key, vars) => fill(messages[key], vars)) as Translate;
  t.count = (key, n) =>
    fill(messages[`count.${key}.${n === 1 ? 'one' : 'other'}`], { n: number.format(n) });
  t.locale = locale;
  return t;
}
