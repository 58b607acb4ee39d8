/**
 * Accounts, as admins manage them: list, create (through auth.ts's
 * createUser), change name, role, cluster and whether the account is
 * disabled. Password hashes never leave this file's queries.
 */
import type { DatabaseHandle } from '@cos/db';
import type { UserCreateInput, UserRole, UserUpdateInput } from '@cos/domain';
import { createUser } from '../auth';
import type { SessionUser } from '../actor';
import { ConflictError, FieldError, notFound } from '../errors';
import type { AuditTrail } from './audit';
import { assertAdmin } from './permissions';
import type { ResultCache } from './result-cache';
import type { StatementCache } from './statement-cache';

export interface UserRecord {
  id: string;
  email: string;
  name: string;
  role: UserRole;
  clusterId: number | null;
  disabled: boolean;
  version: number;
  createdAt: string;
}

type UserRow = Omit<UserRecord, 'disabled' | 'createdAt'> & { disabled: number; createdAt: number };

const COLUMNS =
  'id, email, name, role, cluster_id AS clusterId, disabled, version, created_at AS createdAt';
const WHAT = 'manage user accounts';

function toRecord(r: UserRow): UserRecord {
  return { ...r, disabled: r.disabled === 1, createdAt: new Date(r.createdAt).toISOString() };
}

export class UserWrites {
  constructor(
    private readonly handle: DatabaseHandle,
    private readonly statements: StatementCache,
    private readonly audit: AuditTrail,
    private readonly cache: ResultCache,
  ) {}

  load(id: string): UserRecord | undefined {
    const row = this.statements.one<UserRow>(`SELECT ${COLUMNS} FROM users WHERE id = ?`, [id]);
    return row ? toRecord(row) : undefined;
  }

  list(user: SessionUser): UserRecord[] {
    assertAdmin(user, WHAT);
    return this.statements
      .all<UserRow>(`SELECT ${COLUMNS} FROM users ORDER BY email`)
      .map(toRecord);
  }

  get(user: SessionUser, id: string): UserRecord {
    assertAdmin(user, WHAT);
    const record = this.load(id);
    if (!record) throw notFound('user', id);
    return record;
  }

  async create(user: SessionUser, input: UserCreateInput): Promise<UserRecord> {
    assertAdmin(user, WHAT);
    const { id } = await createUser(this.handle, input);
    // createUser records the creation without an author; name the admin who did it.
    this.statements
      .get(
        `UPDATE audit_log SET user_id = ?, user_email = ?
         WHERE entity = 'user' AND entity_id = ? AND action = 'create' AND user_id IS NULL`,
      )
      .run(user.id, user.email, id);
    this.cache.invalidate();
    return this.load(id) as UserRecord;
  }

  update(user: SessionUser, input: UserUpdateInput & { version: number }): UserRecord {
    return this.transaction(() => {
      const before = this.get(user, input.id);
      if (before.version !== input.version) throw new ConflictError('user', before);
      const role = input.role ?? before.role;
      const clusterId =
        input.clusterId !== undefined
          ? input.clusterId
          : input.role === 'admin'
            ? null
            : before.clusterId;
      const disabled = input.disabled ?? before.disabled;
      const name = input.name ?? before.name;
      if (role === 'editor' && clusterId === null)
        throw new FieldError('clusterId', 'An editor must belong to a cluster');
      if (role === 'admin' && clusterId !== null)
        throw new FieldError('clusterId', 'An admin is not tied to a cluster');
      if (
        clusterId !== null &&
        !this.statements.one('SELECT 1 FROM clusters WHERE id = ?', [clusterId])
      ) {
        throw new FieldError('clusterId', `cluster ${clusterId} does not exist`);
      }
      if (before.id === user.id && disabled)
        throw new FieldError('disabled', 'You cannot disable your own account');
      if (before.id === user.id && role !== 'admin')
        throw new FieldError('role', 'You cannot demote yourself');
      const result = this.statements
        .get(
          `UPDATE users SET name = ?, role = ?, cluster_id = ?, disabled = ?, version = version + 1, updated_at = ?
           WHERE id = ? AND version = ?`,
        )
        .run(name, role, clusterId, disabled ? 1 : 0, Date.now(), before.id, input.version);
      if (result.changes !== 1) throw new ConflictError('user', this.load(before.id));
      if (disabled) this.statements.get('DELETE FROM sessions WHERE user_id = ?').run(before.id);
      const after = this.load(before.id) as UserRecord;
      this.audit.record(user, 'user', before.id, 'update', before, after);
      return after;
    });
  }

  /**
   * Deletes an account and its sessions. The audit trail keeps the account's
   * e-mail on its entries, so history still says who did what.
   */
  delete(user: SessionUser, id: string, version: number): { id: string } {
    return this.transaction(() => {
      const before = this.get(user, id);
      if (before.id === user.id) throw new FieldError('id', 'You cannot delete your own account');
      if (before.version !== version) throw new ConflictError('user', before);
      this.statements.get('DELETE FROM users WHERE id = ? AND version = ?').run(id, version);
      this.audit.record(user, 'user', id, 'delete', before, null);
      return { id };
    });
  }

  private transaction<T>(fn: () => T): T {
    const result = this.handle.sqlite.transaction(fn)();
    this.cache.invalidate();
    return result;
  }
}
