/**
 * WORKERS=2, as deployed (dist/main.js): two processes on one WAL database,
 * each with its own response cache and result caches. A write through one
 * worker must be seen at once by reads through the other — stored answers
 * (the response cache) and computed ones (search rankings, bypassing stored
 * answers with Cache-Control: no-cache) — and writes arriving at both
 * workers at the same time must all be decided cleanly (saved, or refused
 * as a conflict when stale; never a 5xx). Each request goes on a new
 * connection so node:cluster spreads them; `x-cos-worker` (WORKER_HEADER=1)
 * says which worker answered, so the test can insist that both did.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ORIGIN,
  prepareDatabase,
  signInCookie,
  startServer,
  type Answer,
  type Served,
} from './cluster-support';
import { ADMIN } from './test-server';
import type { Outputs, RestDirectory, RestMember, TrpcResult } from './wire-types';

const dir = mkdtempSync(path.join(os.tmpdir(), 'cos-cluster-'));
const dbFile = path.join(dir, 'platform.db');
let served: Served;
let cookie = '';

interface Target {
  id: number;
  slug: string;
  version: number;
}

function readTargets(limit: number): Target[] {
  const db = new Database(dbFile, { readonly: true });
  try {
    return db
      .prepare(
        "SELECT id, slug, version FROM members WHERE status = 'published' ORDER BY id LIMIT ?",
      )
      .all(limit) as Target[];
  } finally {
    db.close();
  }
}

function storedName(id: number): string {
  const db = new Database(dbFile, { readonly: true });
  try {
    return (db.prepare('SELECT name FROM members WHERE id = ?').get(id) as { name: string }).name;
  } finally {
    db.close();
  }
}

function update(target: Target, version: number, name: string): Promise<Answer> {
  return served.request('/trpc/member.admin.update', {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: ORIGIN, cookie },
    body: JSON.stringify({ id: target.id, version, name }),
  });
}

/** Requests `pathname` until both workers have answered it at least `each` times. */
async function fromBothWorkers(
  pathname: string,
  headers: Record<string, string>,
  each: number,
): Promise<Answer[]> {
  const answers: Answer[] = [];
  const count = () => {
    const by = new Map<string, number>();
    for (const a of answers) by.set(a.worker, (by.get(a.worker) ?? 0) + 1);
    return [...by.values()];
  };
  while (!(count().length >= 2 && count().every((n) => n >= each))) {
    if (answers.length >= 40 * each)
      throw new Error(served.withLog(`only ${JSON.stringify(count())} answers per worker`));
    answers.push(await served.request(pathname, { headers }));
  }
  return answers;
}

beforeAll(async () => {
  await prepareDatabase(dbFile);
  served = await startServer(dbFile, { WORKERS: '2', WORKER_HEADER: '1', LOG_LEVEL: 'warn' });
  cookie = await signInCookie(served, ADMIN);
}, 90_000);

afterAll(async () => {
  await served?.stop();
  rmSync(dir, { recursive: true, force: true });
});

