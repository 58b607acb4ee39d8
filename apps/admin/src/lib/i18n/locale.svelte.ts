/** The interface language as reactive state: reading `t()` in a template re-renders on a switch. */
import {
  initialLocale,
  translate,
  formatDateTime,
  formatDate,
  formatNumber,
  type Locale,
  type MessageKey,
  type Params,
} from './index';
import { localiseIssue, localiseProblem, type IssueText } from './issues';

const STORAGE_KEY = 'cos-admin-locale';

function stored(): string | null {
  try {
    return localStorage.getItem(STORAGE_KEY);
  } catch {
    return null;
  }
}

let current = $state<Locale>(typeof localStorage === 'undefined' ? 'sv' : initialLocale(stored()));

export const i18n = {
  get locale(): Locale {
    return current;
  },
  set locale(locale: Locale) {
    current = locale;
    try {
      localStorage.setItem(STORAGE_KEY, locale);
    } catch {
      // Private mode: the choice lasts for this page only.
    }
    document.documentElement.lang = locale;
  },
};

export function t(key: MessageKey, params?: Params): string {
  return translate(current, key, params);
}

/** A validation message from the shared schemas or the server, in the interface language. */
export function issue(message: string | IssueText): string {
  return localiseIssue(message, current);
}

/** A refused call's message (an ApiProblem's), in the interface language. */
export function problemText(problem: Parameters<typeof localiseProblem>[0]): string {
  return localiseProblem(problem, current);
}

export const fmt = {
  dateTime: (iso: string) => formatDateTime(current, iso),
  date: (iso: string) => formatDate(current, iso),
  number: (n: number) => formatNumber(current, n),
  /** A bilingual text in the interface language, falling back to Swedish. */
  text: (value: { sv: string; en: string }) =>
    current === 'en' && value.en.trim() !== '' ? value.en : value.sv,
};
