/**
 * The site-wide search box: one text finds members, clusters, areas and
 * news, grouped by kind. Members come from the directory (its full-text
 * index, ranking and organisation-number lookup, the first few and the
 * total, so the page links on to the directory with the same text); the
 * other kinds are a few dozen documents, matched in memory on words
 * prepared once per change of what they read (site-search-text.ts).
 * Calls and events join here as further groups once they exist.
 */
import { SITE_SEARCH_MEMBERS, type MemberDirectoryQuery } from '@cos/domain';
import type { ArticleReads } from './article-reads';
import type { MemberDirectory } from './directory';
import type { PublicReads } from './public-reads';
import type { ResultCache } from './result-cache';
import { FEW_HITS } from './search-correction';
import { prepare, rank } from './site-search-text';

const PUBLISHED = ['published'] as const;

/** Field weights: a name or title counts three times a body text, a summary twice. */
const NAME = 3;
const SUMMARY = 2;
const BODY = 1;

export class SiteSearch {
  constructor(
    private readonly cache: ResultCache,
    private readonly directory: MemberDirectory,
    private readonly publicReads: PublicReads,
    private readonly articles: ArticleReads,
  ) {}

  search(q: string | undefined, now = new Date()) {
    if (!q)
      return {
        q: '',
        total: 0,
        members: { items: [], total: 0 },
        clusters: [],
        areas: [],
        articles: [],
        correction: null,
      };
    const found = this.groups(q, now);
    if (found.total >= FEW_HITS) return { ...found, correction: null };
    // The directory's correction, from the vocabulary of the register (search-correction.ts).
    const corrected = found.correction ?? this.directory.correction(q, { statuses: PUBLISHED });
    if (corrected === null) return { ...found, correction: null };
    if (found.total > 0) return { ...found, correction: { q: corrected, applied: false } };
    const instead = this.groups(corrected, now);
    // A correction that finds nothing either is no help.
    if (instead.total === 0) return { ...found, correction: null };
    // q stays the text as typed; the groups are the corrected text's.
    return { ...instead, q, correction: { q: corrected, applied: true } };
  }

  /** Every group for one text, and the members' own correction when the directory made one. */
  private groups(q: string, now: Date) {
    const query: MemberDirectoryQuery = {
      q,
      area: [],
      cluster: [],
      municipality: [],
      kind: [],
      size: [],
      limit: SITE_SEARCH_MEMBERS,
    };
    const found = this.directory.query(query, { statuses: PUBLISHED });
    // The directory searches a corrected text at once when it finds nothing; here the correction
    // is the whole page's (search()), so the members of this text are none.
    const members = found.correction?.applied ? { items: [], total: 0 } : found;
    const clusters = rank(this.clusterDocs(), q);
    const areas = rank(this.areaDocs(), q);
    const due = now.toISOString();
    const articles = rank(
      this.articleDocs().filter((d) => d.item.publishedAt <= due),
      q,
    );
    return {
      q,
      total: members.total + clusters.length + areas.length + articles.length,
      members: { items: members.items, total: members.total },
      clusters,
      areas,
      articles,
      correction: found.correction?.q ?? null,
    };
  }

  private clusterDocs() {
    return this.cache.get(['clusters', 'areas', 'members', 'images'], 'search:clusters', () =>
      this.publicReads.clusters().map((c) => ({
        item: {
          slug: c.slug,
          name: c.name,
          shortName: c.shortName,
          description: c.description,
          areas: c.areas,
        },
        prepared: prepare(c.name, [
          { text: `${c.name} ${c.shortName}`, weight: NAME },
          { text: c.areas.map((a) => `${a.name.sv} ${a.name.en}`).join(' '), weight: SUMMARY },
          { text: `${c.description.sv} ${c.description.en} ${c.city}`, weight: BODY },
        ]),
      })),
    );
  }

  private areaDocs() {
    return this.cache.get(['areas', 'clusters', 'members'], 'search:areas', () =>
      this.publicReads.areas().map((a) => ({
        item: { slug: a.slug, name: a.name, summary: a.summary },
        prepared: prepare(a.name.sv, [
          { text: `${a.name.sv} ${a.name.en}`, weight: NAME },
          { text: `${a.summary.sv} ${a.summary.en}`, weight: SUMMARY },
        ]),
      })),
    );
  }

  private articleDocs() {
    return this.cache.get(['articles', 'clusters', 'images'], 'search:articles', () =>
      this.articles.publishedWithBodies().map((a) => ({
        item: {
          slug: a.slug,
          slugs: a.slugs,
          title: a.title,
          summary: a.summary,
          publishedAt: a.publishedAt,
          cluster: a.cluster,
        },
        prepared: prepare(a.title.sv, [
          { text: `${a.title.sv} ${a.title.en}`, weight: NAME },
          {
            text: `${a.summary.sv} ${a.summary.en} ${a.tags.map((t) => `${t.name.sv} ${t.name.en}`).join(' ')}`,
            weight: SUMMARY,
          },
          { text: `${a.body.sv} ${a.body.en}`, weight: BODY },
        ]),
      })),
    );
  }
}
