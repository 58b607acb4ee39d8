/**
 * The visitors of the freshness case, in their own process: autocannon over a
 * list of many different URLs (visitor-mix.ts), a warm-up then a measured
 * run, printing the measured result as JSON (as load-runner.ts does).
 * With `fresh`, every request says `Cache-Control: no-cache`.
 * Usage: tsx mix-runner.ts <base url> <urls.json> <connections> <warm-up s> <duration s> [fresh]
 */
import { readFileSync } from 'node:fs';
import autocannon from 'autocannon';

const [base, file, connections, warmup, duration, mode] = process.argv.slice(2);
if (!base || !file || !connections || !warmup || !duration)
  throw new Error('usage: mix-runner <base> <urls.json> <connections> <warm-up s> <duration s>');
const urls = JSON.parse(readFileSync(file, 'utf8')) as string[];
let next = 0;

const run = (seconds: number) =>
  autocannon({
    url: base,
    connections: Number(connections),
    duration: seconds,
    headers: mode === 'fresh' ? { 'cache-control': 'no-cache' } : {},
    requests: [
      {
        // Each request takes the next URL of the list, across all connections.
        setupRequest: (request) => ({ ...request, path: urls[next++ % urls.length] ?? '/' }),
      },
    ],
  });

await run(Number(warmup));
const result = await run(Number(duration));
process.stdout.write(JSON.stringify(result));
