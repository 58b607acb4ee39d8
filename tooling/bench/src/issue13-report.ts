/**
 * The issue-13 cases as markdown, targets checked; with a "before" build
 * measured in the same run, each row shows before next to after.
 */
import type {
  CompressionResult,
  FloodCaseResult,
  FreshnessResult,
  Q3Result,
  Saves,
} from './issue13-cases';
import { renderSubmissionsTable, type SubmissionsResult } from './submissions-case';
import { renderWorkersTable, type WorkersRow } from './workers-case';
import os from 'node:os';
import { ratio } from './stats';

export interface Issue13Measurements {
  label: string;
  freshness?: FreshnessResult;
  /** Issue 14: the directory with and without one public submission a second (submissions-case.ts). */
  submissions?: SubmissionsResult;
  q3?: Q3Result;
  compression?: CompressionResult[];
  floods?: FloodCaseResult[];
  workers?: WorkersRow[];
  /** Cases that failed in this build, with the reason. */
  failures?: string[];
}

export const fmt = (n: number, digits = 0) =>
  Number.isFinite(n)
    ? n.toLocaleString('en-GB', { maximumFractionDigits: digits, minimumFractionDigits: digits })
    : '–';
export const check = (ok: boolean, miss: string) => (ok ? '✅' : `❌ ${miss}`);
const ms = (n: number) => `${fmt(n, n < 10 ? 1 : 0)} ms`;
const statuses = (s: Record<string, number>) =>
  Object.entries(s)
    .map(([k, v]) => `${v}× ${k === '0' ? 'failed' : k}`)
    .join(', ') || 'none';
const savesCell = (s: Saves) =>
  `${ms(s.summary.p50)} / ${ms(s.summary.p99)} (${statuses(s.statuses)})`;

/** Targets of "What it must show": with writes ≤ 2× without and under 50 ms. */
export function freshnessVerdict(without: number, withWrites: number): string {
  const r = ratio(withWrites, without);
  const misses = [
    r <= 2 ? '' : `${fmt(r, 1)}× without`,
    withWrites < 50 ? '' : `${fmt(withWrites - 50)} ms over 50 ms`,
  ].filter(Boolean);
  return check(misses.length === 0, misses.join('; '));
}

export function floodVerdict(healthP99: number, savesP99: number, saved: number): string {
  const misses = [
    healthP99 < 200 ? '' : `/healthz ${fmt(healthP99)} ms`,
    saved === 0 ? 'no save answered' : savesP99 < 500 ? '' : `saves ${fmt(savesP99)} ms`,
  ].filter(Boolean);
  return check(misses.length === 0, misses.join('; '));
}

function freshnessTable(runs: Issue13Measurements[], lines: string[]) {
  const rows = runs.flatMap((m) =>
    m.freshness ? m.freshness.modes.map((x) => ({ m, x, urls: m.freshness?.urls ?? 0 })) : [],
  );
  if (rows.length === 0) return;
  lines.push(
    '',
    '### Visitors with and without one administrator saving a member a second',
    '',
    `Visitors: 32 connections over ${fmt(rows[0]?.urls ?? 0)} different URLs drawn from the data (directory pages with filters and later pages, member pages, REST and tRPC lists and members, searches; \`visitor-mix.ts\`). The administrator signs in and, once a second, reads a member and saves it through \`member.admin.update\` (\`side-runner.ts\`, its own process).`,
    '',
    '| answer | build | req/s without | p99 without | req/s with | p99 with | with ÷ without | admin save p50 / p99 | visitor non-2xx | target (with ≤ 2× without, < 50 ms) |',
    '|---|---|---:|---:|---:|---:|---:|---|---:|---|',
  );
  const sorted = [...rows].sort((a, b) => a.x.mode.localeCompare(b.x.mode) * -1);
  for (const { m, x } of sorted)
    lines.push(
      `| ${x.mode} | ${m.label} | ${fmt(x.without.requestsPerSecond)} | ${x.without.p99} ms | ${fmt(x.with.requestsPerSecond)} | ${x.with.p99} ms | ${fmt(ratio(x.with.p99, x.without.p99), 1)}× | ${savesCell(x.saves)} | ${x.without.non2xx + x.with.non2xx} | ${freshnessVerdict(x.without.p99, x.with.p99)} |`,
    );
}

