/** Turns the measurements into the markdown of BENCHMARKS.md, targets checked. */
import os from 'node:os';
import type { LoadResult } from './load';
import type { ReliabilityCase } from './reliability';
import type { SearchResult } from './search-case';
import { searchSection } from './search-report';

/** stored: repeated requests, answered from the response cache; computed: Cache-Control: no-cache. */
export type AnswerMode = 'stored' | 'computed';

export interface Measurements {
  members: number;
  seconds: number;
  raw: Record<'q1' | 'q2' | 'q3', LoadResult>;
  api: { name: string; raw: 'q1' | 'q2' | 'q3'; mode: AnswerMode; result: LoadResult }[];
  /** null: the page cases were not selected (BENCH_CASES). */
  pages: { name: string; mode: AnswerMode; result: LoadResult }[] | null;
  /** null: the bulk cases were not selected. */
  bulk: {
    peakRssMb: number;
    startupMs: number;
    seedMs: number;
    exportMs: number;
    importMs: number;
  } | null;
  reliability: ReliabilityCase[];
  /** null: the search case was not selected. */
  search: SearchResult | null;
}

const fmt = (n: number, digits = 0) =>
  n.toLocaleString('en-GB', { maximumFractionDigits: digits, minimumFractionDigits: digits });
const check = (ok: boolean, miss: string) => (ok ? '✅' : `❌ ${miss}`);

export function renderReport(m: Measurements): string {
  const lines: string[] = [];
  lines.push(
    `Measured ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC on ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'unknown CPU'}, ` +
      `${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}, ${fmt(m.members)} demo members; ` +
      `32 connections, 3 s warm-up, ${m.seconds} s measured per case, load generator (autocannon) in its own process. ` +
      '_stored_: the same request repeated, answered from the response cache; ' +
      '_computed_: the same request with `Cache-Control: no-cache`, so every answer runs the whole stack.',
  );
  if (m.api.length > 0) apiTables(m, lines);
  if (m.pages) pagesTable(m.pages, lines);
  if (m.bulk) bulkTable(m.members, m.bulk, lines);
  if (m.search) searchSection(m.search, lines);
  if (m.reliability.length > 0) reliabilityTable(m.reliability, lines);
  return lines.join('\n');
}

function apiTables(m: Measurements, lines: string[]) {
  lines.push(
    '',
    '### The limit: node:http + better-sqlite3, the same SQL as the API',
    '',
    '| query | req/s | p50 ms | p99 ms |',
    '|---|---:|---:|---:|',
  );
  for (const [name, r] of Object.entries(m.raw))
    lines.push(`| ${name.toUpperCase()} | ${fmt(r.requestsPerSecond)} | ${r.p50} | ${r.p99} |`);
  lines.push(
    '',
    '### API (production build of the server)',
    '',
    '| case | answer | req/s | × raw | p50 ms | p99 ms | non-2xx | targets (≥ 0.5× raw, p99 < 10 ms) |',
    '|---|---|---:|---:|---:|---:|---:|---|',
  );
  for (const a of m.api) {
    const ratio = a.result.requestsPerSecond / m.raw[a.raw].requestsPerSecond;
    const misses = [
      ratio >= 0.5 ? '' : `ratio ${fmt(ratio, 2)} (${fmt((0.5 - ratio) * 100)} points short)`,
      a.result.p99 < 10 ? '' : `p99 ${a.result.p99} ms (${fmt(a.result.p99 - 10)} ms over)`,
    ].filter(Boolean);
    lines.push(
      `| ${a.name} | ${a.mode} | ${fmt(a.result.requestsPerSecond)} | ${fmt(ratio, 2)} | ${a.result.p50} | ${a.result.p99} | ${a.result.non2xx} | ${check(misses.length === 0, misses.join('; '))} |`,
    );
  }
}

function pagesTable(pages: NonNullable<Measurements['pages']>, lines: string[]) {
  if (pages.length > 0) {
    lines.push(
      '',
      '### Pages (Astro SSR through the real server)',
      '',
      '| page | answer | req/s | p50 ms | p99 ms | non-2xx | target (p99 < 25 ms) |',
      '|---|---|---:|---:|---:|---:|---|',
    );
    for (const p of pages) {
      lines.push(
        `| ${p.name} | ${p.mode} | ${fmt(p.result.requestsPerSecond)} | ${p.result.p50} | ${p.result.p99} | ${p.result.non2xx} | ${check(p.result.p99 < 25, `${fmt(p.result.p99 - 25)} ms over`)} |`,
      );
    }
  } else {
    lines.push('', '_Pages: the public site was not built, so page cases were skipped._');
  }
}

function bulkTable(members: number, b: NonNullable<Measurements['bulk']>, lines: string[]) {
  const m = { members, ...b };
  lines.push(
    '',
    '### Bulk work, memory and start-up',
    '',
    '| what | measured | target |',
    '|---|---:|---|',
  );
  lines.push(
    `| CSV import of ${fmt(m.members)} members (validate + write, one transaction; \`pnpm cli import members --apply\`) | ${fmt(m.importMs / 1000, 1)} s | ${check(m.importMs < 10_000, `${fmt((m.importMs - 10_000) / 1000, 1)} s over 10 s`)} |`,
  );
  lines.push(
    `| CSV export of every published member (\`pnpm cli export members\`) | ${fmt(m.exportMs / 1000, 2)} s | ${check(m.exportMs < 2_000, `${fmt((m.exportMs - 2_000) / 1000, 2)} s over 2 s`)} |`,
  );
  lines.push(
    `| Seeding ${fmt(m.members)} demo members (\`pnpm cli seed --demo\`) | ${fmt(m.seedMs / 1000, 1)} s | – |`,
  );
  lines.push(
    `| Server peak RSS during the load cases | ${m.peakRssMb} MB | ${check(m.peakRssMb < 250, `${m.peakRssMb - 250} MB over 250 MB`)} |`,
  );
  lines.push(
    `| Start-up: process start → healthy /healthz (median of 3) | ${fmt(m.startupMs)} ms | ${check(m.startupMs < 2_000, `${fmt(m.startupMs - 2_000)} ms over 2 s`)} |`,
  );
  lines.push(
    '',
    'Bulk times are wall-clock for the whole CLI process (start-up, parsing and writing included).',
  );
}

function reliabilityTable(reliability: ReliabilityCase[], lines: string[]) {
  lines.push(
    '',
    '### Reliability tests at bench size',
    '',
    'The test files CI runs small (`apps/server/src/reliability`), with larger settings.',
    '',
    '| tests | settings | passed | failed | time | outcome |',
    '|---|---|---:|---:|---:|---|',
  );
  for (const r of reliability) {
    lines.push(
      `| \`${r.file.replace('src/reliability/', '')}\` | ${r.settings} | ${r.passed} | ${r.failed} | ${fmt(r.seconds)} s | ${check(r.failed === 0 && r.passed > 0, r.failures.slice(0, 2).join('; ').replaceAll('|', '\\|') || 'did not run')} |`,
    );
  }
  const notes = reliability.flatMap((r) => r.notes);
  if (notes.length > 0) lines.push('', ...notes.map((n) => `- ${n}`));
}
