/**
 * What runs beside a load case, in its own process so the load's own work
 * cannot delay it: an administrator saving members on a fixed schedule
 * (sign-in, read, save) and/or a /healthz probe (one request at a time, every
 * 50 ms). A sample counts when its answer comes after the first `warmupMs`
 * (so a save that started in the warm-up and ended in the window counts, with
 * its whole time): the figures cover the load's measured window. Prints { saves, health } as JSON.
 * Usage: tsx side-runner.ts '<json SideConfig>'
 */
import { saveMember, type AdminTarget, type SaveResult } from './admin-client';

export interface SideConfig extends AdminTarget {
  warmupMs: number;
  durationMs: number;
  /** Members to save in turn; none: no writer. */
  writeIds: number[];
  writesPerSecond: number;
  /** The administrator's session, signed in before the load began (as an admin at work is). */
  cookie: string;
  health: boolean;
}

export interface SideResult {
  saves: SaveResult[];
  health: { status: number; ms: number }[];
}

const config = JSON.parse(process.argv[2] ?? '{}') as SideConfig;
const started = performance.now();
const end = started + config.warmupMs + config.durationMs;
const measuring = () => performance.now() - started >= config.warmupMs;
const result: SideResult = { saves: [], health: [] };
const sleep = (ms: number) => new Promise((r) => setTimeout(r, Math.max(0, ms)));

async function writer() {
  const { cookie } = config;
  const every = 1000 / config.writesPerSecond;
  for (let n = 0, due = performance.now(); due < end; n++, due += every) {
    await sleep(due - performance.now());
    // An admin waits for a save before the next one: a slow save delays the schedule.
    const id = config.writeIds[n % config.writeIds.length] as number;
    const saved = await saveMember(config, cookie, id, n);
    if (measuring()) result.saves.push(saved);
    if (performance.now() > due + every) due = performance.now() - every;
  }
}

async function health() {
  while (performance.now() < end) {
    const t = performance.now();
    let status = 0;
    try {
      const response = await fetch(`${config.base}/healthz`, {
        signal: AbortSignal.timeout(30_000),
      });
      await response.arrayBuffer();
      status = response.status;
    } catch {
      // timed out or refused: status 0
    }
    if (measuring()) result.health.push({ status, ms: performance.now() - t });
    await sleep(50);
  }
}

await Promise.all([
  config.writeIds.length > 0 ? writer() : Promise.resolve(),
  config.health ? health() : Promise.resolve(),
]);
process.stdout.write(JSON.stringify(result));
