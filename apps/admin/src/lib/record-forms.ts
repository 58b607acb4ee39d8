/**
 * Form values (what inputs hold) for clusters, areas, articles and users,
 * and their conversion to the API's inputs through the shared schemas — the
 * same pattern as member-form.ts.
 */
import {
  areaCreateInput,
  areaUpdateInput,
  articleCreateInput,
  articleUpdateInput,
  clusterCreateInput,
  clusterUpdateInput,
  userCreateInput,
  userUpdateInput,
  type AreaCreateInput,
  type AreaUpdateInput,
  type ArticleCreateInput,
  type ArticleUpdateInput,
  type ClusterCreateInput,
  type ClusterUpdateInput,
  type Status,
  type UserCreateInput,
  type UserUpdateInput,
} from '@cos/domain';
import { blankToNull, issuesToFieldErrors } from './forms';
import type { Validated } from './forms';

type Bilingual = { sv: string; en: string };

function result<T>(
  parsed:
    | { success: true; data: T }
    | { success: false; error: { issues: { path: PropertyKey[]; message: string }[] } },
): Validated<T> {
  return parsed.success
    ? { ok: true, input: parsed.data }
    : { ok: false, errors: issuesToFieldErrors(parsed.error.issues) };
}

/** "" → null, "1999" → 1999, anything else is passed on for the schema to name. */
function numberOrNull(value: string): number | null | string {
  const v = value.trim();
  if (v === '') return null;
  return /^-?\d+$/.test(v) ? Number(v) : v;
}

// ── Clusters ────────────────────────────────────────────────────────────────
export interface ClusterFormValues {
  name: string;
  shortName: string;
  slug: string;
  description: Bilingual;
  website: string;
  email: string;
  city: string;
  municipalityCode: string;
  foundedYear: string;
  logoUrl: string;
  areaIds: number[];
  confidence: 'high' | 'medium' | 'guess';
  sourceNote: string;
  status: Status;
}

export interface ClusterRecordLike {
  slug: string;
  name: string;
  shortName: string;
  description: Bilingual;
  website: string | null;
  email: string | null;
  city: string;
  municipalityCode: string | null;
  foundedYear: number | null;
  logoUrl: string | null;
  areaIds: number[];
  confidence: 'high' | 'medium' | 'guess';
  sourceNote: string;
  status: Status;
}

export const CLUSTER_FIELD_PATHS = [
  'name',
  'shortName',
  'slug',
  'description.sv',
  'description.en',
  'website',
  'email',
  'city',
  'municipalityCode',
  'foundedYear',
  'logoUrl',
  'areaIds',
  'confidence',
  'sourceNote',
  'status',
] as const;

export function emptyClusterValues(): ClusterFormValues {
  return {
    name: '',
    shortName: '',
    slug: '',
    description: { sv: '', en: '' },
    website: '',
    email: '',
    city: '',
    municipalityCode: '',
    foundedYear: '',
    logoUrl: '',
    areaIds: [],
    confidence: 'high',
    sourceNote: '',
    status: 'draft',
  };
}

export function clusterToValues(r: ClusterRecordLike): ClusterFormValues {
  return {
    name: r.name,
    shortName: r.shortName,
    slug: r.slug,
    description: { ...r.description },
    website: r.website ?? '',
    email: r.email ?? '',
    city: r.city,
    municipalityCode: r.municipalityCode ?? '',
    foundedYear: r.foundedYear === null ? '' : String(r.foundedYear),
    logoUrl: r.logoUrl ?? '',
    areaIds: [...r.areaIds].sort((a, b) => a - b),
    confidence: r.confidence,
    sourceNote: r.sourceNote,
    status: r.status,
  };
}

function clusterRaw(v: ClusterFormValues) {
  return {
    name: v.name,
    shortName: v.shortName,
    slug: v.slug.trim() === '' ? undefined : v.slug.trim(),
    description: v.description,
    website: blankToNull(v.website),
    email: blankToNull(v.email),
    city: v.city,
    municipalityCode: blankToNull(v.municipalityCode),
    foundedYear: numberOrNull(v.foundedYear),
    logoUrl: blankToNull(v.logoUrl),
    areaIds: v.areaIds,
    confidence: v.confidence,
    sourceNote: v.sourceNote,
    status: v.status,
  };
}

export function validateClusterCreate(v: ClusterFormValues): Validated<ClusterCreateInput> {
  return result(clusterCreateInput.safeParse(clusterRaw(v)));
}

export function validateClusterUpdate(
  v: ClusterFormValues,
  id: number,
  version: number,
): Validated<ClusterUpdateInput> {
  return result(clusterUpdateInput.safeParse({ ...clusterRaw(v), id, version }));
}

// ── Areas ───────────────────────────────────────────────────────────────────
export interface AreaFormValues {
  slug: string;
  name: Bilingual;
  summary: Bilingual;
  sortOrder: string;
}

export interface AreaRecordLike {
  slug: string;
  name: Bilingual;
  summary: Bilingual;
  sortOrder: number;
}

export const AREA_FIELD_PATHS = [
  'slug',
  'name.sv',
  'name.en',
  'summary.sv',
  'summary.en',
  'sortOrder',
] as const;

export function emptyAreaValues(): AreaFormValues {
  return { slug: '', name: { sv: '', en: '' }, summary: { sv: '', en: '' }, sortOrder: '0' };
}

export function areaToValues(r: AreaRecordLike): AreaFormValues {
  return {
    slug: r.slug,
    name: { ...r.name },
    summary: { ...r.summary },
    sortOrder: String(r.sortOrder),
  };
}

