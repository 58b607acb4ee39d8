/**
 * When to restart a worker that died: at once-ish after a long healthy life,
 * then twice as long after each quick death, up to a ceiling — so a worker
 * that cannot stay up (a corrupt file, a bad deploy) costs a restart every
 * 30 s, not a tight loop that floods the log and burns the CPU the other
 * workers need. A worker that stays up for `stableMs` earns a fresh start.
 */
export interface BackoffOptions {
  initialMs?: number;
  maxMs?: number;
  stableMs?: number;
}

export class RestartBackoff {
  private quickDeaths = 0;
  private readonly initialMs: number;
  private readonly maxMs: number;
  private readonly stableMs: number;

  constructor({ initialMs = 500, maxMs = 30_000, stableMs = 30_000 }: BackoffOptions = {}) {
    this.initialMs = initialMs;
    this.maxMs = maxMs;
    this.stableMs = stableMs;
  }

  /** The wait before restarting a worker that died after `uptimeMs` of life. */
  next(uptimeMs: number): number {
    if (uptimeMs >= this.stableMs) this.quickDeaths = 0;
    const delay = Math.min(this.maxMs, this.initialMs * 2 ** this.quickDeaths);
    this.quickDeaths++;
    return delay;
  }
}
