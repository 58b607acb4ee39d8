/**
 * Issue 14's performance promise, in the freshness group: a public submission
 * (an organisation applying to join a cluster) must not make the member
 * directory, its facet counts or its pages recompute. Visitors browse the
 * directory (the freshness case's mix, directory requests only) with stored
 * answers, once alone and once while one join request a second arrives
 * through the public form's procedure; the two p99s should be equal, and the
 * data scopes public answers depend on (members, clusters, areas …) must not
 * move at all while the submissions are stored.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { runJson } from './children';
import { cursorsFor, prime, readMixData, startTarget, type Target } from './issue13-setup';
import type { Timing } from './issue13-cases';
import { measureMix, type LoadResult } from './load';
import { summarize, tally, ratio, type Summary } from './stats';
import type { SubmitConfig, SubmitResult } from './submit-runner';
import { pagedFilters, visitorRequests } from './visitor-mix';

export interface SubmissionsResult {
  urls: number;
  without: LoadResult;
  with: LoadResult;
  submissions: { summary: Summary; statuses: Record<string, number> };
  /** Scopes public answers read whose version changed while the submissions were stored (should be none). */
  scopesMoved: string[];
  /** Other scopes that moved (e.g. audit: read only by the admin's history, never by a public answer). */
  otherScopesMoved: string[];
  /** Join requests stored during the run. */
  stored: number;
}

/** The directory's requests of the visitor mix: its pages, and its tRPC and REST lists. */
export const isDirectoryRequest = (url: string) =>
  /^\/(en\/members|medlemmar)(\?|$)/.test(url) ||
  url.startsWith('/trpc/member.directory') ||
  url.startsWith('/api/v1/members?');

const MIN_FILL_MS = 3_000;

/** The scopes the public site's answers read (their `.meta({ reads })`); stored answers depend on these only. */
export const PUBLIC_SCOPES: readonly string[] = [
  'members',
  'clusters',
  'areas',
  'municipalities',
  'articles',
  'images',
];

function scopeVersions(db: string): Record<string, number> {
  const sqlite = new Database(db, { readonly: true });
  try {
    const rows = sqlite.prepare('SELECT name, version FROM data_scopes').all() as {
      name: string;
      version: number;
    }[];
    return Object.fromEntries(rows.map((r) => [r.name, r.version]));
  } finally {
    sqlite.close();
  }
}

function count(db: string, sql: string): number {
  const sqlite = new Database(db, { readonly: true });
  try {
    return (sqlite.prepare(sql).pluck().get() as number | undefined) ?? 0;
  } finally {
    sqlite.close();
  }
}

