/**
 * Accounts and sessions with better-auth: e-mail + password, scrypt hashes
 * (memory-hard), sessions stored in our SQLite through its Drizzle adapter,
 * HttpOnly SameSite=Lax cookies (Secure when the site runs on https). Sign-in
 * is limited per address and per account by services/sign-in-limits.ts (in the
 * database, so the limits hold across restarts and processes), which the
 * server checks before better-auth's handler; better-auth's own limiter, one
 * Map per process, only bounds the other auth routes. Sign-up is closed:
 * accounts are made by admins or the CLI through createUser below. We chose a
 * kept library over our own code because session handling is where home-made
 * security goes wrong.
 */
import { randomUUID } from 'node:crypto';
import type { DatabaseHandle } from '@cos/db';
import { accounts, sessions, users, verifications } from '@cos/db';
import type { UserCreateInput } from '@cos/domain';
import { betterAuth } from 'better-auth';
import { createAuthMiddleware, isAPIError } from 'better-auth/api';
import { drizzleAdapter } from 'better-auth/adapters/drizzle';
import { hashPassword, verifyPassword } from 'better-auth/crypto';
import type { Actor } from './actor';
import { FieldError, storageUnavailable } from './errors';
import { SignInLimits, type SignInLimitPolicy } from './services/sign-in-limits';

/** The header the host sets from the socket address, overwriting anything a client sent. */
export const CLIENT_IP_HEADER = 'x-cos-client-ip';

export interface AuthOptions {
  /** Public origin, e.g. http://localhost:3000; https turns on Secure cookies. */
  baseURL: string;
  /** Origins sign-in may come from (the server's allowedOrigins); baseURL alone by default. */
  trustedOrigins?: readonly string[];
  /** At least 32 random characters; sessions are signed with it. */
  secret: string;
  /** Sign-in attempts per minute per address before 429. */
  signInPerMinute?: number;
  /** The rest of the sign-in policy (tests shorten it); services/sign-in-limits.ts has the defaults. */
  signInPolicy?: Partial<SignInLimitPolicy>;
}

/**
 * The session cookie better-auth sets (with the __Secure- prefix on https):
 * a request carrying it is a signed-in request.
 */
export const SESSION_COOKIE = /(?:^|;\s*)(?:__Secure-)?better-auth\.session_token=/;

/** Whether a request's headers carry a session: the session cookie or an Authorization header. */
export function carriesSession(headers: {
  cookie?: string | undefined;
  authorization?: string | undefined;
}): boolean {
  return (
    headers.authorization !== undefined ||
    (headers.cookie !== undefined && SESSION_COOKIE.test(headers.cookie))
  );
}

/**
 * A disabled account answers exactly like a wrong password: the password is
 * checked as for anyone (same scrypt work, so timing tells nothing either),
 * and then refused — better-auth's own "Invalid password" answer, byte for
 * byte. The hash is unique (salted), so it finds its account.
 */
function verifyUnlessDisabled(handle: DatabaseHandle) {
  const disabled = handle.sqlite.prepare(
    `SELECT u.disabled FROM accounts a JOIN users u ON u.id = a.user_id
     WHERE a.password = ? AND a.provider_id = 'credential'`,
  );
  return async ({ hash, password }: { hash: string; password: string }) => {
    const right = await verifyPassword({ hash, password });
    const row = disabled.get(hash) as { disabled: number } | undefined;
    return right && row !== undefined && row.disabled === 0;
  };
}

