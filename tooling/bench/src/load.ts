/** Load from a separate process (load-runner.ts): 32 connections, warm-up then a measured run. */
import { spawn } from 'node:child_process';
import path from 'node:path';

const RUNNER = path.join(import.meta.dirname, 'load-runner.ts');

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

function runLoad(args: string[]): Promise<AutocannonJson> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', RUNNER, ...args], {
      cwd: import.meta.dirname,
      stdio: ['ignore', 'pipe', 'inherit'],
    });
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
  return {
    requestsPerSecond: r.requests.average,
    p50: r.latency.p50,
    p99: r.latency.p99,
    non2xx: r.non2xx,
    errors: r.errors,
  };
}
