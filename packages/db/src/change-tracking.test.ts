/**
 * Change tracking (migration 0005): each write bumps the counter of its
 * table's scope inside the writer's transaction, member writes are logged
 * for the incremental indexes, sign-in bookkeeping bumps nothing, and a
 * commit by another connection is seen by the next read.
 */
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DataVersions, MemberChangeLog, type ScopeVersions } from './change-tracking';
import { openDatabase } from './client';
import { withSearchSyncPaused } from './search-sync';
import { insertMember, openTestDatabase, type TestDatabase } from './test-support';

let db: TestDatabase;
let versions: DataVersions;
/** The versions as the next request sees them (read once per synchronous run). */
const next = async (): Promise<ScopeVersions> => {
  await new Promise((resolve) => setImmediate(resolve));
  return versions.current();
};
const moved = (before: ScopeVersions, after: ScopeVersions) =>
  Object.keys(before).filter(
    (s) => before[s as keyof ScopeVersions] !== after[s as keyof ScopeVersions],
  );

beforeEach(() => {
  db = openTestDatabase({ seed: true });
  versions = new DataVersions(db.sqlite);
});
afterEach(() => db.cleanup());

describe('scope counters', () => {
  it('move only for the scope a write touched', async () => {
    const start = await next();
    const id = insertMember(db.sqlite, { slug: 'tracked', name: 'Tracked' });
    const afterMember = await next();
    expect(moved(start, afterMember)).toEqual(['members']);

    db.sqlite
      .prepare("UPDATE articles SET title_en = 'x' WHERE id = (SELECT min(id) FROM articles)")
      .run();
    const afterArticle = await next();
    expect(moved(afterMember, afterArticle)).toEqual(['articles']);

    db.sqlite
      .prepare('INSERT INTO memberships (member_id, cluster_id) SELECT ?, min(id) FROM clusters')
      .run(id);
    db.sqlite
      .prepare(
        "UPDATE clusters SET short_name = short_name || 'x' WHERE id = (SELECT min(id) FROM clusters)",
      )
      .run();
    expect(moved(afterArticle, await next()).sort()).toEqual(['clusters', 'members']);
  });

  it('do not move for sessions, verifications or sign-in limits (a sign-in invalidates nothing)', async () => {
    const user = db.sqlite.prepare('SELECT id FROM users LIMIT 1').pluck().get() as
      string | undefined;
    const start = await next();
    const now = Date.now();
    if (user)
      db.sqlite
        .prepare(
          'INSERT INTO sessions (id, user_id, token, expires_at, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)',
        )
        .run('s1', user, 'token-1', now + 60_000, now, now);
    db.sqlite
      .prepare(
        'INSERT INTO verifications (id, identifier, value, expires_at, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)',
      )
      .run('v1', 'who', 'what', now + 60_000, now, now);
    db.sqlite
      .prepare(
        'INSERT INTO sign_in_address_limits (address, window_start, attempts) VALUES (?, ?, 1)',
      )
      .run('127.0.0.1', now);
    expect(moved(start, await next())).toEqual([]);
  });

  it('see a commit by another connection at the next read', async () => {
    const start = await next();
    const other = openDatabase({ url: path.join(db.dir, 'test.db') });
    try {
      insertMember(other.sqlite, { slug: 'from-elsewhere', name: 'From Elsewhere' });
    } finally {
      other.close();
    }
    expect(moved(start, await next())).toEqual(['members']);
  });

  it('are read once per event-loop turn, and a wrote() through any connection of this process forgets at once', async () => {
    const start = await next();
    const other = openDatabase({ url: path.join(db.dir, 'test.db') });
    try {
      insertMember(other.sqlite, { slug: 'same-turn', name: 'Same Turn' });
      // Same turn, nothing said: the remembered values still stand (seen next turn).
      expect(versions.current()).toEqual(start);
      new DataVersions(other.sqlite).wrote();
      expect(moved(start, versions.current())).toEqual(['members']);
    } finally {
      other.close();
    }
  });

  it('keep the committed values inside a transaction of this connection', async () => {
    const start = await next();
    db.sqlite.transaction(() => {
      insertMember(db.sqlite, { slug: 'in-tx', name: 'In Transaction' });
      expect(versions.current()).toEqual(start);
    })();
    expect((await next()).members).toBeGreaterThan(start.members);
  });
});

describe('the member change log', () => {
  it('lists each changed member once, and says reset after a bulk write or when pruned', () => {
    const log = new MemberChangeLog(db.sqlite);
    const seq = log.lastSeq();
    const a = insertMember(db.sqlite, { slug: 'log-a', name: 'Log A' });
    const b = insertMember(db.sqlite, { slug: 'log-b', name: 'Log B' });
    db.sqlite.prepare("UPDATE members SET name = 'Log A again' WHERE id = ?").run(a);
    db.sqlite.prepare('DELETE FROM members WHERE id = ?').run(b);
    const changes = log.since(seq, 100);
    expect(changes.ids).toEqual([a, b]);
    expect(log.since(changes.seq, 100)).toEqual({ seq: changes.seq, ids: [] });
    // More log rows than the reader wants to apply one by one.
    expect(log.since(seq, 2).ids).toBe('reset');

    db.sqlite.transaction(() =>
      withSearchSyncPaused(db.sqlite, () => {
        insertMember(db.sqlite, { slug: 'bulk', name: 'Bulk' });
      }),
    )();
    const afterBulk = log.since(changes.seq, 100);
    expect(afterBulk.ids).toBe('reset');

    // Rows the reader has not seen are pruned: the log can no longer say what changed.
    insertMember(db.sqlite, { slug: 'unseen', name: 'Unseen' });
    db.sqlite.prepare('DELETE FROM member_changes').run();
    insertMember(db.sqlite, { slug: 'after-prune', name: 'After Prune' });
    expect(log.since(afterBulk.seq, 100).ids).toBe('reset');
  });

  it('keeps its size bounded', () => {
    const id = insertMember(db.sqlite, { slug: 'busy', name: 'Busy' });
    const rename = db.sqlite.prepare('UPDATE members SET website = ? WHERE id = ?');
    db.sqlite.transaction(() => {
      for (let i = 0; i < 25_000; i++) rename.run(`https://busy.example/${i}`, id);
    })();
    const rows = db.sqlite.prepare('SELECT count(*) FROM member_changes').pluck().get() as number;
    expect(rows).toBeLessThanOrEqual(21_000);
    expect(new MemberChangeLog(db.sqlite).lastSeq()).toBeGreaterThan(25_000);
  });
});
