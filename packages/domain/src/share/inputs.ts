/**
 * The share card's input from the public reads' shapes: one mapping used by
 * both the site (to name the image) and the server (to draw it), so the two
 * can never disagree about what a card shows. Typed structurally: only the
 * fields the card needs.
 */
import { pickLocale } from '../bilingual';
import type { ShareInput, ShareLocale } from './card';

type Text = { sv: string; en: string };
type Logo = { src: string } | null;

export const shareInputs = {
  cluster(
    c: { slug: string; name: string; areas: readonly { name: Text }[]; logo: Logo },
    locale: ShareLocale,
  ): ShareInput {
    return {
      kind: 'cluster',
      slug: c.slug,
      name: c.name,
      areas: c.areas.map((a) => pickLocale(a.name, locale)),
      logoSrc: c.logo?.src ?? null,
    };
  },
  member(m: {
    slug: string;
    name: string;
    clusters: readonly { name: string }[];
    logo: Logo;
  }): ShareInput {
    return {
      kind: 'member',
      slug: m.slug,
      name: m.name,
      clusters: m.clusters.map((c) => c.name),
      logoSrc: m.logo?.src ?? null,
    };
  },
  area(a: { slug: string; name: Text; summary: Text }, locale: ShareLocale): ShareInput {
    return {
      kind: 'area',
      slug: a.slug,
      name: pickLocale(a.name, locale),
      summary: pickLocale(a.summary, locale),
    };
  },
  article(
    a: { slug: string; title: Text; summary: Text; cluster: { slug: string } | null },
    locale: ShareLocale,
  ): ShareInput {
    return {
      kind: 'article',
      slug: a.slug,
      title: pickLocale(a.title, locale),
      summary: pickLocale(a.summary, locale),
      clusterSlug: a.cluster?.slug ?? null,
    };
  },
};
