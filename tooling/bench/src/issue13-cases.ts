/**
 * The cases issue 13 asks `pnpm bench` to show, each runnable alone
 * (BENCH_CASES): visitors with and without an administrator saving once a
 * second, computed Q3 against the limit, compressed bytes, a download flood
 * and a batch flood with /healthz and admin saves meanwhile, 1 vs 2 workers.
 * Each case starts its own server from the target's build, so a case's
 * settings (download limits, workers) and leftovers never reach the next.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { signIn, type SaveResult } from './admin-client';
import { batchPath } from './batch';
import { runJson } from './children';
import type { FloodConfig, FloodResult } from './flood-runner';
import {
  cursorsFor,
  prime,
  q3Slug,
  readMixData,
  startTarget,
  type Running,
  type Target,
} from './issue13-setup';
import { measure, measureMix, type LoadResult } from './load';
import type { SideConfig, SideResult } from './side-runner';
import { freePort } from './processes';
import { summarize, tally, type Summary } from './stats';
import { measureWorkers, workersCases, type WorkersRow } from './workers-case';
import { pagedFilters, visitorRequests } from './visitor-mix';
import { wireBytes } from './wire-bytes';
import type { AnswerMode } from './report';

export interface Timing {
  warmup: number;
  seconds: number;
}

export interface Saves {
  summary: Summary;
  statuses: Record<string, number>;
}

export interface FreshnessResult {
  urls: number;
  modes: { mode: AnswerMode; without: LoadResult; with: LoadResult; saves: Saves }[];
}

export interface Q3Result {
  raw: LoadResult;
  trpc: LoadResult;
  rest: LoadResult;
}

export interface CompressionResult {
  name: string;
  path: string;
  variants: { asked: string; status: number; encoding: string; bytes: number; ms: number }[];
}

export interface FloodCaseResult {
  name: string;
  settings: string;
  flood: Omit<FloodResult, 'ms'> & { summary: Summary };
  health: Summary;
  healthStatuses: Record<string, number>;
  saves: Saves;
}

const saves = (list: SaveResult[]): Saves => ({
  summary: summarize(list.filter((s) => s.status === 200).map((s) => s.ms)),
  statuses: tally(list.map((s) => s.status)),
});

/** `cookie`: signed in before the load starts (sign-in is not what these cases measure). */
function side(
  r: Running & { cookie: string },
  t: Timing,
  writeIds: number[],
  writesPerSecond: number,
  health: boolean,
) {
  const { cookie } = r;
  const config: SideConfig = {
    cookie,
    base: r.base,
    origin: r.origin,
    warmupMs: t.warmup * 1000,
    durationMs: t.seconds * 1000,
    writeIds,
    writesPerSecond,
    health,
  };
  return runJson<SideResult>('side-runner.ts', [JSON.stringify(config)]);
}

async function withServer<T>(
  target: Target,
  extra: Record<string, string>,
  fn: (r: Running) => Promise<T>,
) {
  const server = await startTarget(target, extra);
  try {
    return await fn(server);
  } finally {
    await server.stop();
  }
}

/** Draws of the visitor mix (duplicates dropped: about 1,300 different URLs). */
const URL_DRAWS = 1500;

export function freshness(target: Target, t: Timing, work: string): Promise<FreshnessResult> {
  return withServer(target, {}, async (r) => {
    const data = readMixData(target.db, target.pages);
    data.cursors = await cursorsFor(r.base, pagedFilters(data, 40));
    const urls = visitorRequests(data, URL_DRAWS);
    const file = path.join(work, `urls-${target.label}.json`);
    writeFileSync(file, JSON.stringify(urls));
    const modes: FreshnessResult['modes'] = [];
    for (const mode of ['stored', 'computed'] as const) {
      const options = { warmup: t.warmup, duration: t.seconds, fresh: mode === 'computed' };
      if (mode === 'stored') await prime(r.base, urls);
      const without = await measureMix(r.base, file, options);
      const cookie = await signIn(r);
      const [withWrites, sideResult] = await Promise.all([
        measureMix(r.base, file, options),
        side({ ...r, cookie }, t, data.writeIds, 1, false),
      ]);
      modes.push({ mode, without, with: withWrites, saves: saves(sideResult.saves) });
    }
    return { urls: urls.length, modes };
  });
}

