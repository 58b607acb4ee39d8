/**
 * `pnpm cli <command>`:
 *   migrate                         apply migrations
 *   seed [--demo N] [--seed S]      default data (idempotent), optionally N demo members
 *   user:create --email E --password P --role admin|editor [--cluster SLUG] [--name NAME]
 *   backup <file>                   online backup, safe while the server runs
 *   export members --format csv|json [--out FILE]
 *   import members <file.csv> [--apply] [--keep-duplicates]   (checks only unless --apply)
 */
import { createWriteStream, readFileSync } from 'node:fs';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { parseArgs } from 'node:util';
import {
  createCaller,
  createContextInner,
  createUser,
  MEMBER_CSV_OPTIONS,
  exportPublishedMembers,
  jsonArrayChunks,
} from '@cos/api';
import { openDatabase, runMigrations } from '@cos/db';
import { generateDemoData } from '@cos/db/demo';
import { seedDefaultData } from '@cos/db/seed';
import { userCreateInput } from '@cos/domain';
import { stringify } from 'csv-stringify';
import { z } from 'zod';
import { readMemberCsv } from './csv-rows';

const [command, ...rest] = process.argv.slice(2);

function fail(message: string): never {
  console.error(message);
  process.exit(1);
}

async function main() {
  const handle = openDatabase();
  try {
    switch (command) {
      case 'migrate': {
        runMigrations(handle.db);
        console.warn(`Migrated ${handle.path}`);
        break;
      }
      case 'seed': {
        const { values } = parseArgs({
          args: rest,
          options: { demo: { type: 'string' }, seed: { type: 'string' } },
        });
        runMigrations(handle.db);
        console.warn(
          `Default data in ${handle.path}: added ${JSON.stringify(seedDefaultData(handle.db))}`,
        );
        if (values.demo !== undefined) {
          const started = performance.now();
          const result = generateDemoData(handle.sqlite, {
            count: Number(values.demo),
            seed: Number(values.seed ?? 1),
          });
          console.warn(
            `Demo data: ${result.members} members in ${Math.round(performance.now() - started)} ms`,
          );
        }
        break;
      }
      case 'user:create': {
        const { values } = parseArgs({
          args: rest,
          options: {
            email: { type: 'string' },
            password: { type: 'string' },
            role: { type: 'string' },
            cluster: { type: 'string' },
            name: { type: 'string' },
          },
        });
        runMigrations(handle.db);
        let clusterId: number | null = null;
        if (values.cluster) {
          const row = handle.sqlite
            .prepare('SELECT id FROM clusters WHERE slug = ?')
            .get(values.cluster) as { id: number } | undefined;
          if (!row) fail(`--cluster: no cluster with slug "${values.cluster}"`);
          clusterId = row.id;
        }
        const parsed = userCreateInput.safeParse({
          email: values.email ?? '',
          password: values.password ?? '',
          role: values.role ?? '',
          name: values.name ?? values.email?.split('@')[0] ?? '',
          clusterId,
        });
        if (!parsed.success) {
          fail(
            parsed.error.issues
              .map((i) => `--${i.path.join('.') || 'input'}: ${i.message}`)
              .join('\n'),
          );
        }
        const { id } = await createUser(handle, parsed.data);
        console.warn(`Created ${parsed.data.role} ${parsed.data.email} (${id})`);
        break;
      }
      case 'backup': {
        const file = rest[0] ?? fail('Usage: pnpm cli backup <file>');
        // better-sqlite3's backup uses SQLite's online backup API: consistent while writers run.
        await handle.sqlite.backup(file);
        console.warn(`Backed up ${handle.path} to ${file}`);
        break;
      }
      case 'export': {
        const { values, positionals } = parseArgs({
          args: rest,
          allowPositionals: true,
          options: { format: { type: 'string', default: 'csv' }, out: { type: 'string' } },
        });
        if (positionals[0] !== 'members')
          fail('Usage: pnpm cli export members --format csv|json [--out FILE]');
        const format = z.enum(['csv', 'json']).safeParse(values.format);
        if (!format.success) fail('--format: must be csv or json');
        // Large writes: a 16 KB buffer made the export wait on ~1,800 small file writes.
        const out = values.out
          ? createWriteStream(values.out, { highWaterMark: 1024 * 1024 })
          : process.stdout;
        const rows = exportPublishedMembers(handle.sqlite);
        if (format.data === 'csv') {
          await pipeline(Readable.from(rows), stringify(MEMBER_CSV_OPTIONS), out);
        } else {
          await pipeline(Readable.from(jsonArrayChunks(rows)), out);
        }
        break;
      }
      case 'import': {
        const { values, positionals } = parseArgs({
          args: rest,
          allowPositionals: true,
          options: {
            apply: { type: 'boolean', default: false },
            'keep-duplicates': { type: 'boolean', default: false },
          },
        });
        if (positionals[0] !== 'members' || !positionals[1])
          fail('Usage: pnpm cli import members <file.csv> [--apply]');
        runMigrations(handle.db);
        const { rows, mapping } = readMemberCsv(readFileSync(positionals[1], 'utf8'));
        // The CLI acts as a platform administrator; its audit entries say so.
        const caller = createCaller(
          createContextInner({
            handle,
            user: {
              id: 'cli',
              email: 'cli@localhost',
              name: 'Command line',
              role: 'admin',
              clusterId: null,
            },
          }),
        );
        const started = performance.now();
        const report = await caller.member.admin.import({
          rows,
          dryRun: !values.apply,
          skipDuplicates: !values['keep-duplicates'],
        });
        console.warn(`Columns: ${JSON.stringify(mapping)}`);
        for (const p of report.problems) console.warn(`row ${p.row}: ${p.field}: ${p.message}`);
        console.warn(
          `${report.total} rows: ${report.valid} valid, ${report.invalid} invalid, ${report.duplicates} likely duplicates; ` +
            `${report.dryRun ? 'nothing written (add --apply)' : `${report.created} created`} in ${Math.round(performance.now() - started)} ms`,
        );
        break;
      }
      default:
        fail(
          'Commands: migrate | seed [--demo N] | user:create | backup <file> | export members --format csv|json',
        );
    }
  } finally {
    handle.close();
  }
}

await main();
