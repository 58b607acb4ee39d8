/**
 * For tests: the types of what the server answers over HTTP, derived from the
 * API's router and the server's own modules, so a changed output shows up as a
 * type error in the tests instead of a hand-kept copy silently going stale.
 */
import type { AppRouter, ExportRow } from '@cos/api';
import type { inferRouterError, inferRouterInputs, inferRouterOutputs } from '@trpc/server';
import type { CsvReading, CsvRows } from './csv-rows';
import type { HttpError } from './http-errors';
import type { DATA_LICENCE } from './open-data';

/** Every procedure's output, e.g. `Outputs['member']['directory']`. */
export type Outputs = inferRouterOutputs<AppRouter>;
/** Every procedure's input, e.g. `Inputs['member']['admin']['update']`. */
export type Inputs = inferRouterInputs<AppRouter>;

/** What /trpc answers for one successful (unbatched) call. */
export interface TrpcResult<T> {
  result: { data: T };
}

/** What /trpc answers for a refused call: the router's error shape (errorFormatter). */
export interface TrpcErrorBody {
  error: inferRouterError<AppRouter>;
}

/** The REST lists answer a procedure's output with the data licence beside it. */
export type Licensed<T> = T & { licence: typeof DATA_LICENCE };

export type RestAreas = Licensed<{ items: Outputs['area']['list'] }>;
export type RestClusters = Licensed<{ items: Outputs['cluster']['list'] }>;
export type RestDirectory = Licensed<Outputs['member']['directory']>;
export type RestMember = Outputs['member']['bySlug'];
/** One row of the members.json download (the CSV's columns, as JSON). */
export type RestDownloadRow = ExportRow;
/** What the CSV import route answers: the import report and the heading mapping it used. */
export type RestImportReport = Outputs['member']['admin']['import'] &
  Pick<CsvRows, 'mapping'> & { reading: CsvReading };
/** The body of a REST refusal (http-errors.ts). */
export type RestError = HttpError['body'];
/** A refused sign-in, in better-auth's shape (http-errors.ts sendAuthError). */
export interface AuthRefusal {
  code: string;
  message: string;
  useOrigin?: string;
}
