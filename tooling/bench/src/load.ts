/** Load from a separate process (load-runner.ts): 32 connections, warm-up then a measured run. */
import { spawn } from 'node:child_process';
import path from 'node:path';

const RUNNER = path.join(import.meta.dirname, 'load-runner.ts');
const MIX_RUNNER = path.join(import.meta.dirname, 'mix-runner.ts');

export interface LoadResult {
  requestsPerSecond: number;
  p50: number;
  p99: number;
  non2xx: number;
  errors: number;
}

interface AutocannonJson {
  requests: { average: number };
  latency: { p50: number; p99: number };
  non2xx: number;
  errors: number;
}

function runLoad(args: string[], runner = RUNNER): Promise<AutocannonJson> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      ['--conditions=source', '--import', 'tsx', runner, ...args],
      {
        cwd: import.meta.dirname,
        stdio: ['ignore', 'pipe', 'inherit'],
      },
    );
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.on('error', reject);
    child.on('exit', (code) => {
      if (code !== 0) return reject(new Error(`the load generator exited with ${code}`));
      try {
        resolve(JSON.parse(out) as AutocannonJson);
      } catch (error) {
        reject(error instanceof Error ? error : new Error(String(error)));
      }
    });
  });
}

export async function measure(
  url: string,
  options: { connections?: number; warmup?: number; duration?: number; fresh?: boolean } = {},
): Promise<LoadResult> {
  const { connections = 32, warmup = 3, duration = 15, fresh = false } = options;
  const r = await runLoad([
    url,
    String(connections),
    String(warmup),
    String(duration),
    fresh ? 'fresh' : 'stored',
  ]);
  return toResult(r);
}

/** Like measure(), over a list of different URLs (mix-runner.ts) instead of one. */
export async function measureMix(
  base: string,
  urlsFile: string,
  options: { connections?: number; warmup?: number; duration?: number; fresh?: boolean } = {},
): Promise<LoadResult> {
  const { connections = 32, warmup = 3, duration = 15, fresh = false } = options;
  const args = [base, urlsFile, String(connections), String(warmup), String(duration)];
  return toResult(await runLoad([...args, fresh ? 'fresh' : 'stored'], MIX_RUNNER));
}

function toResult(r: AutocannonJson): LoadResult {
  return {
    requestsPerSecond: r.requests.average,
    p50: r.latency.p50,
    p99: r.latency.p99,
    non2xx: r.non2xx,
    errors: r.errors,
  };
}
