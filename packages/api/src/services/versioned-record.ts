/**
 * The lifecycle every versioned record (member, area, cluster, article, user)
 * shares, written once so the services cannot drift apart in how they guard a
 * write: one transaction; the stored record, with the caller's rights checked;
 * the version the editor saw, refused with the current record when stale; the
 * statement's own `WHERE version = ?`, which catches a write that slipped in
 * between; the audit entry inside the same transaction; and the read cache
 * dropped once it has committed. The services keep what differs: their
 * queries, rules and links.
 */
import type { Status } from '@cos/domain';
import type { DatabaseHandle } from '@cos/db';
import type { Actor } from '../actor';
import { ConflictError } from '../errors';
import { sameJson } from './record-changes';
import type { AuditAction, AuditEntity, AuditTrail } from './audit';
import type { ResultCache } from './result-cache';
import { statusAction } from './status-action';

/** What a versioned record carries for the lifecycle. */
interface Versioned<Id> {
  id: Id;
  version: number;
}

/** Values to bind to a prepared statement's named parameters. */
type Values = Record<string, unknown>;

/** A prepared statement (Drizzle's), as the lifecycle runs it. */
interface Statement<Result = unknown> {
  run(values: Values): Result;
}

/**
 * The record as an update leaves it. Update inputs are partial (the domain's
 * `updateShape`): a field left out is undefined and keeps its stored value,
 * while null is a value that clears a nullable field — hence not `??`.
 */
export function withChanges<R extends object>(before: R, input: Partial<NoInfer<R>>): R {
  const given: [string, unknown][] = Object.entries(input).filter(([, v]) => v !== undefined);
  return { ...before, ...Object.fromEntries(given) };
}

/**
 * Two states of a record hold the same content: every field but the
 * bookkeeping a write itself moves (version, updatedAt) is equal.
 */
export function sameContent(before: object, after: object): boolean {
  const strip = (r: object) => ({ ...r, version: undefined, updatedAt: undefined });
  return sameJson(strip(before), strip(after));
}

/** Thrown inside an update's transaction to roll back a write that changed nothing. */
class Unchanged extends Error {
  constructor(readonly record: unknown) {
    super('unchanged');
  }
}

/**
 * The base of the write services. A service names its entity and how it
 * loads a record (and reads it with the caller's rights); its own public
 * methods run their queries and rules through these steps.
 */
export abstract class VersionedWrites<
  Id extends number | string,
  R extends Versioned<Id>,
  Handle extends Pick<DatabaseHandle, 'sqlite'> = Pick<DatabaseHandle, 'db' | 'sqlite'>,
> {
  protected abstract readonly entity: AuditEntity;

  constructor(
    protected readonly handle: Handle,
    protected readonly audit: AuditTrail,
    protected readonly cache: ResultCache,
  ) {}

  /** The record as stored, or undefined. */
  abstract load(id: Id): R | undefined;

  /** The record as stored, after the service's rights checks (and not-found). */
  abstract get(user: Actor, id: Id): R;

  /**
   * Runs a write in one transaction; the read cache is dropped once it has committed.
   * IMMEDIATE takes the write lock before the version check reads: with another
   * process writing (WORKERS=N, the CLI), a deferred transaction would read an
   * older snapshot and then fail to upgrade (SQLITE_BUSY_SNAPSHOT, a 503) instead
   * of waiting its turn (busy_timeout) and answering a clean 200 or 409.
   */
  protected transaction<T>(fn: () => T): T {
    const result = this.handle.sqlite.transaction(fn).immediate();
    this.cache.invalidate();
    return result;
  }

  /** The version check: a stale edit is refused with the record as it is now. */
  protected assertVersion(before: R, version: number): R {
    if (before.version !== version) throw new ConflictError(this.entity, before);
    return before;
  }

  /** The stored record, after the rights checks and the version check every write makes. */
  protected current(user: Actor, id: Id, version: number): R {
    return this.assertVersion(this.get(user, id), version);
  }

  /**
   * Runs an update's `WHERE version = ?` for the checked record. No row
   * changed means another write got in between the check and the statement,
   * so the edit is refused with what that write left.
   */
  protected writeVersion(
    statement: Statement<{ changes: number }>,
    before: R,
    values: Values,
    now: string | number = new Date().toISOString(),
  ): void {
    const result = statement.run({ ...values, now, id: before.id, version: before.version });
    if (result.changes !== 1) throw new ConflictError(this.entity, this.load(before.id));
  }

  /** Inserts a new row, written `now`; its id. */
  protected insertRow(
    statement: Statement<{ lastInsertRowid: number | bigint }>,
    values: Values,
    now: string = new Date().toISOString(),
  ): number {
    return Number(statement.run({ ...values, now }).lastInsertRowid);
  }

  /** Loads a record just inserted and records its creation (inside the transaction). */
  protected recordCreation(user: Actor, id: Id, action: AuditAction): R {
    const after = this.load(id) as R;
    this.audit.record(user, this.entity, id, action, null, after);
    return after;
  }

  /** Reloads the changed record and records its audit entry (inside the transaction). */
  protected recordChange(user: Actor, before: R, action: AuditAction): R {
    const after = this.load(before.id) as R;
    this.audit.record(user, this.entity, before.id, action, before, after);
    return after;
  }

  /**
   * The common update: `change(before)` validates and writes the record (with
   * `writeVersion`) after the rights and version checks.
   */
  protected updateRecord(
    user: Actor,
    input: Versioned<Id>,
    action: AuditAction,
    change: (before: R) => void,
  ): R {
    try {
      return this.transaction(() => {
        const before = this.current(user, input.id, input.version);
        change(before);
        const after = this.load(before.id) as R;
        // A save that changes nothing is rolled back: no new version, no history line.
        if (sameContent(before, after)) throw new Unchanged(before);
        this.audit.record(user, this.entity, before.id, action, before, after);
        return after;
      });
    } catch (error) {
      if (error instanceof Unchanged) return error.record as R;
      throw error;
    }
  }

  /**
   * Changes an already checked record's status; audited as publish, unpublish
   * or archive. A record already in that status is left as it is.
   */
  protected changeStatus(user: Actor, before: R, status: Status, statement: Statement): R {
    if ((before as { status?: unknown }).status === status) return before;
    const { id, version } = before;
    statement.run({ status, now: new Date().toISOString(), id, version });
    return this.recordChange(user, before, statusAction(status));
  }

  /** Publishes, unpublishes or archives a record, after the rights and version checks. */
  protected setStatusOf(
    user: Actor,
    id: Id,
    version: number,
    status: Status,
    statement: Statement,
  ): R {
    return this.transaction(() =>
      this.changeStatus(user, this.current(user, id, version), status, statement),
    );
  }

  /**
   * Deletes the record and audits it. `refuse.found` runs before the version
   * check (a refusal the version cannot change), `refuse.current` after it.
   */
  protected deleteRecord(
    user: Actor,
    id: Id,
    version: number,
    statement: Statement,
    refuse: { found?: (before: R) => void; current?: (before: R) => void } = {},
  ): { id: Id } {
    return this.transaction(() => {
      const found = this.get(user, id);
      refuse.found?.(found);
      const before = this.assertVersion(found, version);
      refuse.current?.(before);
      statement.run({ id, version });
      this.audit.record(user, this.entity, id, 'delete', before, null);
      return { id };
    });
  }
}
