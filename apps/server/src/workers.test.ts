import { describe, expect, it } from 'vitest';
import { RestartBackoff } from './cluster-restart';
import { loadConfig } from './config';
import { MAX_WORKERS, parseWorkerHeader, parseWorkers } from './workers';

const base = { DATABASE_URL: '/tmp/cos-workers-test.db', AUTH_SECRET: 'x'.repeat(32) };

describe('the WORKERS setting', () => {
  it('is one process when unset or empty, as before', () => {
    expect(parseWorkers(undefined)).toBe(1);
    expect(parseWorkers('')).toBe(1);
    expect(loadConfig(base).workers).toBe(1);
  });

  it('takes a count, or auto = the available parallelism (within bounds)', () => {
    expect(parseWorkers('2')).toBe(2);
    expect(parseWorkers(' 3 ')).toBe(3);
    expect(parseWorkers('auto', 2)).toBe(2);
    expect(parseWorkers('AUTO', 1000)).toBe(MAX_WORKERS);
    expect(parseWorkers('auto', 0)).toBe(1);
    expect(loadConfig({ ...base, WORKERS: '4' }).workers).toBe(4);
  });

  it.each(['0', '-1', '1.5', 'two', '65', '2 workers'])(
    'refuses %j, naming the setting',
    (value) => {
      expect(() => parseWorkers(value)).toThrow(/^WORKERS must be .*/);
      expect(() => loadConfig({ ...base, WORKERS: value })).toThrow(/WORKERS/);
    },
  );

  it('refuses more than one worker on an in-memory database', () => {
    expect(() => loadConfig({ ...base, DATABASE_URL: ':memory:', WORKERS: '2' })).toThrow(
      /WORKERS=2 needs a database file/,
    );
    expect(loadConfig({ ...base, DATABASE_URL: ':memory:', WORKERS: '1' }).workers).toBe(1);
  });

  it('WORKER_HEADER is off unless asked for', () => {
    expect(parseWorkerHeader(undefined)).toBe(false);
    expect(parseWorkerHeader('0')).toBe(false);
    expect(parseWorkerHeader('1')).toBe(true);
    expect(parseWorkerHeader('true')).toBe(true);
    expect(() => parseWorkerHeader('yes please')).toThrow(/^WORKER_HEADER must be 1 or 0/);
  });
});

describe('restarting a worker that died', () => {
  it('waits longer after each quick death, up to a ceiling: never a tight loop', () => {
    const backoff = new RestartBackoff({ initialMs: 500, maxMs: 8_000, stableMs: 30_000 });
    const delays = Array.from({ length: 7 }, () => backoff.next(100));
    expect(delays).toEqual([500, 1000, 2000, 4000, 8000, 8000, 8000]);
  });

  it('starts over after a worker stayed up long enough', () => {
    const backoff = new RestartBackoff({ initialMs: 500, maxMs: 8_000, stableMs: 30_000 });
    backoff.next(10);
    backoff.next(10);
    expect(backoff.next(10)).toBe(2000);
    expect(backoff.next(30_000)).toBe(500);
    expect(backoff.next(10)).toBe(1000);
  });
});
