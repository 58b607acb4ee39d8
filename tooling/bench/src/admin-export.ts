/**
 * pnpm --filter @cos/bench bench:export — the admin's member export on the
 * production build: for each format, a fresh server on a database of
 * BENCH_MEMBERS demo members (100,000 by default), one signed-in admin
 * downloading everything, and /healthz asked every 50 ms meanwhile. Prints
 * the time, the file's size, the server's peak memory over its idle peak and
 * the health check's latency while the export ran.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { start, timed, waitUntilOk } from './processes';

const ROOT = path.resolve(import.meta.dirname, '../../..');
const SERVER = path.join(ROOT, 'apps/server');
const MAIN = path.join(SERVER, 'dist/main.js');
const CLI = path.join(SERVER, 'dist/cli.js');
const MEMBERS = Number(process.env.BENCH_MEMBERS ?? 100_000);
const PORT = 3911;
const BASE = `http://127.0.0.1:${PORT}`;
const ORIGIN = `http://localhost:${PORT}`;
const FORMATS = ['csv-excel', 'csv', 'xlsx', 'json'] as const;
const ADMIN = { email: 'bench.admin@example.test', password: 'bench admin password 123' };

const work = mkdtempSync(path.join(tmpdir(), 'cos-bench-export-'));
const env = {
  DATABASE_URL: path.join(work, 'bench.db'),
  AUTH_SECRET: 'bench-secret-bench-secret-bench-secret',
  PUBLIC_ORIGIN: ORIGIN,
  LOG_LEVEL: 'warn',
};
const percentile = (values: number[], p: number) =>
  [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor(values.length * p))] ??
  0;

async function signIn(): Promise<string> {
  const response = await fetch(`${BASE}/api/auth/sign-in/email`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: ORIGIN },
    body: JSON.stringify(ADMIN),
  });
  if (!response.ok) throw new Error(`sign-in answered ${response.status}`);
  return response.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
}

/** /healthz latencies, one request at a time every 50 ms, until stopped. */
function watchHealth(): { stop: () => Promise<number[]> } {
  const latencies: number[] = [];
  let running = true;
  const loop = (async () => {
    while (running) {
      const started = performance.now();
      await (await fetch(`${BASE}/healthz`)).arrayBuffer();
      latencies.push(performance.now() - started);
      await new Promise((r) => setTimeout(r, 50));
    }
  })();
  return {
    stop: async () => {
      running = false;
      await loop;
      return latencies;
    },
  };
}

try {
  console.warn(`[bench:export] seeding ${MEMBERS} demo members…`);
  await timed(process.execPath, [CLI, 'seed', '--demo', String(MEMBERS)], env, SERVER);
  await timed(
    process.execPath,
    [CLI, 'user:create', '--email', ADMIN.email, '--password', ADMIN.password, '--role', 'admin'],
    env,
    SERVER,
  );
  const rows: string[] = [];
  for (const format of FORMATS) {
    const server = start(process.execPath, [MAIN], { ...env, PORT: String(PORT) }, SERVER);
    try {
      await waitUntilOk(`${BASE}/healthz`);
      const cookie = await signIn();
      const idleMb = server.peakRssMb();
      const health = watchHealth();
      const started = performance.now();
      const response = await fetch(`${BASE}/api/admin/members/export?format=${format}`, {
        headers: { cookie },
      });
      if (!response.ok || !response.body) throw new Error(`${format}: ${response.status}`);
      let bytes = 0;
      for await (const chunk of response.body) bytes += (chunk as Uint8Array).byteLength;
      const seconds = (performance.now() - started) / 1000;
      const latencies = await health.stop();
      rows.push(
        `| ${format} | ${seconds.toFixed(2)} s | ${(bytes / 1e6).toFixed(1)} MB | ` +
          `${server.peakRssMb()} MB (idle ${idleMb} MB) | ` +
          `${percentile(latencies, 0.5).toFixed(1)} / ${percentile(latencies, 0.99).toFixed(1)} / ` +
          `${Math.max(...latencies).toFixed(1)} ms (${latencies.length}) |`,
      );
    } finally {
      await server.stop();
    }
  }
  const report = [
    `Admin export of ${MEMBERS.toLocaleString('en')} members (production build)`,
    '',
    '| format | time | size | peak RSS | /healthz p50 / p99 / max (samples) |',
    '| --- | --- | --- | --- | --- |',
    ...rows,
  ].join('\n');
  // The report is the output of this command.
  // eslint-disable-next-line no-console
  console.log(report);
} finally {
  rmSync(work, { recursive: true, force: true });
}