export function createAuth(handle: DatabaseHandle, options: AuthOptions) {
  const signInLimits = new SignInLimits(handle, {
    ...options.signInPolicy,
    ...(options.signInPerMinute === undefined
      ? {}
      : { perAddressPerMinute: options.signInPerMinute }),
  });
  const auth = betterAuth({
    appName: 'Clusters of Skåne',
    baseURL: options.baseURL,
    basePath: '/api/auth',
    secret: options.secret,
    trustedOrigins: [...(options.trustedOrigins ?? [options.baseURL])],
    database: drizzleAdapter(handle.db, {
      provider: 'sqlite',
      schema: { user: users, session: sessions, account: accounts, verification: verifications },
    }),
    emailAndPassword: {
      enabled: true,
      disableSignUp: true,
      minPasswordLength: 12,
      maxPasswordLength: 128,
      password: { hash: hashPassword, verify: verifyUnlessDisabled(handle) },
    },
    user: {
      additionalFields: {
        role: { type: 'string', input: false },
        clusterId: { type: 'number', input: false, required: false },
        disabled: { type: 'boolean', input: false, required: false },
      },
    },
    session: { expiresIn: 60 * 60 * 8, updateAge: 60 * 30 },
    rateLimit: {
      enabled: true,
      storage: 'memory',
      window: 60,
      max: 200,
      // Sign-in has its own limiter in the database (sign-in-limits.ts).
      customRules: { '/sign-in/email': false },
    },
    hooks: {
      // better-auth wraps some failures in its own 500 (get-session's refresh):
      // a storage failure inside is thrown as ours, which the server answers as 503.
      after: createAuthMiddleware((ctx) => {
        const returned: unknown = ctx.context.returned;
        const storage = isAPIError(returned) ? storageUnavailable(returned.cause) : null;
        if (storage) throw storage;
        return Promise.resolve();
      }),
    },
    onAPIError: {
      // Errors that are not better-auth's own (a full disk under a session
      // write) reach the server's route, which answers them as a clear 503
      // instead of better-auth's 500 with the body null.
      throw: true,
    },
    advanced: {
      useSecureCookies: options.baseURL.startsWith('https://'),
      defaultCookieAttributes: { httpOnly: true, sameSite: 'lax' },
      ipAddress: { ipAddressHeaders: [CLIENT_IP_HEADER] },
      // better-auth turns its Origin/CSRF checks off when NODE_ENV=test or TEST is
      // set; keep them on everywhere, so tests see production behaviour and a
      // stray TEST=1 in production cannot disable them.
      disableOriginCheck: false,
    },
    databaseHooks: {
      session: {
        create: {
          // A disabled account cannot sign in, whatever its password.
          before: (session) => {
            const row = handle.sqlite
              .prepare('SELECT disabled FROM users WHERE id = ?')
              .get(session.userId) as { disabled: number } | undefined;
            return Promise.resolve(row && row.disabled === 0 ? undefined : false);
          },
        },
      },
    },
    telemetry: { enabled: false },
  });
  return Object.assign(auth, { signInLimits });
}

export type Auth = ReturnType<typeof createAuth>;

/** The signed-in user for a request's headers, or null. Disabled users count as signed out. */
export async function sessionUser(
  auth: Auth,
  handle: DatabaseHandle,
  headers: Headers,
): Promise<Actor | null> {
  const session = await sessionOf(auth, headers);
  if (!session) return null;
  const row = handle.sqlite
    .prepare(
      'SELECT id, email, name, role, cluster_id AS clusterId, disabled FROM users WHERE id = ?',
    )
    .get(session.user.id) as (Actor & { disabled: number }) | undefined;
  if (!row || row.disabled) return null;
  return { id: row.id, email: row.email, name: row.name, role: row.role, clusterId: row.clusterId };
}

/**
 * The session, refreshed as better-auth does. When the refresh cannot be
 * written (a full disk, a read-only file) the session is still valid: it is
 * read again without the refresh, so reads go on working and only writes
 * answer 503.
 */
async function sessionOf(auth: Auth, headers: Headers) {
  try {
    return await auth.api.getSession({ headers });
  } catch (error) {
    if (
      !storageUnavailable(error) &&
      !storageUnavailable((error as { cause?: unknown } | null)?.cause)
    )
      throw error;
    return auth.api.getSession({ headers, query: { disableRefresh: true } });
  }
}

/** Creates an account with a scrypt-hashed password (used by admins and the CLI). */
export async function createUser(
  handle: DatabaseHandle,
  input: UserCreateInput,
): Promise<{ id: string }> {
  if (handle.sqlite.prepare('SELECT 1 FROM users WHERE email = ?').get(input.email)) {
    throw FieldError.coded('email', 'taken.email', {}, 'conflict');
  }
  if (
    input.clusterId !== null &&
    !handle.sqlite.prepare('SELECT 1 FROM clusters WHERE id = ?').get(input.clusterId)
  ) {
    throw FieldError.coded('clusterId', 'reference.missing', {
      entity: 'cluster',
      id: input.clusterId,
    });
  }
  const hash = await hashPassword(input.password);
  const id = randomUUID();
  const now = Date.now();
  handle.sqlite.transaction(() => {
    handle.sqlite
      .prepare(
        `INSERT INTO users (id, name, email, email_verified, role, cluster_id, disabled, created_at, updated_at)
         VALUES (?, ?, ?, 1, ?, ?, 0, ?, ?)`,
      )
      .run(id, input.name, input.email, input.role, input.clusterId, now, now);
    handle.sqlite
      .prepare(
        `INSERT INTO accounts (id, account_id, provider_id, user_id, password, created_at, updated_at)
         VALUES (?, ?, 'credential', ?, ?, ?, ?)`,
      )
      .run(randomUUID(), id, id, hash, now, now);
    handle.sqlite
      .prepare(
        `INSERT INTO audit_log (at, user_id, user_email, entity, entity_id, action, before, after)
         VALUES (?, NULL, NULL, 'user', ?, 'create', NULL, ?)`,
      )
      .run(
        new Date(now).toISOString(),
        id,
        JSON.stringify({
          id,
          email: input.email,
          name: input.name,
          role: input.role,
          clusterId: input.clusterId,
        }),
      );
  })();
  return { id };
}
