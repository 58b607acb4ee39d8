/**
 * GET /api/admin/members/export?format=csv-excel|csv|xlsx|json&<the admin
 * member list's URL parameters> — every member the signed-in person may see
 * that the list shows with those parameters, streamed as a download (no row
 * cap; memory stays at one batch however large the register is).
 *
 * Signed-in only, and same-origin only: the register is not public, and a
 * link on another site must not be able to fetch it with the person's cookie
 * (Sec-Fetch-Site / Origin, as for writes). An editor gets their cluster's
 * members (the scope is the list's: adminExportPlan).
 */
import { Readable } from 'node:stream';
import {
  adminExportBatches,
  adminExportPlan,
  getServices,
  UnauthorizedError,
  type AdminExportPlan,
  type Auth,
} from '@cos/api';
import { openDatabase, type DatabaseHandle } from '@cos/db';
import { memberExportQuery, type AdminExportRow, type MemberExportFormat } from '@cos/domain';
import type { FastifyInstance } from 'fastify';
import { signedInSameOrigin } from './admin-session';
import type { OriginPolicy } from './csrf';
import { csvChunks, jsonChunks } from './export-encoders';
import { xlsxStream } from './export-xlsx';
import { sendHttpError } from './http-errors';

const FILES: Record<MemberExportFormat, { type: string; extension: string }> = {
  'csv-excel': { type: 'text/csv; charset=utf-8; header=present', extension: 'csv' },
  csv: { type: 'text/csv; charset=utf-8; header=present', extension: 'csv' },
  xlsx: {
    type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    extension: 'xlsx',
  },
  json: { type: 'application/json; charset=utf-8', extension: 'json' },
};

/** Today in Sweden (the file's date is the one the person sees on their calendar). */
const swedishDate = new Intl.DateTimeFormat('sv-SE', {
  timeZone: 'Europe/Stockholm',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

export function exportFileName(format: MemberExportFormat, now = new Date()): string {
  return `clusters-of-skane-members-${swedishDate.format(now)}.${FILES[format].extension}`;
}

let exportConnections = 0;
/** Export connections open right now (tests check that a cancelled download closes its own). */
export function openExportConnections(): number {
  return exportConnections;
}

/**
 * The plan's batches, read through a read-only connection of the export's
 * own, inside one read transaction: every batch comes from the same snapshot
 * (WAL), however long the client takes and whatever is written meanwhile,
 * and the shared connection is never held. The connection is closed when the
 * rows run out or the download stops.
 */
async function* readerBatches(
  handle: DatabaseHandle,
  plan: AdminExportPlan,
): AsyncGenerator<AdminExportRow[]> {
  // An in-memory database has no file another connection could open.
  if (handle.path === ':memory:') {
    yield* adminExportBatches(handle.sqlite, plan);
    return;
  }
  const reader = openDatabase({ url: handle.path, readonly: true });
  exportConnections += 1;
  try {
    reader.sqlite.exec('BEGIN');
    yield* adminExportBatches(reader.sqlite, plan);
  } finally {
    reader.close();
    exportConnections -= 1;
  }
}

/** Two batches read ahead, not Readable.from's default of 16: memory is what the socket holds. */
const AHEAD = { objectMode: true, highWaterMark: 2 };

function encode(format: MemberExportFormat, batches: AsyncIterable<AdminExportRow[]>): Readable {
  switch (format) {
    case 'csv-excel':
    case 'csv':
      return Readable.from(csvChunks(batches, format), AHEAD);
    case 'json':
      return Readable.from(jsonChunks(batches), AHEAD);
    case 'xlsx':
      return xlsxStream(batches);
  }
}

export function registerMemberExportRoute(
  app: FastifyInstance,
  handle: DatabaseHandle,
  auth: Auth,
  origins: OriginPolicy,
): void {
  const guard = signedInSameOrigin(handle, auth, origins);
  app.get('/api/admin/members/export', { onRequest: guard.onRequest }, (request, reply) => {
    const user = guard.userOf(request);
    if (!user) return sendHttpError(reply, new UnauthorizedError());
    const parsed = memberExportQuery.safeParse(request.query);
    if (!parsed.success) return sendHttpError(reply, parsed.error);
    const { format } = parsed.data;
    const plan = adminExportPlan(getServices(handle), user, parsed.data);
    const name = exportFileName(format);
    return reply
      .header('content-type', FILES[format].type)
      .header('content-disposition', `attachment; filename="${name}"`)
      .header('cache-control', 'private, no-store')
      .send(encode(format, readerBatches(handle, plan)));
  });
}
