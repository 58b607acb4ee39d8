/**
 * One import request's work, wherever it runs (the import worker thread, or
 * in-process for an in-memory database): the body read — a CSV file's bytes
 * decoded and parsed, or the procedure's JSON input as it is — then the very
 * same member.admin.import procedure, and its answer (or refusal) as the
 * status and JSON text to send. The text is made here too, so a report of
 * 200,000 rows is serialised off the main thread as well.
 */
import { BadRequestError, coded, type createCaller } from '@cos/api';
import { isCsvEncoding } from '@cos/domain';
import { CsvError } from 'csv-parse/sync';
import { readMemberCsvBytes } from './csv-rows';
import { httpError } from './http-errors';

export interface ImportRequest {
  /** The CSV file's bytes, or the procedure's parsed JSON input. */
  body: unknown;
  query: Record<string, string | undefined>;
}

export interface ImportAnswer {
  status: number;
  json: string;
}

type Caller = ReturnType<typeof createCaller>;

/** The answer; an error that is not the client's to hear about is thrown (a 500). */
export async function runImport(
  caller: Caller,
  { body, query }: ImportRequest,
): Promise<ImportAnswer> {
  try {
    // application/json: the member.admin.import input as it is (rows the admin read,
    // with lines, mode and the preview's versions), too large for a tRPC call.
    if (isJsonInput(body)) {
      return { status: 200, json: JSON.stringify(await caller.member.admin.import(body as never)) };
    }
    if (!(body instanceof Uint8Array)) throw new BadRequestError(coded('request.csvType', {}));
    const encoding = query.encoding?.toLowerCase();
    if (encoding !== undefined && !isCsvEncoding(encoding))
      throw new BadRequestError(coded('csv.encodingUnknown', { encoding }));
    const { rows, lines, mapping, reading } = readMemberCsvBytes(body, { encoding });
    const report = await caller.member.admin.import({
      rows,
      lines,
      dryRun: query.dryRun !== 'false',
      skipDuplicates: query.skipDuplicates !== 'false',
      mode: query.mode === 'upsert' ? 'upsert' : 'create',
    });
    return { status: 200, json: JSON.stringify({ mapping, reading, ...report }) };
  } catch (error) {
    // Every csv-parse error (not all their codes start with CSV_, e.g. INVALID_OPENING_QUOTE).
    const refused = httpError(
      error instanceof CsvError
        ? new BadRequestError(coded('request.csvUnreadable', { detail: error.message }))
        : error,
    );
    if (!refused) throw error;
    return { status: refused.status, json: JSON.stringify(refused.body) };
  }
}

/** Whether an import applies (writes), as opposed to a dry run. */
export function importApplies({ body, query }: ImportRequest): boolean {
  if (isJsonInput(body)) return (body as { dryRun?: unknown }).dryRun === false;
  return query.dryRun === 'false';
}

/** A parsed JSON body (Fastify's own parser, under this route's body limit). */
function isJsonInput(body: unknown): body is object {
  return typeof body === 'object' && body !== null && !(body instanceof Uint8Array);
}
