/** Opaque keyset-pagination cursors: base64url JSON of the last row's sort key and id. */
import { FieldError } from '../errors';

export interface Cursor {
  /** The sort the cursor belongs to; a cursor from another sort is refused. */
  s: string;
  /** The last row's sort value. */
  k: string | number;
  id: number;
}

export function encodeCursor(cursor: Cursor): string {
  return Buffer.from(JSON.stringify(cursor)).toString('base64url');
}

export function decodeCursor(raw: string | undefined, sort: string): Cursor | null {
  if (raw === undefined || raw === '') return null;
  try {
    const value = JSON.parse(Buffer.from(raw, 'base64url').toString('utf8')) as Partial<Cursor>;
    if (
      value.s === sort &&
      (typeof value.k === 'string' || (typeof value.k === 'number' && Number.isFinite(value.k))) &&
      typeof value.id === 'number' &&
      Number.isSafeInteger(value.id)
    ) {
      return { s: value.s, k: value.k, id: value.id };
    }
  } catch {
    // fall through to the error below
  }
  throw FieldError.coded('cursor', 'cursor.foreign', {});
}
