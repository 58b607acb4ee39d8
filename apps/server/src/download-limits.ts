/**
 * How many downloads of the register one address may take: at most
 * `atOnce` at the same time and `perMinute` a minute (a token bucket that
 * refills evenly, so a burst of `perMinute` is allowed and then one every
 * 60/perMinute seconds). Over either, the answer is 429 with Retry-After.
 * A person downloads the register once; a script looping over it gets its
 * turn without crowding out everyone else.
 *
 * Kept in memory per process, for at most 10,000 addresses (lru-cache: a
 * flood from many addresses cannot grow it). The address is request.ip, so
 * behind a reverse proxy set TRUST_PROXY for it to be the visitor's.
 */
import { LRUCache } from 'lru-cache';

export interface DownloadLimits {
  /** Downloads one address may run at the same time. */
  atOnce: number;
  /** Downloads one address may start in a minute. */
  perMinute: number;
}

export const DEFAULT_DOWNLOAD_LIMITS: DownloadLimits = { atOnce: 2, perMinute: 10 };

interface Address {
  tokens: number;
  updatedAt: number;
  active: number;
}

export type DownloadTurn =
  { ok: true; done: () => void } | { ok: false; retryAfterSeconds: number };

export class DownloadLimiter {
  private readonly addresses = new LRUCache<string, Address>({ max: 10_000 });

  constructor(
    readonly limits: DownloadLimits = DEFAULT_DOWNLOAD_LIMITS,
    private readonly now: () => number = Date.now,
  ) {}

  /** A turn for this address, or how long to wait; `done` gives the turn back (call it once). */
  take(address: string): DownloadTurn {
    const { atOnce, perMinute } = this.limits;
    const perMs = perMinute / 60_000;
    const now = this.now();
    const state = this.addresses.get(address) ?? { tokens: perMinute, updatedAt: now, active: 0 };
    state.tokens = Math.min(perMinute, state.tokens + (now - state.updatedAt) * perMs);
    state.updatedAt = now;
    this.addresses.set(address, state);
    if (state.active >= atOnce)
      return { ok: false, retryAfterSeconds: Math.max(1, Math.ceil(1 / (perMs * 1000))) };
    if (state.tokens < 1)
      return {
        ok: false,
        retryAfterSeconds: Math.max(1, Math.ceil((1 - state.tokens) / perMs / 1000)),
      };
    state.tokens -= 1;
    state.active += 1;
    let given = false;
    return {
      ok: true,
      done: () => {
        if (given) return;
        given = true;
        state.active = Math.max(0, state.active - 1);
      },
    };
  }
}

/** DOWNLOADS_AT_ONCE and DOWNLOADS_PER_MINUTE (positive whole numbers), or the defaults. */
export function downloadLimitsFromEnv(env: NodeJS.ProcessEnv): DownloadLimits {
  const read = (name: string, fallback: number) => {
    const raw = env[name];
    if (raw === undefined || raw === '') return fallback;
    const value = Number(raw);
    if (!Number.isInteger(value) || value < 1)
      throw new Error(`${name} must be a whole number of at least 1, got "${raw}"`);
    return value;
  };
  return {
    atOnce: read('DOWNLOADS_AT_ONCE', DEFAULT_DOWNLOAD_LIMITS.atOnce),
    perMinute: read('DOWNLOADS_PER_MINUTE', DEFAULT_DOWNLOAD_LIMITS.perMinute),
  };
}
