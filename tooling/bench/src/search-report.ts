/** The search case's section of the printed report (and BENCHMARKS.md's results block). */
import type { SearchResult } from './search-case';

/** The issue's target for a computed ranked search with facets, in-process. */
export const SEARCH_P99_TARGET_MS = 10;

const fmt = (n: number) => n.toLocaleString('en-GB', { maximumFractionDigits: 2 });

export function searchSection(s: SearchResult, lines: string[]) {
  const inProc = s.inProcess;
  const meets = inProc.p99 < SEARCH_P99_TARGET_MS;
  lines.push(
    '',
    '### Search: ranked search plus facets, computed',
    '',
    `Every call a text not searched before in its process (cache misses: ranking and facet counts computed), from the ${fmt(s.vocabulary)}-word vocabulary (search_terms), two-word texts, every fourth narrowed by an area or a kind; one call at a time, limit 20. ` +
      `Rankings computed afresh in the timed in-process calls: ${fmt(inProc.ranked)} of ${fmt(inProc.count)}; ${fmt(inProc.corrected)} came with a spelling correction (few hits). ` +
      'HTTP: `GET /api/v1/members?q=…&limit=20&demo=include` on the production build, other texts of the same kind.',
    '',
    `| where | calls | p50 ms | p95 ms | p99 ms | max ms | target (in-process p99 < ${SEARCH_P99_TARGET_MS} ms) |`,
    '|---|---:|---:|---:|---:|---:|---|',
    `| in-process (\`directory.query\`) | ${fmt(inProc.count)} | ${fmt(inProc.p50)} | ${fmt(inProc.p95)} | ${fmt(inProc.p99)} | ${fmt(inProc.max)} | ${meets ? '✅' : `❌ p99 ${fmt(inProc.p99)} ms (${fmt(inProc.p99 - SEARCH_P99_TARGET_MS)} ms over)`} |`,
    ...Object.entries(inProc.shapes).map(
      ([name, l]) =>
        `| in-process, ${name} | ${fmt(l.count)} | ${fmt(l.p50)} | ${fmt(l.p95)} | ${fmt(l.p99)} | ${fmt(l.max)} | – |`,
    ),
    `| HTTP (REST, ${s.http.non2xx} non-2xx) | ${fmt(s.http.count)} | ${fmt(s.http.p50)} | ${fmt(s.http.p95)} | ${fmt(s.http.p99)} | ${fmt(s.http.max)} | – |`,
    '',
    'Slowest in-process calls: ' +
      inProc.slowest
        .map((c) => {
          const filter = [
            ...c.call.area.map((a) => `area=${a}`),
            ...c.call.kind.map((k) => `kind=${k}`),
          ];
          return `“${c.call.q}”${filter.length > 0 ? ` (${filter.join(', ')})` : ''} ${fmt(c.ms)} ms, ${fmt(c.total)} ${c.total === 1 ? 'hit' : 'hits'}`;
        })
        .join('; ') +
      '.',
  );
}
