/**
 * `pnpm cli <command>`:
 *   migrate                         apply migrations
 *   seed [--demo N] [--seed S]      default data (idempotent), optionally N demo members
 *   user:create --email E --password P --role admin|editor [--cluster SLUG] [--name NAME]
 *   backup <file>                   online backup, safe while the server runs; the
 *                                   images go to <file>.media (restore: put both back)
 *   export members --format csv|json [--out FILE]
 *   import members <file.csv> [--apply] [--keep-duplicates] [--update] [--encoding E]
 *                                   checks only unless --apply; --update matches rows to
 *                                   members by organisation number or slug and updates them;
 *                                   the encoding is detected unless given (utf-8, windows-1252, iso-8859-1)
 */
import { createWriteStream, readFileSync } from 'node:fs';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { parseArgs } from 'node:util';
import {
  BadRequestError,
  createCaller,
  createContextInner,
  createUser,
  MEMBER_CSV_OPTIONS,
  exportPublishedMembers,
  jsonArrayChunks,
  MediaFolder,
} from '@cos/api';
import { openDatabase, runMigrations } from '@cos/db';
import { generateDemoData } from '@cos/db/demo';
import { seedDefaultData } from '@cos/db/seed';
import { formatMessage, isCsvEncoding, userCreateInput } from '@cos/domain';
import { stringify } from 'csv-stringify';
import { z } from 'zod';
import { mediaDirectory } from './config';
import { readMemberCsvBytes } from './csv-rows';

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
        // The images after the database: a row is written only after its files, so
        // every image the backed-up database names is already on disk to be copied.
        const media = new MediaFolder(mediaDirectory(handle.path));
        const copied = media.copyTo(`${file}.media`);
        console.warn(
          `Backed up ${handle.path} to ${file} and ${copied} image files from ${media.dir} to ${file}.media`,
        );
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
            update: { type: 'boolean', default: false },
            encoding: { type: 'string' },
          },
        });
        if (positionals[0] !== 'members' || !positionals[1])
          fail('Usage: pnpm cli import members <file.csv> [--apply] [--update] [--encoding E]');
        const encoding = values.encoding?.toLowerCase();
        if (encoding !== undefined && !isCsvEncoding(encoding))
          fail(formatMessage('en', 'csv.encodingUnknown', { encoding }));
        runMigrations(handle.db);
        let read: ReturnType<typeof readMemberCsvBytes>;
        try {
          read = readMemberCsvBytes(readFileSync(positionals[1]), { encoding });
        } catch (error) {
          // The file's refusal (undecodable, a lost character) in plain words, no stack trace.
          if (error instanceof BadRequestError) fail(error.message);
          throw error;
        }
        const { rows, lines, mapping, reading } = read;
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
          lines,
          dryRun: !values.apply,
          skipDuplicates: !values['keep-duplicates'],
          mode: values.update ? 'upsert' : 'create',
        });
        console.warn(
          `Read as ${reading.encoding}${reading.detected ? ' (detected)' : ''}${reading.bom ? ' with BOM' : ''}, ` +
            `delimiter ${JSON.stringify(reading.delimiter)}. Columns: ${JSON.stringify(mapping)}`,
        );
        for (const p of report.problems) console.warn(`line ${p.line}: ${p.field}: ${p.message}`);
        const { planned } = report;
        const outcome = report.dryRun
          ? 'nothing written (add --apply)'
          : report.applied
            ? `${report.created} created, ${report.updated} updated`
            : 'nothing written: every row must be valid';
        console.warn(
          `${report.total} rows: ${planned.create} to create, ${planned.update} to update, ${planned.unchanged} unchanged, ` +
            `${report.invalid} invalid, ${report.duplicates} likely duplicates; ${outcome} in ${Math.round(performance.now() - started)} ms`,
        );
        if (!report.dryRun && !report.applied) process.exitCode = 1;
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
