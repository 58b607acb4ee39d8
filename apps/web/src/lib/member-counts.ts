/**
 * A cluster's two member counts, kept apart: what its own sources report
 * (with the year), and the members registered here. The register lacks most
 * members, so a cluster never reads as having 0 members because of that.
 */
import {
  RELATION_KIND_LABELS,
  RELATION_KINDS,
  type Locale,
  type RelationKind,
  type ReportedMemberQualifier,
} from '@cos/domain';
import type { ClusterSummary } from './api';
import { formatNumber } from './format';

/** What a cluster's sources report, as the API gives it (null when no source gives a figure). */
export type ReportedMembers = NonNullable<ClusterSummary['reportedMembers']>;

const QUALIFIER: Record<Locale, Record<ReportedMemberQualifier, string>> = {
  sv: { about: 'cirka ', at_least: 'minst ', exact: '' },
  en: { about: 'about ', at_least: 'at least ', exact: '' },
};

/** "cirka 150 medlemmar enligt klustret (2016)", or "antal medlemmar okänt" without a source. */
export function reportedLabel(reported: ReportedMembers | null, locale: Locale): string {
  if (!reported) return locale === 'sv' ? 'Antal medlemmar okänt' : 'Number of members unknown';
  const n = `${QUALIFIER[locale][reported.qualifier]}${formatNumber(reported.count, locale)}`;
  const year = reported.year ? ` (${reported.year})` : '';
  const text =
    locale === 'sv'
      ? `${n} ${reported.count === 1 ? 'medlem' : 'medlemmar'} enligt klustret${year}`
      : `${n} ${reported.count === 1 ? 'member' : 'members'} according to the cluster${year}`;
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** "2 registrerade här" / "2 registered here"; "inga registrerade här än" for none. */
export function registeredLabel(count: number, locale: Locale): string {
  if (count === 0) return locale === 'sv' ? 'inga registrerade här än' : 'none registered here yet';
  const n = formatNumber(count, locale);
  return locale === 'sv' ? `${n} registrerade här` : `${n} registered here`;
}

type RelationCounts = ClusterSummary['relationCounts'];

/**
 * The organisations linked to a cluster other than as members, as a phrase:
 * "6 grundare · 1 samleder en agenda" (empty when there are none). They are
 * shown beside the member count, never added to it.
 */
export function otherLinksLabel(counts: RelationCounts, locale: Locale): string {
  return RELATION_KINDS.filter(
    (k): k is Exclude<RelationKind, 'member'> => k !== 'member' && counts[k] > 0,
  )
    .map((k) => `${formatNumber(counts[k], locale)} ${OTHER_LINKS[locale][k](counts[k])}`)
    .join(' · ');
}

const OTHER_LINKS: Record<
  Locale,
  Record<Exclude<RelationKind, 'member'>, (n: number) => string>
> = {
  sv: {
    founder: () => 'grundare',
    partner: () => 'partner',
    'agenda-co-lead': () => 'samleder en agenda',
  },
  en: {
    founder: (n) => (n === 1 ? 'founder' : 'founders'),
    partner: (n) => (n === 1 ? 'partner' : 'partners'),
    'agenda-co-lead': (n) => (n === 1 ? 'co-leads an agenda' : 'co-lead an agenda'),
  },
};

/**
 * How an organisation is linked to a cluster, before the cluster's name:
 * "Grundare av OpenTech". In a list (`short`) a member's link is its cluster's
 * name alone, and the others read "grundare av OpenTech".
 */
export function linkLabel(
  link: { name: string; relation: RelationKind },
  locale: Locale,
  short = false,
): string {
  if (short && link.relation === 'member') return link.name;
  const phrase = relationPhrase(link.relation, locale);
  return `${short ? phrase.toLocaleLowerCase(locale) : phrase} ${link.name}`;
}

/** "Medlem i", "Grundare av", "Samleder en agenda med" / "Member of", "Founder of" … */
export function relationPhrase(relation: RelationKind, locale: Locale): string {
  return RELATION_KIND_LABELS[relation].phrase[locale];
}
