/**
 * The visitors' request list for the freshness case: many different URLs
 * drawn from the generated data — directory pages with varied filters and
 * pages, member pages by slug, REST and tRPC lists, searches — the way real
 * traffic spreads over a site, instead of one URL repeated. Seeded, so a run
 * can be replayed and "before" and "after" ask for the very same list.
 */

export interface MixData {
  slugs: readonly string[];
  areas: readonly string[];
  clusters: readonly string[];
  /** Search words that occur in the data. */
  words: readonly string[];
  municipalities: readonly string[];
  kinds: readonly string[];
  /** Later directory pages: a canonical filter query (may be '') and the cursor of its page 2. */
  cursors: readonly { filters: string; cursor: string }[];
  /** Whether the public site is built (page URLs are left out when it is not). */
  pages: boolean;
}

/** mulberry32: a small seeded generator. */
export function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export type RequestKind =
  | 'directory page'
  | 'member page'
  | 'REST list'
  | 'REST member'
  | 'tRPC directory'
  | 'tRPC member'
  | 'search';

/** Shares of the mix; page kinds are skipped when the site is not built. */
export const MIX: readonly [RequestKind, number][] = [
  ['directory page', 0.2],
  ['member page', 0.15],
  ['REST list', 0.15],
  ['REST member', 0.1],
  ['tRPC directory', 0.1],
  ['tRPC member', 0.1],
  ['search', 0.2],
];

const SORTS = ['name', 'newest'] as const;

/**
 * Filters in the site's canonical order (q, area, cluster, municipality,
 * kind, size, sort), so a page URL is answered directly instead of with the
 * redirect to its canonical address.
 */
export function randomFilters(data: MixData, rnd: () => number): [string, string][] {
  const pick = <T>(items: readonly T[]): T => items[Math.floor(rnd() * items.length)] as T;
  const out: [string, string][] = [];
  if (data.areas.length > 0 && rnd() < 0.5) out.push(['area', pick(data.areas)]);
  if (data.clusters.length > 0 && rnd() < 0.25) out.push(['cluster', pick(data.clusters)]);
  if (data.municipalities.length > 0 && rnd() < 0.4)
    out.push(['municipality', pick(data.municipalities)]);
  if (data.kinds.length > 0 && rnd() < 0.3) out.push(['kind', pick(data.kinds)]);
  if (rnd() < 0.3) out.push(['sort', pick(SORTS)]);
  return out;
}

const query = (pairs: [string, string][]) => new URLSearchParams(pairs).toString();
const trpc = (procedure: string, input: unknown) =>
  `/trpc/${procedure}?input=${encodeURIComponent(JSON.stringify(input))}`;
/** tRPC's directory input from URL pairs (list filters as arrays, as the site sends them). */
function directoryInput(pairs: [string, string][], limit: number): Record<string, unknown> {
  const input: Record<string, unknown> = { limit };
  for (const [k, v] of pairs) input[k] = k === 'q' || k === 'sort' ? v : [v];
  return input;
}

export function visitorRequest(kind: RequestKind, data: MixData, rnd: () => number): string {
  const pick = <T>(items: readonly T[]): T => items[Math.floor(rnd() * items.length)] as T;
  const en = rnd() < 0.3;
  const filters = randomFilters(data, rnd);
  switch (kind) {
    case 'directory page': {
      const base = en ? '/en/members' : '/medlemmar';
      if (data.cursors.length > 0 && rnd() < 0.3) {
        const later = pick(data.cursors);
        const paging = new URLSearchParams({ cursor: later.cursor, p: '2' }).toString();
        return `${base}?${later.filters ? `${later.filters}&` : ''}${paging}`;
      }
      const q = query(filters);
      return q ? `${base}?${q}` : base;
    }
    case 'member page':
      return `${en ? '/en/members' : '/medlemmar'}/${pick(data.slugs)}`;
    case 'REST list':
      return `/api/v1/members?${query([...filters, ['limit', String(pick([20, 50, 100]))]])}`;
    case 'REST member':
      return `/api/v1/members/${pick(data.slugs)}`;
    case 'tRPC directory':
      return trpc('member.directory', directoryInput(filters, 20));
    case 'tRPC member':
      return trpc('member.bySlug', { slug: pick(data.slugs) });
    case 'search': {
      const pairs: [string, string][] = [['q', pick(data.words)], ...filters.slice(0, 1)];
      const where = rnd();
      if (data.pages && where < 0.4) return `${en ? '/en/members' : '/medlemmar'}?${query(pairs)}`;
      if (where < 0.7) return `/api/v1/members?${query([...pairs, ['limit', '20']])}`;
      return trpc('member.directory', directoryInput(pairs, 20));
    }
  }
}

/** `count` draws from the mix, duplicates dropped (so usually somewhat fewer URLs). */
export function visitorRequests(data: MixData, count: number, seed = 13): string[] {
  const rnd = random(seed);
  const kinds = MIX.filter(([k]) => data.pages || (k !== 'directory page' && k !== 'member page'));
  const total = kinds.reduce((s, [, w]) => s + w, 0);
  const urls = new Set<string>();
  for (let i = 0; i < count; i++) {
    let r = rnd() * total;
    const kind = kinds.find(([, w]) => (r -= w) < 0)?.[0] ?? 'REST member';
    urls.add(visitorRequest(kind, data, rnd));
  }
  return [...urls];
}

/** Canonical filter queries for later pages, to look up their page-2 cursors. */
export function pagedFilters(data: MixData, count: number, seed = 31): string[] {
  const rnd = random(seed);
  const out = new Set<string>(['']);
  for (let i = 0; i < count * 3 && out.size < count; i++) out.add(query(randomFilters(data, rnd)));
  return [...out];
}
