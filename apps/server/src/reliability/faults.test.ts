/**
 * Faults, with real processes and real files:
 * (a) SIGKILL in the middle of a 20,000-member CSV import (`cli import
 *     members --apply`) at three moments — while rows are checked, as soon as
 *     the commit starts writing the WAL, and once the import has reported —
 *     leaves a database that passes PRAGMA integrity_check and holds all of
 *     the import or none of it (members, links, audit entries and search rows
 *     alike), with no search trigger left paused; the server starts on it.
 * (b) `cli backup` taken while another process commits writes gives a file
 *     that passes the integrity check, is one consistent snapshot, and holds
 *     every write committed before the backup began.
 * (c) A database file that cannot be opened (a path under /proc, a path
 *     under a regular file, a directory, a file that is not SQLite, and — for
 *     non-root users — a read-only file) stops the server at once with exit
 *     code 1 and one clear line naming the path and the reason.
 * (d) A full disk (SQLite's max_page_count on the server's own connection)
 *     answers writes with 503 and a clear message, writes nothing, and the
 *     server keeps serving reads and works again once there is room; so does
 *     a database that turns read-only while the server runs (query_only).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openDatabase, runMigrations } from '@cos/db';
import { generateDemoData } from '@cos/db/demo';
import { seedDefaultData } from '@cos/db/seed';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN, startTestServer } from '../test-server';
import { checksumDatabase } from './checksum';
import { reply, sessionCookie, trpcMutation, trpcQuery } from './http';

const SERVER_DIR = path.resolve(import.meta.dirname, '../..');
/** Rows of the import that gets killed: 20,000 in CI; `pnpm bench` runs it larger (FAULT_IMPORT_ROWS). */
const IMPORT_ROWS = Number(process.env.FAULT_IMPORT_ROWS ?? 20_000);
const SCALE = Math.max(1, IMPORT_ROWS / 20_000);
const PREFIX = 'Krasch';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'cos-faults-'));
});
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

