/**
 * What each feature that stores personal data tells the rest of the
 * platform about it. A holder knows its own tables; the registry
 * (registry.ts) lists them, and export, erasure and the retention job
 * (export-erase.ts, retention.ts) run over every one.
 *
 * Everything is synchronous on purpose: better-sqlite3 transactions are
 * synchronous, and an erasure runs every holder inside one transaction so
 * that it either removes everything about the address or nothing.
 */
import type { DatabaseHandle } from '@cos/db';

export interface PersonalDataHolder {
  /** A short stable name: the key of its part in an export and in the counts. */
  name: string;
  /**
   * Everything this holder keeps about the address, as JSON-safe values
   * (usually an array of plain rows). `email` is trimmed and lower-cased.
   */
  exportFor(handle: DatabaseHandle, email: string): unknown;
  /** Deletes (or anonymises) everything about the address; the rows it touched. */
  eraseFor(handle: DatabaseHandle, email: string): number;
  /** Deletes the personal data of what was handled before `date`; the rows it touched. */
  purgeHandledBefore(handle: DatabaseHandle, date: Date): number;
  /** Deletes submissions created before `date` whose e-mail address was never confirmed. */
  purgeUnconfirmedBefore?(handle: DatabaseHandle, date: Date): number;
  /** Deletes what was only kept for a while by its own rule (expired sessions, old limits) at `now`. */
  purgeExpired?(handle: DatabaseHandle, now: Date): number;
}
