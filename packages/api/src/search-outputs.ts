/** What the site-wide search returns: each kind of content as its own group. */
import { z } from 'zod';
import { areaRefOut, bilingualOut, clusterRefOut, directoryItemOut } from './outputs';

export const siteSearchOut = z.object({
  /** The text searched, as the input schema trimmed it ('' when none). */
  q: z.string(),
  /** Hits over every group (members counted in full, not only those listed). */
  total: z.number(),
  /**
   * A spelling the register holds when the text found little; `applied` when
   * it found nothing and the groups are the corrected text's.
   */
  correction: z.object({ q: z.string(), applied: z.boolean() }).nullable(),
  /** The first members and how many the directory finds for the same text. */
  members: z.object({ items: z.array(directoryItemOut), total: z.number() }),
  clusters: z.array(
    z.object({
      slug: z.string(),
      name: z.string(),
      shortName: z.string(),
      description: bilingualOut,
      areas: z.array(areaRefOut),
    }),
  ),
  areas: z.array(z.object({ slug: z.string(), name: bilingualOut, summary: bilingualOut })),
  articles: z.array(
    z.object({
      slug: z.string(),
      /** The address's last part in each language (an article has a slug per language). */
      slugs: bilingualOut,
      title: bilingualOut,
      summary: bilingualOut,
      publishedAt: z.string(),
      cluster: clusterRefOut.nullable(),
    }),
  ),
});
