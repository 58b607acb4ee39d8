/**
 * Faults, with real processes and real files:
 * (b) `cli backup` taken while another process commits writes gives a file
 *     that passes the integrity check, is one consistent snapshot, and holds
 *     every write committed before the backup began.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { registerSearchFunctions } from '@cos/db';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { makeDatabase, run, sleep, until, useScratchDir } from './faults-support';

const scratch = useScratchDir();

describe('(b) backup while writes run', () => {
  it('holds every write committed before the backup began, as one consistent snapshot', async () => {
    const db = path.join(scratch.dir, 'backup-source.db');
    const backup = path.join(scratch.dir, 'backup.db');
    // Big enough that the backup copies it in many steps while the writer commits.
    makeDatabase(db, 3_000);

    const writer = new Database(db);
    writer.pragma('busy_timeout = 5000');
    // The search triggers call these (openDatabase registers them on every connection it opens).
    registerSearchFunctions(writer);
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