function q3Table(runs: Issue13Measurements[], lines: string[]) {
  const rows = runs.filter((m) => m.q3);
  if (rows.length === 0) return;
  lines.push(
    '',
    '### Computed Q3 (one member by slug) against the limit',
    '',
    'Each build measured right after the limit (raw node:http + better-sqlite3, same SQL), `Cache-Control: no-cache`.',
    '',
    '| build | limit req/s | tRPC req/s | tRPC × limit | REST req/s | REST × limit | target (≥ 0.5× both) |',
    '|---|---:|---:|---:|---:|---:|---|',
  );
  for (const m of rows) {
    const q = m.q3 as Q3Result;
    const t = ratio(q.trpc.requestsPerSecond, q.raw.requestsPerSecond);
    const r = ratio(q.rest.requestsPerSecond, q.raw.requestsPerSecond);
    const misses = [
      t >= 0.5 ? '' : `tRPC ${fmt(t, 2)}×`,
      r >= 0.5 ? '' : `REST ${fmt(r, 2)}×`,
    ].filter(Boolean);
    lines.push(
      `| ${m.label} | ${fmt(q.raw.requestsPerSecond)} | ${fmt(q.trpc.requestsPerSecond)} | ${fmt(t, 2)} | ${fmt(q.rest.requestsPerSecond)} | ${fmt(r, 2)} | ${check(misses.length === 0, misses.join('; '))} |`,
    );
  }
}

function compressionTable(runs: Issue13Measurements[], lines: string[]) {
  const rows = runs.flatMap((m) => (m.compression ?? []).map((c) => ({ m, c })));
  if (rows.length === 0) return;
  lines.push(
    '',
    '### Compressed bytes',
    '',
    'Bytes on the wire (raw node:http, not decoded) per `Accept-Encoding`, with the `Content-Encoding` answered; the first request of each answer is made before these.',
    '',
    '| answer | build | identity | gzip | br | `gzip, deflate, br` | time (identity / br) |',
    '|---|---|---:|---:|---:|---:|---:|',
  );
  const cell = (c: CompressionResult, asked: string) => {
    const v = c.variants.find((x) => x.asked === asked);
    if (!v) return '–';
    const size = v.bytes >= 1e6 ? `${fmt(v.bytes / 1e6, 1)} MB` : `${fmt(v.bytes / 1e3, 1)} kB`;
    return `${size} (${v.status === 200 ? v.encoding : v.status})`;
  };
  const time = (c: CompressionResult, asked: string) =>
    ms(c.variants.find((x) => x.asked === asked)?.ms ?? Number.NaN);
  for (const { m, c } of [...rows].sort((a, b) => a.c.name.localeCompare(b.c.name)))
    lines.push(
      `| ${c.name} | ${m.label} | ${cell(c, 'identity')} | ${cell(c, 'gzip')} | ${cell(c, 'br')} | ${cell(c, 'gzip, deflate, br')} | ${time(c, 'identity')} / ${time(c, 'br')} |`,
    );
}

function floodTable(runs: Issue13Measurements[], lines: string[]) {
  const rows = runs.flatMap((m) => (m.floods ?? []).map((f) => ({ m, f })));
  if (rows.length === 0) return;
  lines.push(
    '',
    '### Floods: /healthz and an administrator while anonymous clients flood',
    '',
    'Flood from its own process (`flood-runner.ts`, raw node:http, no Accept-Encoding); meanwhile, from another process, /healthz one request at a time every 50 ms and an administrator saving a member twice a second.',
    '',
    '| flood | build | settings | flood answers | flood MB | /healthz p50 / p99 (answers) | admin save p50 / p99 (answers) | targets (/healthz p99 < 200 ms, saves p99 < 500 ms) |',
    '|---|---|---|---|---:|---|---|---|',
  );
  for (const { m, f } of rows)
    lines.push(
      `| ${f.name} | ${m.label} | ${f.settings} | ${statuses(f.flood.statuses)} | ${fmt(f.flood.bytes / 1e6, 1)} | ${ms(f.health.p50)} / ${ms(f.health.p99)} (${statuses(f.healthStatuses)}) | ${savesCell(f.saves)} | ${floodVerdict(f.health.p99, f.saves.summary.p99, f.saves.summary.count)} |`,
    );
}

function workersTable(runs: Issue13Measurements[], lines: string[]) {
  for (const m of runs.filter((r) => r.workers && r.workers.length > 0))
    lines.push(
      '',
      `### One worker against two (\`WORKERS=N\`, ${m.label})`,
      '',
      `Two interleaved rounds (1, 2, 1, 2), the better round per cell; _cores_ is the CPU the server's processes used (CPU-seconds ÷ wall seconds). The load generator shares the machine's ${os.cpus().length} cores; load average at the end: ${os
        .loadavg()
        .map((l) => fmt(l, 1))
        .join(' / ')}.`,
      '',
      renderWorkersTable(m.workers ?? []),
    );
}

function failuresList(runs: Issue13Measurements[], lines: string[]) {
  const failed = runs.flatMap((m) => (m.failures ?? []).map((f) => `- ${m.label}: ${f}`));
  if (failed.length > 0) lines.push('', '### Cases that did not complete', '', ...failed);
}

/** `runs`: the builds measured, in order (e.g. before, after). */
export function renderIssue13(runs: Issue13Measurements[], heading: string): string {
  const lines = [heading];
  freshnessTable(runs, lines);
  renderSubmissionsTable(runs, lines);
  q3Table(runs, lines);
  compressionTable(runs, lines);
  floodTable(runs, lines);
  workersTable(runs, lines);
  failuresList(runs, lines);
  return lines.join('\n');
}
