/**
 * The search case (BENCH_CASES=search): ranked search plus facets, computed,
 * on the bench database. The directory caches a ranking per text and facet
 * counts per filter, so every timed call searches a text not searched before
 * in that process (search-texts.ts) and each call is a cache miss.
 * In-process: services.directory.query, as the server's REST route calls it,
 * one call at a time, timed with performance.now() (target p99 < 10 ms,
 * printed, never asserted). Over HTTP: other texts of the same kind through
 * the built server's GET /api/v1/members, one request at a time; with
 * demo=include, as all but ten of the bench's members are demo members (REST
 * leaves them out unless asked) and in-process searches them too.
 */
import { getServices } from '@cos/api';
import { openDatabase } from '@cos/db';
import { MEMBER_KINDS, type MemberDirectoryQuery } from '@cos/domain';
import { start, waitUntilOk } from './processes';
import { searchCalls, type SearchCall } from './search-texts';
import { percentile } from './stats';

/** Timed calls in-process, at most (BENCH_SEARCH_CALLS), a third as many over HTTP; each side first makes WARMUP untimed ones. */
const CALLS = Number(process.env.BENCH_SEARCH_CALLS ?? 3000);
const HTTP_CALLS = Math.ceil(CALLS / 3);
const WARMUP = 50;

export interface Latencies {
  count: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
}

export interface SearchResult {
  /** Distinct words in search_terms (the vocabulary the texts come from). */
  vocabulary: number;
  inProcess: Latencies & {
    /** Rankings computed afresh during the timed calls (a cache miss each). */
    ranked: number;
    /** Timed calls that came with a spelling correction (few hits: search-correction.ts). */
    corrected: number;
    /** The same timed calls by their kind of text. */
    shapes: Record<Shape, Latencies>;
    /** The slowest timed calls. */
    slowest: { call: SearchCall; ms: number; total: number }[];
  };
  http: Latencies & { non2xx: number };
}

export type Shape = 'one word' | 'two words' | 'narrowed (area or kind)';
const shape = (c: SearchCall): Shape =>
  c.area.length + c.kind.length > 0
    ? 'narrowed (area or kind)'
    : c.q.includes(' ')
      ? 'two words'
      : 'one word';

export interface SearchCaseOptions {
  db: string;
  main: string;
  serverDir: string;
  env: Record<string, string>;
  port: number;
  log: (message: string) => void;
}

export function latencies(values: readonly number[]): Latencies {
  const round = (n: number) => Math.round(n * 100) / 100;
  return {
    count: values.length,
    p50: round(percentile(values, 0.5)),
    p95: round(percentile(values, 0.95)),
    p99: round(percentile(values, 0.99)),
    max: round(values.length === 0 ? 0 : Math.max(...values)),
  };
}

const SCOPE = { statuses: ['published' as const] };
const query = (call: SearchCall | null): MemberDirectoryQuery => ({
  q: call?.q,
  area: call?.area ?? [],
  cluster: [],
  municipality: [],
  // The kinds are the database's own (a CHECK holds them to MEMBER_KINDS).
  kind: MEMBER_KINDS.filter((k) => call?.kind.includes(k)),
  size: [],
  limit: 20,
});

export async function runSearch(o: SearchCaseOptions): Promise<SearchResult> {
  const handle = openDatabase({ url: o.db });
  let calls: SearchCall[];
  let httpCalls: SearchCall[];
  let vocabulary: number;
  let inProcess: SearchResult['inProcess'];
  try {
    const sqlite = handle.sqlite;
    const words = sqlite
      .prepare('SELECT term FROM search_terms ORDER BY id')
      .pluck()
      .all() as string[];
    vocabulary = words.length;
    const names = sqlite
      .prepare("SELECT name FROM members WHERE status = 'published' ORDER BY id LIMIT 20000")
      .pluck()
      .all() as string[];
    const areas = sqlite.prepare('SELECT slug FROM areas ORDER BY id').pluck().all() as string[];
    const kinds = sqlite.prepare('SELECT DISTINCT kind FROM members').pluck().all() as string[];
    // One list, split: the HTTP side gets texts the in-process side never searched, every fourth
    // block of four calls, so both get the same mix of one-word, two-word and narrowed texts.
    const all = searchCalls(words, names, { areas, kinds }, 2 * (CALLS + HTTP_CALLS + 2 * WARMUP));
    const overHttp = (i: number) => Math.floor(i / 4) % 4 === 3;
    calls = all.filter((_, i) => !overHttp(i)).slice(0, WARMUP + CALLS);
    httpCalls = all.filter((_, i) => overHttp(i)).slice(0, WARMUP + HTTP_CALLS);
    o.log(
      `search: ${vocabulary} words, ${calls.length} + ${httpCalls.length} distinct texts, in-process…`,
    );

    const directory = getServices(handle).directory;
    // The private counter of directory-rankings.ts: that every timed call ranked afresh.
    const counts = (directory as unknown as { rankings?: { counts?: { ranked: number } } }).rankings
      ?.counts;
    // The facet index and the taxonomy are built once per process, not per search.
    directory.query(query(null), SCOPE);
    const samples: { call: SearchCall; ms: number; total: number }[] = [];
    let ranked = 0;
    let corrected = 0;
    for (const [i, call] of calls.entries()) {
      const before = counts?.ranked ?? 0;
      const started = performance.now();
      const result = directory.query(query(call), SCOPE);
      const ms = performance.now() - started;
      if (i < WARMUP) continue;
      samples.push({ call, ms, total: result.total });
      ranked += (counts?.ranked ?? 0) - before;
      if (result.correction) corrected++;
    }
    inProcess = {
      ...latencies(samples.map((s) => s.ms)),
      ranked,
      corrected,
      shapes: Object.fromEntries(
        (['one word', 'two words', 'narrowed (area or kind)'] as const).map((k) => [
          k,
          latencies(samples.filter((x) => shape(x.call) === k).map((x) => x.ms)),
        ]),
      ) as Record<Shape, Latencies>,
      slowest: [...samples].sort((a, b) => b.ms - a.ms).slice(0, 5),
    };
  } finally {
    handle.close();
  }

  o.log(`search: over HTTP…`);
  const server = start(process.execPath, [o.main], { ...o.env, PORT: String(o.port) }, o.serverDir);
  try {
    const base = `http://127.0.0.1:${o.port}`;
    await waitUntilOk(`${base}/healthz`);
    const ms: number[] = [];
    let non2xx = 0;
    for (const [i, call] of httpCalls.entries()) {
      const params = new URLSearchParams({ q: call.q, limit: '20', demo: 'include' });
      for (const a of call.area) params.append('area', a);
      for (const k of call.kind) params.append('kind', k);
      const started = performance.now();
      const response = await fetch(`${base}/api/v1/members?${params}`, {
        headers: { 'cache-control': 'no-cache' },
      });
      await response.arrayBuffer();
      const elapsed = performance.now() - started;
      if (i < WARMUP) continue;
      ms.push(elapsed);
      if (response.status < 200 || response.status >= 300) non2xx++;
    }
    return { vocabulary, inProcess, http: { ...latencies(ms), non2xx } };
  } finally {
    await server.stop();
  }
}
