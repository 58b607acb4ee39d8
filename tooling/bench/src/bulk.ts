/** Bulk work through the CLI: export every published member, import as many new ones. */
import { copyFileSync } from 'node:fs';
import path from 'node:path';
import { writeImportCsv } from './import-file';
import { timed } from './processes';

export async function runBulk(o: {
  cli: string;
  serverDir: string;
  env: Record<string, string>;
  work: string;
  db: string;
  members: number;
  log: (message: string) => void;
}): Promise<{ exportMs: number; importMs: number }> {
  o.log('export…');
  const exportMs = await timed(
    process.execPath,
    [o.cli, 'export', 'members', '--format', 'csv', '--out', path.join(o.work, 'export.csv')],
    o.env,
    o.serverDir,
  );
  o.log('import…');
  const importDb = path.join(o.work, 'import.db');
  copyFileSync(o.db, importDb);
  const importFile = path.join(o.work, 'import.csv');
  writeImportCsv(importFile, o.members);
  const importMs = await timed(
    process.execPath,
    [o.cli, 'import', 'members', importFile, '--apply'],
    { ...o.env, DATABASE_URL: importDb },
    o.serverDir,
  );
  return { exportMs, importMs };
}