export async function submissions(
  target: Target,
  t: Timing,
  work: string,
): Promise<SubmissionsResult> {
  // The submissions come from many addresses, told by X-Forwarded-For from the local load generator.
  const r = await startTarget(target, { TRUST_PROXY: 'loopback' });
  try {
    const data = readMixData(target.db, target.pages);
    data.cursors = await cursorsFor(r.base, pagedFilters(data, 40));
    const urls = visitorRequests(data, 1500).filter(isDirectoryRequest);
    const file = path.join(work, `directory-urls-${target.label}.json`);
    writeFileSync(file, JSON.stringify(urls));
    const options = { warmup: t.warmup, duration: t.seconds, fresh: false };
    await prime(r.base, urls);
    // One unmeasured pass first: the first run after start is slower (JIT, page cache) and would flatter "with".
    await measureMix(r.base, file, { ...options, duration: Math.min(3, t.seconds) });
    const without = await measureMix(r.base, file, options);

    // One form token per submission, fetched as the form page would, and old enough to be accepted.
    const clusterSlug = data.clusters[0] ?? 'opentech';
    const perSecond = 1;
    const needed = Math.ceil((t.warmup + t.seconds) * perSecond) + 2;
    const tokens: string[] = [];
    let clusterId = 0;
    for (let i = 0; i < needed; i++) {
      const response = await fetch(`${r.base}/trpc/joinRequest.start`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', origin: r.origin },
        body: JSON.stringify({ clusterSlug }),
      });
      if (!response.ok)
        throw new Error(`joinRequest.start answered ${response.status}: ${await response.text()}`);
      const body = (await response.json()) as {
        result: { data: { formToken: string; cluster: { id: number } } };
      };
      tokens.push(body.result.data.formToken);
      clusterId = body.result.data.cluster.id;
    }
    await new Promise((resolve) => setTimeout(resolve, MIN_FILL_MS + 200));

    const scopesBefore = scopeVersions(target.db);
    const storedBefore = count(target.db, 'SELECT count(*) FROM join_requests');
    const config: SubmitConfig = {
      base: r.base,
      origin: r.origin,
      warmupMs: t.warmup * 1000,
      durationMs: t.seconds * 1000,
      perSecond,
      clusterId,
      tokens,
    };
    const [withSubmissions, side] = await Promise.all([
      measureMix(r.base, file, options),
      runJson<SubmitResult>('submit-runner.ts', [JSON.stringify(config)]),
    ]);
    const scopesAfter = scopeVersions(target.db);
    const moved = Object.keys(scopesAfter).filter((k) => scopesAfter[k] !== scopesBefore[k]);
    const ok = side.submissions.filter((s) => s.status === 200);
    return {
      urls: urls.length,
      without,
      with: withSubmissions,
      submissions: {
        summary: summarize(ok.map((s) => s.ms)),
        statuses: tally(side.submissions.map((s) => s.status)),
      },
      scopesMoved: moved.filter((k) => PUBLIC_SCOPES.includes(k)),
      otherScopesMoved: moved.filter((k) => !PUBLIC_SCOPES.includes(k)),
      stored: count(target.db, 'SELECT count(*) FROM join_requests') - storedBefore,
    };
  } finally {
    await r.stop();
  }
}

const fmt = (n: number, digits = 0) =>
  Number.isFinite(n)
    ? n.toLocaleString('en-GB', { maximumFractionDigits: digits, minimumFractionDigits: digits })
    : '–';

/**
 * "Equal" within what the same load measures twice on a shared machine: the
 * p99 with submissions at most 1.25× the one without (or within 2 ms), and no
 * data scope moved.
 */
export function submissionsVerdict(s: SubmissionsResult): string {
  const r = ratio(s.with.p99, s.without.p99);
  const misses = [
    r <= 1.25 || s.with.p99 - s.without.p99 <= 2 ? '' : `${fmt(r, 2)}× without`,
    s.scopesMoved.length === 0 ? '' : `scopes moved: ${s.scopesMoved.join(', ')}`,
    s.stored > 0 ? '' : 'no submission stored',
  ].filter(Boolean);
  return misses.length === 0 ? '✅' : `❌ ${misses.join('; ')}`;
}

export function renderSubmissionsTable(
  runs: { label: string; submissions?: SubmissionsResult }[],
  lines: string[],
): void {
  const rows = runs.filter((m) => m.submissions);
  if (rows.length === 0) return;
  lines.push(
    '',
    '**Directory under public submissions** (issue 14): the visitors’ directory requests (stored answers) alone, then with one join request a second through the public form’s procedure, each from another address. The data scopes public answers read must not move (the audit scope may: only the admin’s history reads it).',
    '',
    '| build | URLs | req/s without | p99 without | req/s with | p99 with | ratio | submissions p50 / p99 (statuses) | stored | public scopes moved | other scopes moved | verdict |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: | --- | ---: | --- | --- | --- |',
  );
  for (const m of rows) {
    const s = m.submissions as SubmissionsResult;
    const statuses =
      Object.entries(s.submissions.statuses)
        .map(([k, v]) => `${v}× ${k === '0' ? 'failed' : k}`)
        .join(', ') || 'none';
    lines.push(
      `| ${m.label} | ${s.urls} | ${fmt(s.without.requestsPerSecond)} | ${s.without.p99} ms | ${fmt(s.with.requestsPerSecond)} | ${s.with.p99} ms | ${fmt(ratio(s.with.p99, s.without.p99), 2)}× | ${fmt(s.submissions.summary.p50, 1)} / ${fmt(s.submissions.summary.p99, 1)} ms (${statuses}) | ${s.stored} | ${s.scopesMoved.join(', ') || 'none'} | ${s.otherScopesMoved.join(', ') || 'none'} | ${submissionsVerdict(s)} |`,
    );
  }
}
