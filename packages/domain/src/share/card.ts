/**
 * Share images (Open Graph / Twitter cards): what one shows, and its address.
 * The site and the server build the same card from the same public data, so
 * the address the page names (with the card's version in it) is the one the
 * server answers as immutable; when the content changes, so does the version,
 * and with it the address. Pure: apps/server renders (packages/api share-image).
 */
import { mediaPath } from '../image';
import { fnv1a, hueFor } from './identity';
import { SHARE_KIND_TEXT, SHARE_PAGE_EYEBROW, SHARE_PAGE_TEXT } from './texts';

export const SHARE_IMAGE = { width: 1200, height: 630, type: 'image/png' } as const;

/** Bump when the drawing changes: every address changes with it, so no cache shows the old one. */
export const SHARE_TEMPLATE_VERSION = 1;

export type ShareLocale = 'sv' | 'en';
export const SHARE_PAGES = [
  'home',
  'areas',
  'clusters',
  'members',
  'map',
  'statistics',
  'news',
  'openData',
  'about',
  'accessibility',
] as const;
export type SharePage = (typeof SHARE_PAGES)[number];
export const SHARE_KINDS = ['page', 'cluster', 'member', 'area', 'article'] as const;
export type ShareKind = (typeof SHARE_KINDS)[number];

export interface ShareCard {
  kind: ShareKind;
  /** A page key for 'page', else the record's slug. */
  slug: string;
  locale: ShareLocale;
  eyebrow: string;
  title: string;
  subtitle: string;
  hue: string;
  /** An uploaded logo's stored file (hash and width), drawn on the card. */
  logo: { hash: string; width: number } | null;
  /** An area drawing (the area's slug), drawn on area cards. */
  art: string | null;
}

/** What each kind of page gives the card; the same fields the public reads answer. */
export type ShareInput =
  | { kind: 'page'; page: SharePage }
  | {
      kind: 'cluster';
      slug: string;
      name: string;
      areas: readonly string[];
      logoSrc: string | null;
    }
  | {
      kind: 'member';
      slug: string;
      name: string;
      clusters: readonly string[];
      logoSrc: string | null;
    }
  | { kind: 'area'; slug: string; name: string; summary: string }
  | { kind: 'article'; slug: string; title: string; summary: string; clusterSlug: string | null };

const MEDIA_SRC = /^\/media\/([0-9a-f]{64})-(\d+)\.webp$/;

/** The stored file behind a logo's `src` (see mediaPath), or null for anything else. */
export function logoFile(src: string | null): ShareCard['logo'] {
  const match = src ? MEDIA_SRC.exec(src) : null;
  if (!match?.[1] || !match[2]) return null;
  const file = { hash: match[1], width: Number(match[2]) };
  return mediaPath(file.hash, file.width) === src ? file : null;
}

const clip = (text: string, max: number) =>
  text.length <= max ? text : `${text.slice(0, max - 1).trimEnd()}…`;

export function shareCard(input: ShareInput, locale: ShareLocale): ShareCard {
  const base = { locale, logo: null, art: null, hue: '#1d5c34' };
  switch (input.kind) {
    case 'page': {
      const [title, subtitle] = SHARE_PAGE_TEXT[input.page][locale];
      const eyebrow = SHARE_PAGE_EYEBROW[input.page === 'home' ? 'home' : 'list'][locale];
      return {
        ...base,
        kind: 'page',
        slug: input.page,
        eyebrow,
        title,
        subtitle,
      };
    }
    case 'cluster':
      return {
        ...base,
        kind: 'cluster',
        slug: input.slug,
        eyebrow: SHARE_KIND_TEXT.cluster[locale],
        title: clip(input.name, 90),
        subtitle: clip(input.areas.join(' · '), 140),
        hue: hueFor(input.slug),
        logo: logoFile(input.logoSrc),
      };
    case 'member':
      return {
        ...base,
        kind: 'member',
        slug: input.slug,
        eyebrow: SHARE_KIND_TEXT.member[locale],
        title: clip(input.name, 90),
        subtitle: clip(input.clusters.join(' · '), 140),
        hue: input.clusters.length > 0 ? '#0e5a6b' : '#1d5c34',
        logo: logoFile(input.logoSrc),
      };
    case 'area':
      return {
        ...base,
        kind: 'area',
        slug: input.slug,
        eyebrow: SHARE_KIND_TEXT.area[locale],
        title: clip(input.name, 90),
        subtitle: clip(input.summary, 160),
        hue: hueFor(input.slug),
        art: input.slug,
      };
    case 'article':
      return {
        ...base,
        kind: 'article',
        slug: input.slug,
        eyebrow: SHARE_KIND_TEXT.article[locale],
        title: clip(input.title, 110),
        subtitle: clip(input.summary, 160),
        hue: input.clusterSlug ? hueFor(input.clusterSlug) : '#1d5c34',
      };
  }
}

/** 12 hex digits over everything drawn (two 32-bit FNV passes): the address changes with the content. */
export function shareVersion(card: ShareCard): string {
  const text = JSON.stringify([SHARE_TEMPLATE_VERSION, card]);
  const a = fnv1a(text).toString(16).padStart(8, '0');
  const b = fnv1a(text, 0x01000193).toString(16).padStart(8, '0');
  return `${a}${b}`.slice(0, 12);
}

/** `/share/<locale>/<kind>/<slug>.<version>.png` */
export function sharePath(card: ShareCard): string {
  return `/share/${card.locale}/${card.kind}/${encodeURIComponent(card.slug)}.${shareVersion(card)}.png`;
}

/** The file part of a share address, split; null when it is not one. */
export function parseShareFile(file: string): { slug: string; version: string } | null {
  const match = /^(.+)\.([0-9a-f]{12})\.png$/.exec(file);
  if (!match?.[1] || !match[2]) return null;
  return { slug: match[1], version: match[2] };
}