interface Run {
  child: ChildProcess;
  stderr: () => string;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/** `node --import tsx src/<script> …args` in apps/server, on the given database. */
function run(script: string, args: string[], env: Record<string, string>): Run {
  const child = spawn(process.execPath, ['--import', 'tsx', `src/${script}`, ...args], {
    cwd: SERVER_DIR,
    env: { ...process.env, LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr?.setEncoding('utf8');
  child.stderr?.on('data', (chunk: string) => (stderr += chunk));
  child.stdout?.resume();
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.on('exit', (code, signal) => resolve({ code, signal })),
  );
  return { child, stderr: () => stderr, exited };
}

/** A migrated, seeded database file (plus demo members), checkpointed so it is one file. */
function makeDatabase(file: string, demo = 0): void {
  const handle = openDatabase({ url: file });
  runMigrations(handle.db);
  seedDefaultData(handle.db);
  if (demo) generateDemoData(handle.sqlite, { count: demo, seed: 3 });
  handle.sqlite.pragma('wal_checkpoint(TRUNCATE)');
  handle.close();
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Polls until `condition` holds; false when `ms` pass first. */
async function until(condition: () => boolean, ms: number, every = 2): Promise<boolean> {
  const end = performance.now() + ms;
  while (performance.now() < end) {
    if (condition()) return true;
    await sleep(every);
  }
  return condition();
}

const fileSize = (file: string) => (existsSync(file) ? statSync(file).size : -1);

describe('(a) SIGKILL during a large CSV import', () => {
  const municipalities = ['Malmö', 'Lund', 'Helsingborg', 'Ystad', 'Trelleborg', 'Kristianstad'];
  const areas = ['tech', 'livsmedel', 'tech;livsmedel'];

  it(
    'leaves all of the import or none of it, and a sound database',
    async () => {
      const base = path.join(dir, 'import-base.db');
      makeDatabase(base);
      const csvFile = path.join(dir, 'members.csv');
      const lines = ['namn,kommun,områden,kluster,beskrivning,status'];
      for (let i = 0; i < IMPORT_ROWS; i++) {
        lines.push(
          `${PREFIX} ${String(i).padStart(5, '0')} AB,${municipalities[i % 6]},"${areas[i % 3]}",opentech,"Beskrivning nr ${i}, med ""citat"" och komma",published`,
        );
      }
      writeFileSync(csvFile, `${lines.join('\n')}\n`);

      // Three kill moments, run side by side (each on its own copy of the database).
      const moments: Record<string, (db: string, child: Run) => Promise<unknown>> = {
        /** The database is open (its WAL file exists): rows are being read and checked. */
        checking: (db) =>
          until(() => existsSync(`${db}-wal`), 20_000 * SCALE).then(() => sleep(400)),
        /** The commit has started writing pages to the WAL. */
        committing: (db) => until(() => fileSize(`${db}-wal`) > 32, 30_000 * SCALE),
        /** The import has reported success; the WAL is not yet checkpointed into the file. */
        reported: (_db, child) =>
          until(() => child.stderr().includes('created in'), 30_000 * SCALE),
      };
      const outcomes = await Promise.all(
        Object.entries(moments).map(async ([moment, waitFor]) => {
          const db = path.join(dir, `import-${moment}.db`);
          copyFileSync(base, db);
          const child = run('cli.ts', ['import', 'members', csvFile, '--apply'], {
            DATABASE_URL: db,
          });
          await waitFor(db, child);
          child.child.kill('SIGKILL');
          const exit = await child.exited;
          return { moment, db, exit, stderr: child.stderr() };
        }),
      );

      for (const { moment, db, exit, stderr } of outcomes) {
        // Killed while it ran (only after its report may it have ended by itself first).
        if (moment === 'reported')
          expect(exit.signal === 'SIGKILL' || exit.code === 0, stderr).toBe(true);
        else expect(exit.signal, `${moment}: ${stderr}`).toBe('SIGKILL');
        const sqlite = new Database(db);
        try {
          expect(sqlite.pragma('integrity_check', { simple: true }), moment).toBe('ok');
          expect(sqlite.pragma('foreign_key_check'), moment).toEqual([]);
          const count = (sql: string) => sqlite.prepare(sql).pluck().get(`${PREFIX} %`) as number;
          const members = count('SELECT count(*) FROM members WHERE name LIKE ?');
          expect([0, IMPORT_ROWS], `${moment}: ${members} members`).toContain(members);
          // Links, audit entries and search rows went with the members, all or nothing.
          expect(
            count(
              'SELECT count(*) FROM memberships WHERE member_id IN (SELECT id FROM members WHERE name LIKE ?)',
            ),
          ).toBe(members);
          expect(
            count(
              "SELECT count(*) FROM audit_log WHERE action = 'import' AND json_extract(after, '$.name') LIKE ?",
            ),
          ).toBe(members);
          expect(
            count(
              'SELECT count(*) FROM member_search WHERE rowid IN (SELECT id FROM members WHERE name LIKE ?)',
            ),
          ).toBe(members);
          // The bulk write's "search triggers paused" flag never outlives its transaction.
          expect(sqlite.prepare('SELECT count(*) FROM search_sync_paused').pluck().get()).toBe(0);
          if (moment === 'reported') expect(members).toBe(IMPORT_ROWS);
          console.warn(`faults (a): killed while ${moment}: ${members} of ${IMPORT_ROWS} members`);
        } finally {
          sqlite.close();
        }
      }

      // After a restart the server opens the killed-mid-commit file and serves it.
      const committing = outcomes.find((o) => o.moment === 'committing');
      const server = run('main.ts', [], {
        DATABASE_URL: committing?.db ?? '',
        PORT: '0',
        HOST: '127.0.0.1',
        AUTH_SECRET: 'a-test-secret-that-is-at-least-32-characters',
        LOG_LEVEL: 'info',
      });
      try {
        let port = 0;
        const stdout: string[] = [];
        server.child.stdout?.setEncoding('utf8');
        server.child.stdout?.on('data', (chunk: string) => stdout.push(chunk));
        await until(
          () => {
            const match =
              /listening at http:\/\/127\.0\.0\.1:(\d+)|"port":(\d+)|127\.0\.0\.1:(\d+)/.exec(
                stdout.join(''),
              );
            port = Number(match?.[1] ?? match?.[2] ?? match?.[3] ?? 0);
            return port > 0;
          },
          20_000,
          20,
        );
        expect(port, server.stderr()).toBeGreaterThan(0);
        const health = await fetch(`http://127.0.0.1:${port}/healthz`);
        expect(health.status).toBe(200);
        const search = (await (
          await fetch(`http://127.0.0.1:${port}/api/v1/members?q=${PREFIX}&limit=1`)
        ).json()) as { total: number };
        expect([0, IMPORT_ROWS]).toContain(search.total);
      } finally {
        server.child.kill('SIGTERM');
        await server.exited;
      }
    },
    90_000 * SCALE,
  );
});

describe('(b) backup while writes run', () => {
  it('holds every write committed before the backup began, as one consistent snapshot', async () => {
    const db = path.join(dir, 'backup-source.db');
    const backup = path.join(dir, 'backup.db');
    // Big enough that the backup copies it in many steps while the writer commits.
    makeDatabase(db, 3_000);

    const writer = new Database(db);
    writer.pragma('busy_timeout = 5000');
    const counter = Number(
      writer
        .prepare(
          "INSERT INTO members (slug, name, sort_key, kind, status, version, created_at, updated_at) VALUES ('backup-counter', 'Backup counter', 'backup counter', 'other', 'draft', 1, '', '') RETURNING id",
        )
        .pluck()
        .get(),
    );
    const insert = writer.prepare(
      "INSERT INTO members (slug, name, sort_key, kind, status, version, created_at, updated_at) VALUES (?, ?, ?, 'company', 'draft', 1, '', '') RETURNING id",
    );
    const bump = writer.prepare(
      'UPDATE members SET version = version + 1, description_sv = ? WHERE id = ?',
    );
    // One transaction per write: a new member and the counter that says how many there are.
    const write = writer.transaction((n: number) => {
      const id = Number(insert.pluck().get(`skriv-${n}`, `Skriv ${n}`, `skriv ${n}`));
      bump.run(String(n), counter);
      return id;
    });

    const committed: { n: number; id: number; at: number }[] = [];
    let stop = false;
    const writing = (async () => {
      for (let n = 1; !stop && n < 1_000_000; n++) {
        committed.push({ n, id: write(n), at: performance.now() });
        // Yield so the test can watch the backup process.
        await new Promise((resolve) => setImmediate(resolve));
      }
    })();

    try {
      await until(() => committed.length >= 50, 10_000);
      const cli = run('cli.ts', ['backup', backup], { DATABASE_URL: db });
      // The backup begins when its destination file appears; `began` is the last
      // moment it was seen missing, so every write counted as earlier really was.
      let began = performance.now();
      for (const end = began + 30_000; !existsSync(backup) && performance.now() < end;) {
        began = performance.now();
        await sleep(1);
      }
      expect(existsSync(backup), cli.stderr()).toBe(true);
      const exit = await Promise.race([cli.exited, sleep(45_000).then(() => 'timeout' as const)]);
      if (exit === 'timeout') cli.child.kill('SIGKILL');
      expect(exit, `backup did not finish while writes ran: ${cli.stderr()}`).toEqual({
        code: 0,
        signal: null,
      });
      stop = true;
      await writing;

      const before = committed.filter((c) => c.at < began);
      expect(before.length).toBeGreaterThan(0);
      const copy = new Database(backup, { readonly: true });
      try {
        expect(copy.pragma('integrity_check', { simple: true })).toBe('ok');
        const ids = new Set(
          copy
            .prepare("SELECT id FROM members WHERE slug LIKE 'skriv-%'")
            .pluck()
            .all() as number[],
        );
        const missing = before.filter((c) => !ids.has(c.id));
        expect(
          missing.map((c) => c.n),
          'writes committed before the backup began',
        ).toEqual([]);
        // One consistent snapshot: the first k writes, and the counter written with the k-th.
        const k = ids.size;
        expect(committed.slice(0, k).every((c) => ids.has(c.id))).toBe(true);
        expect(
          copy.prepare('SELECT description_sv FROM members WHERE id = ?').pluck().get(counter),
        ).toBe(String(k));
        console.warn(
          `faults (b): ${before.length} writes before the backup began, ${k} in the backup, ${committed.length} in all`,
        );
      } finally {
        copy.close();
      }
    } finally {
      stop = true;
      await writing;
      writer.close();
    }
  }, 90_000);
});

describe('(c) a database that cannot be opened', () => {
  it('stops the server at once with one clear line naming the path and the reason', async () => {
    const notSqlite = path.join(dir, 'not-a-database.db');
    writeFileSync(notSqlite, 'this is a text file, not SQLite\n'.repeat(200));
    const cases: { url: string; reason: RegExp; secret?: boolean }[] = [
      { url: '/proc/self/nope.db', reason: /unable to open database file/ },
      { url: '/etc/hostname/x.db', reason: /EEXIST|ENOTDIR|not a directory/i },
      { url: dir, reason: /unable to open database file/ },
      { url: notSqlite, reason: /not a database/ },
      // Without AUTH_SECRET the secret is kept beside the database: that fails first.
      { url: '/proc/self/nope.db', reason: /ENOENT/, secret: false },
    ];
    if (process.getuid?.() !== 0) {
      // Root ignores file modes, so a read-only file is only a fault for other users.
      const readOnly = path.join(dir, 'read-only', 'db.db');
      makeDatabase(readOnly);
      const { chmodSync } = await import('node:fs');
      chmodSync(readOnly, 0o444);
      chmodSync(path.dirname(readOnly), 0o555);
      cases.push({ url: readOnly, reason: /readonly|read-only|unable to open/i });
    }
    await Promise.all(
      cases.map(async ({ url, reason, secret = true }) => {
        const started = performance.now();
        const server = run('main.ts', [], {
          DATABASE_URL: url,
          PORT: '0',
          ...(secret ? { AUTH_SECRET: 'a-test-secret-that-is-at-least-32-characters' } : {}),
        });
        const exit = await Promise.race([
          server.exited,
          sleep(30_000).then(() => 'timeout' as const),
        ]);
        if (exit === 'timeout') server.child.kill('SIGKILL');
        const stderr = server.stderr().trim();
        expect(exit, `${url}: ${stderr}`).toEqual({ code: 1, signal: null });
        expect(stderr.split('\n'), `${url}: one line`).toHaveLength(1);
        expect(stderr).not.toMatch(/^\s+at /m);
        expect(stderr).toContain(url);
        expect(stderr).toMatch(secret ? /^Cannot open the database at / : /^Cannot start: /);
        expect(stderr).toMatch(reason);
        expect(performance.now() - started).toBeLessThan(20_000);
      }),
    );
  }, 60_000);
});

describe('(d) a full disk', () => {
  it('answers writes with 503 and a clear message, changes nothing, and recovers', async () => {
    const server = await startTestServer({ demo: 20 });
    try {
      const cookie = await sessionCookie(server, ADMIN);
      const sqlite = server.handle.sqlite;
      const pages = sqlite.pragma('page_count', { simple: true }) as number;
      const before = checksumDatabase(sqlite);
      // No room for even one more page: what SQLite says when the disk is full.
      sqlite.pragma(`max_page_count = ${pages}`);
      try {
        const description = { sv: 'lång text '.repeat(400), en: '' };
        const results = [];
        for (let i = 0; i < 5; i++) {
          results.push(
            await reply(
              await trpcMutation(
                server,
                'member.admin.create',
                JSON.stringify({ name: `Fulldisk ${i} AB`, kind: 'company', description }),
                cookie,
              ),
            ),
          );
        }
        const csv = `namn,beskrivning\n${Array.from({ length: 500 }, (_, i) => `Fullimport ${i} AB,${'x'.repeat(300)}`).join('\n')}\n`;
        const imported = await reply(
          await server.fetch('/api/admin/members/import?dryRun=false', {
            method: 'POST',
            headers: { 'content-type': 'text/csv', cookie, origin: server.origin },
            body: csv,
          }),
        );
        for (const result of results) {
          expect(result.status, JSON.stringify(result.body)).toBe(503);
          const error = (result.body as { error: { message: string; data: { code: string } } })
            .error;
          expect(error.data.code).toBe('SERVICE_UNAVAILABLE');
          expect(error.message).toMatch(/full/i);
          expect(error.message).toMatch(/nothing was saved/i);
        }
        expect(imported.status, JSON.stringify(imported.body)).toBe(503);
        expect((imported.body as { message: string }).message).toMatch(/full/i);
        // Nothing was written, and reads still work.
        expect(checksumDatabase(sqlite)).toBe(before);
        expect((await server.fetch('/healthz')).status).toBe(200);
        expect((await trpcQuery(server, 'member.directory', { q: 'AB' })).status).toBe(200);
      } finally {
        sqlite.pragma('max_page_count = 4294967294');
      }
      // Once there is room again, the same write succeeds.
      const again = await trpcMutation(
        server,
        'member.admin.create',
        JSON.stringify({ name: 'Fulldisk 0 AB', kind: 'company' }),
        cookie,
      );
      expect(again.status).toBe(200);

      // A database that turns read-only while the server runs: the same clear 503.
      const beforeReadOnly = checksumDatabase(sqlite);
      sqlite.pragma('query_only = ON');
      try {
        const readOnly = await reply(
          await trpcMutation(
            server,
            'member.admin.create',
            JSON.stringify({ name: 'Skrivskyddat AB', kind: 'company' }),
            cookie,
          ),
        );
        expect(readOnly.status, JSON.stringify(readOnly.body)).toBe(503);
        expect((readOnly.body as { error: { message: string } }).error.message).toMatch(
          /read-only.*nothing was saved/,
        );
        expect(checksumDatabase(sqlite)).toBe(beforeReadOnly);
      } finally {
        sqlite.pragma('query_only = OFF');
      }
    } finally {
      await server.close();
    }
  }, 60_000);
});
