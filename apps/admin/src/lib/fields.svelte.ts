/**
 * Field names and values as people read them, for the history and the
 * conflict view: labels in the interface language, ids as names, codes as
 * words, empty as "(empty)".
 */
import {
  MEMBER_KIND_LABELS,
  municipalityByCode,
  SIZE_BAND_LABELS,
  type MemberKind,
  type SizeBand,
} from '@cos/domain';
import type { MessageKey } from './i18n';
import { fmt, i18n, t } from './i18n/locale.svelte';
import { taxonomy } from './taxonomy.svelte';

const LABELS: Record<string, MessageKey> = {
  name: 'common.name',
  slug: 'common.slug',
  status: 'common.status',
  organisationNumber: 'member.organisationNumber',
  kind: 'member.kind',
  sizeBand: 'member.sizeBand',
  municipalityCode: 'member.municipality',
  website: 'member.website',
  description: 'member.description',
  areaIds: 'member.areas',
  memberships: 'member.memberships',
  shortName: 'cluster.shortName',
  email: 'cluster.email',
  city: 'cluster.city',
  foundedYear: 'cluster.foundedYear',
  logoUrl: 'cluster.logoUrl',
  logo: 'image.logo',
  cover: 'image.cover',
  confidence: 'cluster.confidence',
  sourceNote: 'cluster.sourceNote',
  sourceNoteText: 'cluster.sourceNote',
  sources: 'clusterSources.sources',
  reportedMembers: 'clusterSources.reported',
  summary: 'area.summary',
  sortOrder: 'area.sortOrder',
  title: 'article.title',
  body: 'article.body',
  coverImage: 'article.cover',
  hasCover: 'article.cover',
  coverSrc: 'article.coverSrc',
  coverAlt: 'article.coverAlt',
  password: 'user.password',
  author: 'article.author',
  tags: 'article.tags',
  slugEn: 'article.slugEn',
  clusterId: 'article.cluster',
  publishedAt: 'article.publishedAt',
  role: 'user.role',
  disabled: 'users.col.disabled',
  notificationMode: 'notify.legend',
  mailLanguage: 'notify.language',
  isDemo: 'members.filter.demo',
  outsideSkane: 'member.outsideSkane',
};

export function fieldLabel(path: string): string {
  const [head = path, lang] = path.split('.');
  const key = LABELS[head];
  const base = key ? t(key) : head;
  if (lang === 'sv') return `${base} (${t('common.swedish').toLowerCase()})`;
  if (lang === 'en') return `${base} (${t('common.english').toLowerCase()})`;
  return base;
}

function isEmpty(value: unknown): boolean {
  return (
    value === null ||
    value === undefined ||
    value === '' ||
    (Array.isArray(value) && value.length === 0)
  );
}

export function formatValue(path: string, value: unknown): string {
  if (isEmpty(value)) return t('conflict.empty');
  const head = path.split('.')[0];
  const locale = i18n.locale;
  switch (head) {
    case 'status':
      return value === 'draft' || value === 'published' || value === 'archived'
        ? t(`status.${value}`)
        : String(value);
    case 'kind':
      return MEMBER_KIND_LABELS[value as MemberKind]?.[locale] ?? String(value);
    case 'sizeBand':
      return SIZE_BAND_LABELS[value as SizeBand]?.[locale] ?? String(value);
    case 'municipalityCode':
      return municipalityByCode(String(value))?.name ?? String(value);
    case 'areaIds':
      return (value as number[]).map((id) => taxonomy.areaName(id, locale)).join(', ');
    case 'clusterId':
      return taxonomy.clusterName(value as number);
    case 'memberships':
      return (value as { clusterId: number; since: string | null }[])
        .map(
          (m) =>
            `${taxonomy.clusterName(m.clusterId)}${m.since ? ` (${t('member.since').toLowerCase()} ${m.since})` : ''}`,
        )
        .join(', ');
    case 'logo': {
      // An image as people know it: by its Swedish alt text.
      const alt = (value as { alt?: { sv?: string } }).alt?.sv;
      return alt ? `${t('image.logo')}: ${alt}` : t('image.logo');
    }
    case 'reportedMembers': {
      const r = value as { count: number | null; qualifier: string | null; year: number | null };
      if (r.count === null) return t('conflict.empty');
      const qualifier = r.qualifier
        ? `${t(`clusterSources.qualifier.${r.qualifier as 'about'}`)} `
        : '';
      return `${qualifier}${fmt.number(r.count)}${r.year === null ? '' : ` (${r.year})`}`;
    }
    case 'sources':
      return (value as { title: { sv: string }; year: number | null; url: string | null }[])
        .map(
          (s) => `${s.title.sv}${s.year === null ? '' : ` (${s.year})`}${s.url ? ` ${s.url}` : ''}`,
        )
        .join('; ');
    case 'disabled':
    case 'isDemo':
    case 'outsideSkane':
      return value ? t('common.yes') : t('common.no');
    case 'publishedAt':
      return typeof value === 'string' ? fmt.dateTime(value) : String(value);
    case 'tags':
      // Audit entries before tags had English names hold plain words.
      return Array.isArray(value)
        ? (value as (string | { sv: string; en: string })[])
            .map((tag) =>
              typeof tag === 'string' ? tag : tag.en ? `${tag.sv} (${tag.en})` : tag.sv,
            )
            .join(', ')
        : JSON.stringify(value);
    case 'role':
      return value === 'admin' || value === 'editor' ? t(`user.role.${value}`) : String(value);
    case 'notificationMode':
      return value === 'each' || value === 'daily' ? t(`notify.${value}`) : String(value);
    case 'mailLanguage':
      return value === 'sv' || value === 'en' ? t(`notify.${value}`) : String(value);
    default:
      return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean'
        ? String(value)
        : JSON.stringify(value);
  }
}