function areaRaw(v: AreaFormValues) {
  return {
    slug: v.slug.trim(),
    name: v.name,
    summary: v.summary,
    sortOrder: numberOrNull(v.sortOrder) ?? 0,
  };
}

export function validateAreaCreate(v: AreaFormValues): Validated<AreaCreateInput> {
  return result(areaCreateInput.safeParse(areaRaw(v)));
}

export function validateAreaUpdate(
  v: AreaFormValues,
  id: number,
  version: number,
): Validated<AreaUpdateInput> {
  return result(areaUpdateInput.safeParse({ ...areaRaw(v), id, version }));
}

// ── Articles ────────────────────────────────────────────────────────────────
export interface ArticleFormValues {
  slug: string;
  title: Bilingual;
  summary: Bilingual;
  body: Bilingual;
  hasCover: boolean;
  coverSrc: string;
  coverAlt: Bilingual;
  author: string;
  tags: string;
  clusterId: string;
  /** datetime-local text, in the browser's time zone: "2025-03-01T09:30". */
  publishedAt: string;
  status: Status;
}

export interface ArticleRecordLike {
  slug: string;
  title: Bilingual;
  summary: Bilingual;
  body: Bilingual;
  coverImage: { src: string; alt: Bilingual } | null;
  author: string;
  tags: string[];
  clusterId: number | null;
  publishedAt: string | null;
  status: Status;
}

export const ARTICLE_FIELD_PATHS = [
  'title.sv',
  'title.en',
  'slug',
  'summary.sv',
  'summary.en',
  'body.sv',
  'body.en',
  'hasCover',
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

export function parseTags(text: string): string[] {
  return text
    .split(',')
    .map((t) => t.trim())
    .filter((t) => t !== '');
}

export function emptyArticleValues(clusterId: number | null = null): ArticleFormValues {
  return {
    slug: '',
    title: { sv: '', en: '' },
    summary: { sv: '', en: '' },
    body: { sv: '', en: '' },
    hasCover: false,
    coverSrc: '',
    coverAlt: { sv: '', en: '' },
    author: '',
    tags: '',
    clusterId: clusterId === null ? '' : String(clusterId),
    publishedAt: '',
    status: 'draft',
  };
}

export function articleToValues(r: ArticleRecordLike): ArticleFormValues {
  return {
    slug: r.slug,
    title: { ...r.title },
    summary: { ...r.summary },
    body: { ...r.body },
    hasCover: r.coverImage !== null,
    coverSrc: r.coverImage?.src ?? '',
    coverAlt: r.coverImage ? { ...r.coverImage.alt } : { sv: '', en: '' },
    author: r.author,
    tags: r.tags.join(', '),
    clusterId: r.clusterId === null ? '' : String(r.clusterId),
    publishedAt: isoToLocalInput(r.publishedAt),
    status: r.status,
  };
}

function articleRaw(v: ArticleFormValues) {
  return {
    slug: v.slug.trim() === '' ? undefined : v.slug.trim(),
    title: v.title,
    summary: v.summary,
    body: v.body,
    coverImage: v.hasCover ? { src: v.coverSrc, alt: v.coverAlt } : null,
    author: v.author,
    tags: parseTags(v.tags),
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
      .replace(/^coverImage\.alt\.(sv|en)$/, 'coverAlt.$1')
      .replace(/^coverImage\.alt$/, 'coverAlt.sv')
      .replace(/^tags\.\d+$/, 'tags');
    errors[key] = [...(errors[key] ?? []), ...messages];
  }
  return { ok: false, errors };
}

export function validateArticleCreate(v: ArticleFormValues): Validated<ArticleCreateInput> {
  return articleErrors(result(articleCreateInput.safeParse(articleRaw(v))));
}

export function validateArticleUpdate(
  v: ArticleFormValues,
  id: number,
  version: number,
): Validated<ArticleUpdateInput> {
  return articleErrors(result(articleUpdateInput.safeParse({ ...articleRaw(v), id, version })));
}

// ── Users ───────────────────────────────────────────────────────────────────
export interface UserFormValues {
  email: string;
  name: string;
  role: 'admin' | 'editor';
  clusterId: string;
  password: string;
  disabled: boolean;
}

export interface UserRecordLike {
  email: string;
  name: string;
  role: 'admin' | 'editor';
  clusterId: number | null;
  disabled: boolean;
}

export const USER_FIELD_PATHS = [
  'email',
  'name',
  'role',
  'clusterId',
  'password',
  'disabled',
] as const;

export function emptyUserValues(): UserFormValues {
  return { email: '', name: '', role: 'editor', clusterId: '', password: '', disabled: false };
}

export function userToValues(r: UserRecordLike): UserFormValues {
  return {
    email: r.email,
    name: r.name,
    role: r.role,
    clusterId: r.clusterId === null ? '' : String(r.clusterId),
    password: '',
    disabled: r.disabled,
  };
}

const clusterOf = (v: UserFormValues) =>
  v.role === 'admin' || v.clusterId === '' ? null : Number(v.clusterId);

export function validateUserCreate(v: UserFormValues): Validated<UserCreateInput> {
  return result(
    userCreateInput.safeParse({
      email: v.email,
      name: v.name,
      role: v.role,
      clusterId: clusterOf(v),
      password: v.password,
    }),
  );
}

export function validateUserUpdate(v: UserFormValues, id: string): Validated<UserUpdateInput> {
  return result(
    userUpdateInput.safeParse({
      id,
      name: v.name,
      role: v.role,
      clusterId: clusterOf(v),
      disabled: v.disabled,
    }),
  );
}
