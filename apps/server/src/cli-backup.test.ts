/**
 * `pnpm cli backup <file>` copies the database and the uploaded images: the
 * images land in <file>.media, byte for byte, and a server started on the
 * restored pair (database + media folder put back) serves them.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { getServices, MediaFolder, type Actor } from '@cos/api';
import { testImage } from '@cos/api/test-images';
import { openDatabase } from '@cos/db';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';

const dir = mkdtempSync(path.join(tmpdir(), 'cos-cli-backup-'));
const dbFile = path.join(dir, 'live.db');

function cli(...args: string[]) {
  const result = spawnSync(
    process.execPath,
    ['--conditions=source', '--import', 'tsx', 'src/cli.ts', ...args],
    {
      cwd: path.resolve(import.meta.dirname, '..'),
      env: { ...process.env, DATABASE_URL: dbFile, MEDIA_DIR: '' },
      encoding: 'utf8',
    },
  );
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

const uploader: Actor = {
  id: 'user-backup',
  email: 'backup@example.test',
  name: 'Backup',
  role: 'admin',
  clusterId: null,
};

describe('pnpm cli backup', { timeout: 60_000 }, () => {
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('copies the images beside the backup, and the restored pair is complete', async () => {
    expect(cli('migrate').status).toBe(0);
    const handle = openDatabase({ url: dbFile });
    const media = new MediaFolder(`${dbFile}.media`);
    const images = getServices(handle).images;
    const logo = await images.upload(uploader, await testImage({ width: 300 }), 'logo', media);
    const cover = await images.upload(
      uploader,
      await testImage({ width: 1400, height: 700, format: 'jpeg' }),
      'coverImage',
      media,
    );
    handle.close();
    const live = readdirSync(media.dir).sort();
    expect(live).toHaveLength(logo.widths.length + cover.widths.length);

    const target = path.join(dir, 'cos-backup.db');
    const run = cli('backup', target);
    expect(run.stderr).toContain('Backed up');
    expect(run.status).toBe(0);
    expect(run.stderr).toContain(`${live.length} image files`);
    const copied = readdirSync(`${target}.media`).sort();
    expect(copied).toEqual(live);
    for (const name of live)
      expect(readFileSync(path.join(`${target}.media`, name))).toEqual(
        readFileSync(path.join(media.dir, name)),
      );

    // Restore: put the file and its media folder back under the database's name.
    const restored = path.join(dir, 'restored.db');
    renameSync(target, restored);
    renameSync(`${target}.media`, `${restored}.media`);
    const db = new Database(restored, { readonly: true });
    const hashes = db.prepare('SELECT hash, widths FROM images ORDER BY hash').all() as {
      hash: string;
      widths: string;
    }[];
    db.close();
    expect(hashes.map((h) => h.hash)).toEqual([logo.hash, cover.hash].sort());
    const restoredFolder = new MediaFolder(`${restored}.media`);
    for (const { hash, widths } of hashes)
      for (const w of JSON.parse(widths) as number[])
        expect(restoredFolder.has(hash, w)).toBe(true);
  });
});
