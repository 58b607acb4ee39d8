/**
 * Accounts, as admins manage them: list, create (through auth.ts's
 * createUser), change name, role, cluster and whether the account is
 * disabled. Password hashes never leave this file's queries.
 */
import { auditLog, clusters, sessions, users, type DatabaseHandle } from '@cos/db';
import type { ProfileUpdateInput, UserCreateInput, UserUpdateInput } from '@cos/domain';
import { and, asc, eq, isNull, sql } from 'drizzle-orm';
import type { z } from 'zod';
import { createUser } from '../auth';
import type { Actor } from '../actor';
import { FieldError, notFound } from '../errors';
import type { userRecordOut } from '../outputs';
import { assertAdmin } from './permissions';
import { byIdAndVersion, existsById, nextVersion, onFirstUse, param } from './prepared';
import { assertExist } from './record-checks';
import { VersionedWrites } from './versioned-record';

export type UserRecord = z.infer<typeof userRecordOut>;

const WHAT = 'manageUsers';

export class UserWrites extends VersionedWrites<string, UserRecord, DatabaseHandle> {
  protected readonly entity = 'user';
  private readonly statements = onFirstUse(() => {
    const { db } = this.handle;
    const id = sql.placeholder('id');
    // The columns an admin sees: never the password hash (kept in accounts) or sessions.
    const columns = {
      id: users.id,
      email: users.email,
      name: users.name,
      role: users.role,
      clusterId: users.clusterId,
      disabled: users.disabled,
      notificationMode: users.notificationMode,
      mailLanguage: users.mailLanguage,
      version: users.version,
      createdAt: users.createdAt,
    };
    return {
      byId: db.select(columns).from(users).where(eq(users.id, id)).prepare(),
      all: db.select(columns).from(users).orderBy(asc(users.email)).prepare(),
      clusterExists: existsById(db, clusters),
      nameCreator: db
        .update(auditLog)
        .set({ userId: param('userId'), userEmail: param('userEmail') })
        .where(
          and(
            eq(auditLog.entity, 'user'),
            eq(auditLog.entityId, id),
            eq(auditLog.action, 'create'),
            isNull(auditLog.userId),
          ),
        )
        .prepare(),
      // disabled and updated_at are bound as stored (0/1, epoch milliseconds).
      update: db
        .update(users)
        .set({
          name: param('name'),
          role: param('role'),
          clusterId: param('clusterId'),
          disabled: param('disabled'),
          notificationMode: param('notificationMode'),
          mailLanguage: param('mailLanguage'),
          ...nextVersion(users),
        })
        .where(byIdAndVersion(users))
        .prepare(),
      delete: db.delete(users).where(byIdAndVersion(users)).prepare(),
      endSessions: db.delete(sessions).where(eq(sessions.userId, id)).prepare(),
    };
  });

  load(id: string): UserRecord | undefined {
    const row = this.statements().byId.get({ id });
    return row ? toRecord(row) : undefined;
  }

  list(user: Actor): UserRecord[] {
    assertAdmin(user, WHAT);
    return this.statements().all.all().map(toRecord);
  }

  get(user: Actor, id: string): UserRecord {
    assertAdmin(user, WHAT);
    const record = this.load(id);
    if (!record) throw notFound('user', id);
    return record;
  }

  async create(user: Actor, input: UserCreateInput): Promise<UserRecord> {
    assertAdmin(user, WHAT);
    const { id } = await createUser(this.handle, input);
    // createUser records the creation without an author; name the admin who did it.
    this.statements().nameCreator.run({ userId: user.id, userEmail: user.email, id });
    this.cache.invalidate();
    return this.load(id) as UserRecord;
  }

  update(user: Actor, input: UserUpdateInput & { version: number }): UserRecord {
    return this.updateRecord(user, input, 'update', (before) => {
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
        throw FieldError.coded('clusterId', 'user.editorNeedsCluster', {});
      if (role === 'admin' && clusterId !== null)
        throw FieldError.coded('clusterId', 'user.adminHasNoCluster', {});
      const clusterIds = clusterId === null ? [] : [clusterId];
      assertExist(this.statements().clusterExists, 'clusterId', 'cluster', clusterIds);
      if (before.id === user.id && disabled)
        throw FieldError.coded('disabled', 'user.selfDisable', {});
      if (before.id === user.id && role !== 'admin')
        throw FieldError.coded('role', 'user.selfDemote', {});
      const values = {
        name,
        role,
        clusterId,
        disabled: disabled ? 1 : 0,
        notificationMode: before.notificationMode,
        mailLanguage: before.mailLanguage,
      };
      this.writeVersion(this.statements().update, before, values, Date.now());
      if (disabled) this.statements().endSessions.run({ id: before.id });
    });
  }

  /** The signed-in person's own account, as the profile page edits it. */
  profile(user: Actor): UserRecord {
    const record = this.load(user.id);
    if (!record) throw notFound('user', user.id);
    return record;
  }

  /**
   * A person changes their own name and how the platform mails them (e-mail,
   * role and cluster are an admin's to change). Version-checked and audited like an
   * admin's edit; the schema has already refused markup and control characters.
   * better-auth's own update-user route is closed (apps/server auth-routes.ts),
   * so this is the one way a name changes without an admin.
   */
  updateProfile(user: Actor, input: ProfileUpdateInput): UserRecord {
    return this.transaction(() => {
      const found = this.profile(user);
      const before = input.version === undefined ? found : this.assertVersion(found, input.version);
      const values = {
        name: input.name,
        role: before.role,
        clusterId: before.clusterId,
        disabled: before.disabled ? 1 : 0,
        notificationMode: input.notificationMode ?? before.notificationMode,
        mailLanguage: input.mailLanguage ?? before.mailLanguage,
      };
      this.writeVersion(this.statements().update, before, values, Date.now());
      return this.recordChange(user, before, 'update');
    });
  }

  /**
   * Deletes an account and its sessions. The audit trail keeps the account's
   * e-mail on its entries, so history still says who did what.
   */
  delete(user: Actor, id: string, version: number): { id: string } {
    return this.deleteRecord(user, id, version, this.statements().delete, {
      found: (before) => {
        if (before.id === user.id) throw FieldError.coded('id', 'user.selfDelete', {});
      },
    });
  }
}

function toRecord(r: Omit<UserRecord, 'createdAt'> & { createdAt: Date }): UserRecord {
  return { ...r, createdAt: r.createdAt.toISOString() };
}
