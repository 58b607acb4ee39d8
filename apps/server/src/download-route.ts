/**
 * GET /api/v1/members.csv and /api/v1/members.json: the register (or the
 * part the directory's filters choose) served from a file made once per
 * data generation (download-store.ts), already compressed: brotli or gzip as
 * the client's Accept-Encoding prefers, with Content-Length, a strong ETag
 * (the bytes' SHA-256, the same in every process) and Last-Modified, so a
 * client that has it gets 304. Each address has a bounded number of
 * downloads at once and per minute (download-limits.ts); past that, 429 with
 * Retry-After and the reason in the visitor's language.
 */
import { createReadStream } from 'node:fs';
import { getServices, PUBLISHED_EXPORT_SCOPES } from '@cos/api';
import type { DatabaseHandle } from '@cos/db';
import { openDataQuery } from '@cos/domain';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fresh from 'fresh';
import { appWorker } from './app-workers';
import { DownloadLimiter, type DownloadLimits } from './download-limits';
import {
  produceDownload,
  type DownloadFormat,
  type DownloadJob,
  type ProducedDownload,
} from './download-produce';
import { DownloadStore, downloadDirectory, type StoredDownload } from './download-store';
import { sendHttpError } from './http-errors';
import { refusal } from './refusal';

/**
 * The data generation a download depends on: the versions of the scopes the
 * export reads, so an article edit or a sign-in does not make the files again.
 */
export function downloadGeneration(handle: DatabaseHandle): string {
  return getServices(handle).cache.version(PUBLISHED_EXPORT_SCOPES);
}

const TYPES: Record<DownloadFormat, string> = {
  csv: 'text/csv; charset=utf-8',
  json: 'application/json; charset=utf-8',
};

type Encoding = 'br' | 'gzip' | 'identity';

/** The encoding to send: the client's highest q among br, gzip and identity (ties: br, gzip). */
export function chooseEncoding(header: string | undefined): Encoding {
  if (!header) return 'identity';
  const q = new Map<string, number>();
  for (const part of header.toLowerCase().split(',')) {
    const [name = '', ...params] = part.trim().split(';');
    const value = params.map((p) => /^\s*q=([\d.]+)\s*$/.exec(p)?.[1]).find(Boolean);
    q.set(name.trim(), value === undefined ? 1 : Number(value));
  }
  const of = (name: string) => q.get(name) ?? (name === 'identity' ? 0.001 : (q.get('*') ?? 0));
  const ranked = (['br', 'gzip', 'identity'] as const).filter((e) => of(e) > 0);
  ranked.sort((a, b) => of(b) - of(a));
  return ranked[0] ?? 'identity';
}

function variant(download: StoredDownload, encoding: Encoding): { file: string; bytes: number } {
  if (encoding === 'br') return { file: `${download.file}.br`, bytes: download.brBytes };
  if (encoding === 'gzip') return { file: `${download.file}.gz`, bytes: download.gzipBytes };
  return { file: download.file, bytes: download.bytes };
}

export function registerDownloads(
  app: FastifyInstance,
  handle: DatabaseHandle,
  limits?: DownloadLimits,
) {
  const worker = appWorker<DownloadJob & { databasePath: string }, ProducedDownload>(
    app,
    'download-worker',
  );
  // An in-memory database has no file the worker could open: made in-process then.
  const make =
    handle.path === ':memory:'
      ? (job: DownloadJob) => produceDownload(handle.sqlite, job, { eager: true })
      : (job: DownloadJob) => worker.run({ ...job, databasePath: handle.path });
  const store = new DownloadStore(
    downloadDirectory(handle.path),
    () => downloadGeneration(handle),
    make,
  );
  const limiter = new DownloadLimiter(limits);
  app.addHook('onClose', () => store.close());

  async function send(request: FastifyRequest, reply: FastifyReply, format: DownloadFormat) {
    const parsed = openDataQuery.safeParse(request.query);
    if (!parsed.success) return sendHttpError(reply, parsed.error);
    const turn = limiter.take(request.ip);
    if (!turn.ok) {
      const { status, ...body } = refusal(request, 429, 'download.tooMany', {
        seconds: turn.retryAfterSeconds,
      });
      return reply.status(status).header('retry-after', String(turn.retryAfterSeconds)).send(body);
    }
    let download: StoredDownload;
    try {
      download = await store.get(format, parsed.data);
    } catch (error) {
      turn.done();
      throw error;
    }
    const encoding = chooseEncoding(request.headers['accept-encoding']);
    const etag = `"${download.sha256.slice(0, 32)}${encoding === 'identity' ? '' : `-${encoding}`}"`;
    reply
      .header('content-type', TYPES[format])
      .header('content-disposition', `attachment; filename="clusters-of-skane-members.${format}"`)
      .header('cache-control', 'public, max-age=60')
      .header('vary', 'accept-encoding')
      .header('etag', etag)
      .header('last-modified', download.madeAt.toUTCString());
    if (notModified(request, etag, download.madeAt)) {
      turn.done();
      return reply.status(304).send();
    }
    const chosen = variant(download, encoding);
    if (encoding !== 'identity') reply.header('content-encoding', encoding);
    reply.header('content-length', String(chosen.bytes));
    const stream = createReadStream(chosen.file);
    // The turn is given back when the file has been sent, or the client went away.
    stream.once('close', turn.done);
    reply.raw.once('close', turn.done);
    return reply.send(stream);
  }

  return { send, store };
}

/**
 * Whether the client holds these bytes. Only the validators go to `fresh`:
 * it would also refuse on Cache-Control: no-cache, which fetch sends with
 * every conditional request (see response-cache.ts).
 */
function notModified(request: FastifyRequest, etag: string, madeAt: Date): boolean {
  const { 'if-none-match': ifNoneMatch, 'if-modified-since': ifModifiedSince } = request.headers;
  if (!ifNoneMatch && !ifModifiedSince) return false;
  return fresh(
    { 'if-none-match': ifNoneMatch, 'if-modified-since': ifModifiedSince },
    { etag, 'last-modified': madeAt.toUTCString() },
  );
}
