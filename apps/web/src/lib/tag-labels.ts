/**
 * Article tags in both languages. A tag is stored once, as the Swedish word
 * the editor typed (article_tags.tag); the site shows it in the page's
 * language when it is one of the known tags below, and otherwise as typed,
 * marked lang="sv" on English pages so screen readers say it in Swedish.
 */
import type { Locale } from './routes';

const TAG_LABELS: Record<string, { sv: string; en: string }> = {
  plattform: { sv: 'plattform', en: 'platform' },
  innovationsstrategi: { sv: 'innovationsstrategi', en: 'innovation strategy' },
  kluster: { sv: 'kluster', en: 'clusters' },
  medlemmar: { sv: 'medlemmar', en: 'members' },
  evenemang: { sv: 'evenemang', en: 'events' },
  utlysning: { sv: 'utlysning', en: 'call for proposals' },
  samarbete: { sv: 'samarbete', en: 'collaboration' },
  'öppna data': { sv: 'öppna data', en: 'open data' },
};

/** The tag as shown on a page in `locale`, and the language it is then in. */
export function tagLabel(tag: string, locale: Locale): { text: string; lang: Locale } {
  const known = TAG_LABELS[tag.toLocaleLowerCase('sv')];
  if (known) return { text: known[locale], lang: locale };
  return { text: tag, lang: 'sv' };
}
