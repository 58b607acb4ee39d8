import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const dir = mkdtempSync(path.join(tmpdir(), 'cos-cli-'));
const dbFile = path.join(dir, 'cli.db');

function cli(...args: string[]) {
  const result = spawnSync(
    process.execPath,
    ['--conditions=source', '--import', 'tsx', 'src/cli.ts', ...args],
    {
      cwd: path.resolve(import.meta.dirname, '..'),
      env: { ...process.env, DATABASE_URL: dbFile },
      encoding: 'utf8',
    },
  );
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

// Every case starts the CLI as its own Node process (tsx compiling on first use): give it time on busy cores.
describe('pnpm cli', { timeout: 60_000 }, () => {
  beforeAll(() => {
    expect(cli('seed', '--demo', '50').status).toBe(0);
  }, 60_000);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('user:create refuses a short password, naming the option, and writes nothing', () => {
    const r = cli(
      'user:create',
      '--email',
      'a@example.se',
      '--password',
      'short',
      '--role',
      'admin',
    );
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/--password: Password must be at least 12 characters/);
    const db = new Database(dbFile, { readonly: true });
    expect(db.prepare('SELECT count(*) AS n FROM users').get()).toEqual({ n: 0 });
    db.close();
  });

  it('user:create makes an editor tied to the named cluster', () => {
    const r = cli(
      'user:create',
      '--email',
      'Ed@Example.se',
      '--password',
      'a long passphrase',
      '--role',
      'editor',
      '--cluster',
      'opentech',
    );
    expect(r.status).toBe(0);
    const db = new Database(dbFile, { readonly: true });
    const row = db
      .prepare('SELECT u.email, u.role, c.slug FROM users u JOIN clusters c ON c.id = u.cluster_id')
      .get() as { email: string; role: string; slug: string };
    db.close();
    expect(row).toEqual({ email: 'ed@example.se', role: 'editor', slug: 'opentech' });
  });

  it('backup writes a database that passes the integrity check and holds the data', () => {
    const target = path.join(dir, 'backup.db');
    expect(cli('backup', target).status).toBe(0);
    const db = new Database(target, { readonly: true });
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(db.prepare('SELECT count(*) AS n FROM clusters').get()).toEqual({ n: 7 });
    expect((db.prepare('SELECT count(*) AS n FROM members').get() as { n: number }).n).toBe(60);
    db.close();
  });

  it('exports published members as CSV with a BOM and as JSON, the same rows in both', () => {
    const csvFile = path.join(dir, 'members.csv');
    const jsonFile = path.join(dir, 'members.json');
    expect(cli('export', 'members', '--format', 'csv', '--out', csvFile).status).toBe(0);
    expect(cli('export', 'members', '--format', 'json', '--out', jsonFile).status).toBe(0);
    const csv = readFileSync(csvFile);
    expect([...csv.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const json = JSON.parse(readFileSync(jsonFile, 'utf8')) as { slug: string }[];
    const db = new Database(dbFile, { readonly: true });
    const published = (
      db.prepare("SELECT count(*) AS n FROM members WHERE status = 'published'").get() as {
        n: number;
      }
    ).n;
    db.close();
    expect(json).toHaveLength(published);
    expect(csv.toString('utf8')).toContain('lunds-universitet,Lunds universitet');
    expect(cli('export', 'members', '--format', 'xml').stderr).toMatch(
      /--format: must be csv or json/,
    );
    // three CLI processes through tsx: slow when the whole test run shares the machine
  }, 60_000);

  it('import members reads a Windows-1252 file, names bad lines, and writes all rows or none', () => {
    const file = path.join(dir, 'excel.csv');
    const bad = Buffer.from(
      'Namn;Kommun\r\nKöksglädje AB;Höör\r\nTrasig Ort AB;Narnia\r\n',
      'latin1',
    );
    writeFileSync(file, bad);
    const members = () => {
      const db = new Database(dbFile, { readonly: true });
      const rows = db
        .prepare("SELECT name, municipality_code AS m FROM members WHERE name LIKE 'K%ksgl%dje AB'")
        .all();
      db.close();
      return rows;
    };
    const refused = cli('import', 'members', file, '--apply');
    expect(refused.status).toBe(1);
    expect(refused.stderr).toMatch(/line 3: municipality: "Narnia"/);
    expect(refused.stderr).toMatch(/nothing written: every row must be valid/);
    expect(members()).toEqual([]);
    writeFileSync(file, Buffer.from('Namn;Kommun\r\nKöksglädje AB;Höör\r\n', 'latin1'));
    const applied = cli('import', 'members', file, '--apply');
    expect(applied.stderr).toMatch(/Read as (windows-1252|iso-8859-1) \(detected\)/);
    expect(applied.status).toBe(0);
    expect(members()).toEqual([{ name: 'Köksglädje AB', m: '1267' }]);
    const forced = cli('import', 'members', file, '--encoding', 'utf-8');
    expect(forced.status).toBe(1);
    expect(forced.stderr).toMatch(/not readable as utf-8/);
  }, 60_000);
});
