/**
 * An article's form values (what inputs hold) and their conversion to the
 * API's inputs through the shared schemas, as in member-form.ts; the cover
 * image is split into fields, and the publication time is the browser's.
 */
import {
  articleCreateInput,
  articleUpdateInput,
  type ArticleCreateInput,
  type ArticleUpdateInput,
  type Status,
} from '@cos/domain';
import { validatedBy, type Validated, type Bilingual } from './forms';

/** One tag's row: its Swedish word and English name; `key` keeps a row's inputs while others are removed. */
export interface TagValues {
  key: number;
  sv: string;
  en: string;
}

export interface ArticleFormValues {
  slug: string;
  /** Empty: made from the English title (and kept as it is on a change). */
  slugEn: string;
  title: Bilingual;
  summary: Bilingual;
  body: Bilingual;
  hasCover: boolean;
  /** An uploaded cover's content hash ('' for none); the address is used only without one. */
  coverImage: string;
  coverSrc: string;
  coverAlt: Bilingual;
  author: string;
  tags: TagValues[];
  clusterId: string;
  /** datetime-local text, in the browser's time zone: "2025-03-01T09:30". */
  publishedAt: string;
  status: Status;
}

export interface ArticleRecordLike {
  slug: string;
  slugEn?: string | null;
  title: Bilingual;
  summary: Bilingual;
  body: Bilingual;
  coverImage: { src?: string; image?: string; alt: Bilingual } | null;
  author: string;
  tags: { sv: string; en: string }[];
  clusterId: number | null;
  publishedAt: string | null;
  status: Status;
}

export const ARTICLE_FIELD_PATHS = [
  'title.sv',
  'title.en',
  'slug',
  'slugEn',
  'summary.sv',
  'summary.en',
  'body.sv',
  'body.en',
  'hasCover',
  'cover.hash',
  'coverSrc',
  'coverAlt.sv',
  'coverAlt.en',
  'author',
  'tags',
  'clusterId',
  'publishedAt',
  'status',
] as const;

/** An ISO instant as a datetime-local value in this browser's time zone. */
export function isoToLocalInput(iso: string | null): string {
  if (!iso) return '';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return '';
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/** A datetime-local value (browser time zone) as an ISO instant; "" → null; nonsense kept for the schema to name. */
export function localInputToIso(value: string): string | null {
  if (value.trim() === '') return null;
  const d = new Date(value);
  return Number.isNaN(d.getTime()) ? value : d.toISOString();
}

/** A new, empty tag row with a key no other row has. */
export function emptyTag(list: readonly TagValues[]): TagValues {
  return { key: Math.max(0, ...list.map((t) => t.key)) + 1, sv: '', en: '' };
}

export function emptyArticleValues(clusterId: number | null = null): ArticleFormValues {
  return {
    slug: '',
    slugEn: '',
    title: { sv: '', en: '' },
    summary: { sv: '', en: '' },
    body: { sv: '', en: '' },
    hasCover: false,
    coverImage: '',
    coverSrc: '',
    coverAlt: { sv: '', en: '' },
    author: '',
    tags: [],
    clusterId: clusterId === null ? '' : String(clusterId),
    publishedAt: '',
    status: 'draft',
  };
}

export function articleToValues(r: ArticleRecordLike): ArticleFormValues {
  return {
    slug: r.slug,
    slugEn: r.slugEn ?? '',
    title: { ...r.title },
    summary: { ...r.summary },
    body: { ...r.body },
    hasCover: r.coverImage !== null,
    coverImage: r.coverImage?.image ?? '',
    coverSrc: r.coverImage?.src ?? '',
    coverAlt: r.coverImage ? { ...r.coverImage.alt } : { sv: '', en: '' },
    author: r.author,
    tags: r.tags.map((tag, index) => ({ key: index + 1, sv: tag.sv, en: tag.en })),
    clusterId: r.clusterId === null ? '' : String(r.clusterId),
    publishedAt: isoToLocalInput(r.publishedAt),
    status: r.status,
  };
}

/** An upload wins over an address; with neither, the schema says to give one. */
function coverRaw(v: ArticleFormValues) {
  if (v.coverImage !== '') return { image: v.coverImage, alt: v.coverAlt };
  return v.coverSrc.trim() === '' ? { alt: v.coverAlt } : { src: v.coverSrc, alt: v.coverAlt };
}

function articleRaw(v: ArticleFormValues) {
  return {
    slug: v.slug.trim() === '' ? undefined : v.slug.trim(),
    slugEn: v.slugEn.trim() === '' ? undefined : v.slugEn.trim(),
    title: v.title,
    summary: v.summary,
    body: v.body,
    coverImage: v.hasCover ? coverRaw(v) : null,
    author: v.author,
    // Every row, a blank one too: its error then names the row it is on.
    tags: v.tags.map((tag) => ({ sv: tag.sv, en: tag.en })),
    clusterId: v.clusterId === '' ? null : Number(v.clusterId),
    publishedAt: localInputToIso(v.publishedAt),
    status: v.status,
  };
}

/** Schema paths → the form's control paths (the cover image is split into fields here). */
function articleErrors<T>(validated: Validated<T>): Validated<T> {
  if (validated.ok) return validated;
  const errors: Record<string, string[]> = {};
  for (const [path, messages] of Object.entries(validated.errors)) {
    const key = path
      .replace(/^coverImage\.src$/, 'coverSrc')
      .replace(/^coverImage\.image$/, 'cover.hash')
      .replace(/^coverImage\.alt\.(sv|en)$/, 'coverAlt.$1')
      .replace(/^coverImage\.alt$/, 'coverAlt.sv');
    errors[key] = [...(errors[key] ?? []), ...messages];
  }
  return { ok: false, errors };
}

export function validateArticleCreate(v: ArticleFormValues): Validated<ArticleCreateInput> {
  return articleErrors(validatedBy(articleCreateInput.safeParse(articleRaw(v))));
}

export function validateArticleUpdate(
  v: ArticleFormValues,
  id: number,
  version: number,
): Validated<ArticleUpdateInput> {
  return articleErrors(
    validatedBy(articleUpdateInput.safeParse({ ...articleRaw(v), id, version })),
  );
}
