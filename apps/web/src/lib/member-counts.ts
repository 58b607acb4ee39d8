/**
 * A cluster's two member counts, kept apart: what its own sources report
 * (with the year), and the members registered here. The register lacks most
 * members, so a cluster never reads as having 0 members because of that.
 */
import type { Locale, ReportedMemberQualifier } from '@cos/domain';
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