export function q3(target: Target, t: Timing, rawUrl: string): Promise<Q3Result> {
  return withServer(target, {}, async (r) => {
    const slug = q3Slug(target.db);
    const options = { warmup: t.warmup, duration: t.seconds };
    const input = encodeURIComponent(JSON.stringify({ slug }));
    const raw = await measure(rawUrl, options);
    const trpc = await measure(`${r.base}/trpc/member.bySlug?input=${input}`, {
      ...options,
      fresh: true,
    });
    const rest = await measure(`${r.base}/api/v1/members/${slug}`, { ...options, fresh: true });
    return { raw, trpc, rest };
  });
}

export function compression(target: Target): Promise<CompressionResult[]> {
  return withServer(target, {}, async (r) => {
    const cases = [
      ...(target.pages ? [{ name: 'Directory page', path: '/medlemmar?area=tech' }] : []),
      { name: 'REST list, 100 members', path: '/api/v1/members?limit=100' },
      { name: 'Full download (members.csv)', path: '/api/v1/members.csv' },
    ];
    const out: CompressionResult[] = [];
    for (const c of cases) {
      await wireBytes(`${r.base}${c.path}`, 'identity'); // computed and stored once
      const variants = [];
      for (const asked of ['identity', 'gzip', 'br', 'gzip, deflate, br'])
        variants.push(await wireBytes(`${r.base}${c.path}`, asked));
      out.push({ ...c, variants });
    }
    return out;
  });
}

/** Download limits lifted: the flood stands for many addresses, not one (which gets 429s). */
export const MANY_ADDRESSES = { DOWNLOADS_AT_ONCE: '1000', DOWNLOADS_PER_MINUTE: '1000000' };
const CLIENTS = 16;

async function floodCase(
  target: Target,
  t: Timing,
  spec: {
    name: string;
    settings: string;
    env: Record<string, string>;
    flood: Omit<FloodConfig, 'base' | 'warmupMs' | 'durationMs'>;
  },
): Promise<FloodCaseResult> {
  return withServer(target, spec.env, async (r) => {
    const writeIds = readMixData(target.db, false).writeIds;
    const config: FloodConfig = {
      ...spec.flood,
      base: r.base,
      warmupMs: t.warmup * 1000,
      durationMs: t.seconds * 1000,
    };
    const cookie = await signIn(r);
    const [flood, sideResult] = await Promise.all([
      runJson<FloodResult>('flood-runner.ts', [JSON.stringify(config)]),
      side({ ...r, cookie }, t, writeIds, 2, true),
    ]);
    const { ms, ...counts } = flood;
    return {
      name: spec.name,
      settings: spec.settings,
      flood: { ...counts, summary: summarize(ms) },
      health: summarize(sideResult.health.map((h) => h.ms)),
      healthStatuses: tally(sideResult.health.map((h) => h.status)),
      saves: saves(sideResult.saves),
    };
  });
}

export async function floods(
  target: Target,
  t: Timing,
  defaultsToo: boolean,
): Promise<FloodCaseResult[]> {
  const download = { path: '/api/v1/members.csv', clients: CLIENTS };
  const out = [
    await floodCase(target, t, {
      name: 'Download flood',
      settings: `${CLIENTS} clients downloading members.csv back to back, per-address limits lifted`,
      env: MANY_ADDRESSES,
      flood: download,
    }),
  ];
  if (defaultsToo)
    out.push(
      await floodCase(target, t, {
        name: 'Download flood, one address',
        settings: `${CLIENTS} clients from 127.0.0.1, default per-address download limits`,
        env: {},
        flood: download,
      }),
    );
  const batch = batchPath(400);
  out.push(
    await floodCase(target, t, {
      name: 'Batch flood',
      settings: `${CLIENTS} connections sending ${batch.items} directory queries of 100 rows per tRPC batch, no-cache`,
      env: {},
      flood: { path: batch.path, clients: CLIENTS, headers: { 'cache-control': 'no-cache' } },
    }),
  );
  return out;
}

/** 1 vs 2 workers: H5's case (workers-case.ts), two interleaved rounds, best round per cell. */
export async function workers(target: Target, t: Timing): Promise<WorkersRow[]> {
  return measureWorkers({
    main: path.join(target.dist, 'main.js'),
    serverDir: target.serverDir,
    env: target.env,
    port: await freePort(),
    cases: workersCases(q3Slug(target.db)),
    counts: [1, 2],
    rounds: 2,
    seconds: t.seconds,
  });
}