describe('WORKERS=2: one database, two processes', () => {
  it('serves from two distinct worker processes', async () => {
    const answers = await fromBothWorkers('/healthz', {}, 2);
    const pids = new Set(answers.map((a) => a.worker.split(':')[1]));
    expect(pids.size, served.withLog('pids')).toBe(2);
    expect(pids.has(String(served.child.pid)), 'the primary serves nothing').toBe(false);
  });

  it('a write through one worker is read at once through the other, stored and computed', async () => {
    const [target] = readTargets(1);
    if (!target) throw new Error('the default data has no published member');
    let version = target.version;
    let previousToken = '';
    for (let round = 1; round <= 3; round++) {
      const token = `frisk${round}x${Date.now().toString(36)}`;
      const stored = `/api/v1/members/${target.slug}`;
      const computed = `/api/v1/members?q=${token}`;
      const computedBefore = `/api/v1/members?q=${previousToken || 'ingenträff'}`;
      // Both workers hold the answers from before the write: stored, and (by a
      // previous round's search) computed rankings in their result caches.
      await fromBothWorkers(stored, {}, 2);
      await fromBothWorkers(computed, { 'cache-control': 'no-cache' }, 1);

      const written = await update(target, version, `Frisk Medlem ${token}`);
      expect(written.status, served.withLog(written.body)).toBe(200);
      version = (JSON.parse(written.body) as TrpcResult<Outputs['member']['admin']['get']>).result
        .data.version;

      const storedAnswers = await fromBothWorkers(stored, {}, 3);
      const computedAnswers = await fromBothWorkers(computed, { 'cache-control': 'no-cache' }, 3);
      const oldAnswers = await fromBothWorkers(computedBefore, { 'cache-control': 'no-cache' }, 2);
      for (const answer of storedAnswers) {
        expect(answer.status).toBe(200);
        expect(
          (JSON.parse(answer.body) as RestMember).name,
          `stored, worker ${answer.worker}`,
        ).toBe(`Frisk Medlem ${token}`);
      }
      for (const answer of computedAnswers) {
        const body = JSON.parse(answer.body) as RestDirectory;
        expect(
          body.items.map((m) => m.slug),
          `search for the new name, worker ${answer.worker}`,
        ).toEqual([target.slug]);
      }
      for (const answer of oldAnswers) {
        const body = JSON.parse(answer.body) as RestDirectory;
        expect(body.items, `search for the old name, worker ${answer.worker}`).toEqual([]);
      }
      // The point: a worker other than the writer answered, and was fresh.
      const readers = new Set([...storedAnswers, ...computedAnswers].map((a) => a.worker));
      expect([...readers].filter((w) => w !== written.worker).length).toBeGreaterThan(0);
      previousToken = token;
    }
  }, 60_000);

  it('writes arriving at both workers at once are all saved, none lost, no 5xx', async () => {
    const targets = readTargets(8);
    expect(targets.length).toBeGreaterThanOrEqual(4);
    const names = targets.map((t, i) => `Samtidig ${i} ${Date.now().toString(36)}`);
    const answers = await Promise.all(targets.map((t, i) => update(t, t.version, names[i] ?? '')));
    expect(
      answers.map((a) => a.status),
      served.withLog(answers.map((a) => a.body).join('\n')),
    ).toEqual(answers.map(() => 200));
    expect(new Set(answers.map((a) => a.worker)).size, 'both workers wrote').toBe(2);
    targets.forEach((t, i) => expect(storedName(t.id)).toBe(names[i]));
  }, 30_000);

  it('the same stale edit sent to both workers at once is saved once, the rest refused as conflicts', async () => {
    const [target] = readTargets(1);
    if (!target) throw new Error('no member');
    const attempts = 8;
    const answers = await Promise.all(
      Array.from({ length: attempts }, (_, i) =>
        update(target, target.version, `Kapplöpning ${i}`),
      ),
    );
    const log = served.withLog(answers.map((a) => `${a.status} ${a.worker} ${a.body}`).join('\n'));
    const saved = answers.filter((a) => a.status === 200);
    const refused = answers.filter((a) => a.status !== 200);
    expect(saved, log).toHaveLength(1);
    for (const answer of refused) {
      expect(answer.status, log).toBe(409);
      expect(answer.body).toContain('"code":"CONFLICT"');
    }
    expect(new Set(answers.map((a) => a.worker)).size, 'both workers were asked').toBe(2);
    const winner = answers.indexOf(saved[0] as Answer);
    expect(storedName(target.id)).toBe(`Kapplöpning ${winner}`);
  }, 30_000);
});

describe('WORKERS=2: sign-in limits are one set for all workers', () => {
  it('failed sign-ins spread over both workers add up to one account hold', async () => {
    const attempts: Answer[] = [];
    for (let i = 0; i < 8; i++)
      attempts.push(
        await served.request('/api/auth/sign-in/email', {
          method: 'POST',
          headers: { 'content-type': 'application/json', origin: ORIGIN },
          body: JSON.stringify({ email: 'guessed.account@example.test', password: `guess ${i}` }),
        }),
      );
    const log = served.withLog(attempts.map((a) => `${a.status} ${a.worker}`).join('\n'));
    // Alternating workers, neither saw more than four of the eight: a limiter
    // kept in each process's memory would have let every one through.
    const perWorker = new Map<string, number>();
    for (const a of attempts) perWorker.set(a.worker, (perWorker.get(a.worker) ?? 0) + 1);
    expect(perWorker.size, log).toBe(2);
    const firstHeld = attempts.findIndex((a) => a.status === 429);
    expect(firstHeld, log).toBeGreaterThan(0);
    for (const a of attempts.slice(0, firstHeld)) expect(a.status, log).toBe(401);
    const held = attempts.slice(firstHeld);
    for (const a of held) {
      expect(a.status, log).toBe(429);
      expect(Number(a.headers['retry-after']), log).toBeGreaterThan(0);
    }
    expect(new Set(held.map((a) => a.worker)).size, `both workers hold it back\n${log}`).toBe(2);
  }, 30_000);
});
