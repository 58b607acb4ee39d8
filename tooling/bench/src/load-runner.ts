/**
 * The load generator, in its own process: autocannon's programmatic API with
 * a warm-up then a measured run, printing the measured result as JSON.
 * With `fresh`, every request says `Cache-Control: no-cache`, so the server
 * computes every answer instead of sending a stored one: that measures the
 * full path of every request.
 * Usage: tsx load-runner.ts <url> <connections> <warm-up s> <duration s> [fresh]
 */
import autocannon from 'autocannon';

const [url, connections, warmup, duration, mode] = process.argv.slice(2);
if (!url || !connections || !warmup || !duration)
  throw new Error('usage: load-runner <url> <connections> <warm-up s> <duration s> [fresh]');

const run = (seconds: number) =>
  autocannon({
    url,
    connections: Number(connections),
    duration: seconds,
    headers: mode === 'fresh' ? { 'cache-control': 'no-cache' } : {},
  });

await run(Number(warmup));
const result = await run(Number(duration));
process.stdout.write(JSON.stringify(result));
