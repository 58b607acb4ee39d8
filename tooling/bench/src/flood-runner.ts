/**
 * A flood from anonymous clients, in its own process: `clients` loops, each
 * asking for `path` again as soon as the previous answer ended, for
 * `durationMs` (plus `warmupMs`, not counted). Raw node:http, no
 * Accept-Encoding (as curl or a script sends), bodies drained and counted but
 * not decoded, so the flood's own CPU stays small. Prints counts as JSON.
 * Usage: tsx flood-runner.ts '<json FloodConfig>'
 */
import http from 'node:http';

export interface FloodConfig {
  base: string;
  path: string;
  clients: number;
  warmupMs: number;
  durationMs: number;
  headers?: Record<string, string>;
}

export interface FloodResult {
  requests: number;
  statuses: Record<string, number>;
  bytes: number;
  /** Answers in the measured window, ms. */
  ms: number[];
}

const config = JSON.parse(process.argv[2] ?? '{}') as FloodConfig;
const started = performance.now();
const end = started + config.warmupMs + config.durationMs;
const agent = new http.Agent({ keepAlive: true, maxSockets: config.clients });
const result: FloodResult = { requests: 0, statuses: {}, bytes: 0, ms: [] };

function once(): Promise<void> {
  return new Promise((resolve) => {
    const t = performance.now();
    const counted = t - started >= config.warmupMs;
    const request = http.get(
      `${config.base}${config.path}`,
      { agent, headers: config.headers ?? {}, timeout: 60_000 },
      (response) => {
        let bytes = 0;
        response.on('data', (chunk: Buffer) => (bytes += chunk.byteLength));
        response.on('error', () => finish('error', bytes));
        response.on('end', () => finish(String(response.statusCode), bytes));
      },
    );
    // The window ends: stop mid-download, as a client that gives up would.
    const stop = setTimeout(() => request.destroy(), Math.max(0, end - t));
    request.on('timeout', () => request.destroy());
    request.on('error', () => finish('error', 0));
    let done = false;
    function finish(status: string, bytes: number) {
      if (done) return;
      done = true;
      clearTimeout(stop);
      if (counted && performance.now() <= end) {
        result.requests++;
        result.statuses[status] = (result.statuses[status] ?? 0) + 1;
        result.bytes += bytes;
        result.ms.push(performance.now() - t);
      }
      resolve();
    }
  });
}

async function client() {
  while (performance.now() < end) await once();
}

await Promise.all(Array.from({ length: config.clients }, () => client()));
agent.destroy();
process.stdout.write(JSON.stringify(result));
