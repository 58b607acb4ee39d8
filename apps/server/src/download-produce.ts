/**
 * Writes one open-data download (members.csv or members.json, with the
 * directory's filters) to a file, and beside it the same bytes compressed
 * once with brotli (.br) and gzip (.gz), so every later request for this data
 * generation is served from disk with no work per request. Runs in the
 * download worker (download-worker.ts) on a read-only connection of its own,
 * or in-process for an in-memory database.
 */
import { createHash } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { constants, createBrotliCompress, createGzip } from 'node:zlib';
import type { Sqlite } from '@cos/db';
import type { OpenDataQuery } from '@cos/domain';
import {
  exportPublishedMembers,
  jsonArrayChunks,
  MEMBER_CSV_OPTIONS,
} from '@cos/api/member-export';
import { stringify } from 'csv-stringify';

export type DownloadFormat = 'csv' | 'json';

export interface DownloadJob {
  format: DownloadFormat;
  /** The filters, and whether demo members are in (a separate stored file per variant). */
  query: OpenDataQuery;
  /** The plain file; `.br` and `.gz` are written beside it. */
  file: string;
}

export interface ProducedDownload {
  /** SHA-256 of the plain bytes (hex): the ETag, the same in every process. */
  sha256: string;
  bytes: number;
  brBytes: number;
  gzipBytes: number;
}

/**
 * Brotli quality 5: within a few percent of 11 on CSV at a fraction of the
 * time (the file is made again after every write that touches members).
 */
const BROTLI_QUALITY = 5;

/**
 * `eager` reads every row first: in-process, on the shared connection, a
 * statement left open across the writes' turns would make them fail
 * ("connection is busy").
 */
export async function produceDownload(
  sqlite: Sqlite,
  job: DownloadJob,
  { eager = false } = {},
): Promise<ProducedDownload> {
  const lazy = exportPublishedMembers(sqlite, job.query);
  const rows = eager ? Array.from(lazy) : lazy;
  const hash = createHash('sha256');
  const tap = new Transform({
    transform(chunk: Buffer | string, _encoding, done) {
      hash.update(chunk);
      done(null, chunk);
    },
  });
  if (job.format === 'csv')
    await pipeline(
      Readable.from(rows),
      stringify(MEMBER_CSV_OPTIONS),
      tap,
      createWriteStream(job.file),
    );
  else await pipeline(Readable.from(jsonArrayChunks(rows)), tap, createWriteStream(job.file));
  const { size } = await stat(job.file);
  await Promise.all([
    pipeline(
      createReadStream(job.file),
      createBrotliCompress({
        params: {
          [constants.BROTLI_PARAM_QUALITY]: BROTLI_QUALITY,
          [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
          [constants.BROTLI_PARAM_SIZE_HINT]: size,
        },
      }),
      createWriteStream(`${job.file}.br`),
    ),
    pipeline(
      createReadStream(job.file),
      createGzip({ level: 6 }),
      createWriteStream(`${job.file}.gz`),
    ),
  ]);
  const [br, gz] = await Promise.all([stat(`${job.file}.br`), stat(`${job.file}.gz`)]);
  return { sha256: hash.digest('hex'), bytes: size, brBytes: br.size, gzipBytes: gz.size };
}
