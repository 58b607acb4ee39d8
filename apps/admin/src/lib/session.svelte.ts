/**
 * Who is signed in. better-auth owns the session (HttpOnly cookie); the app
 * only asks the API who the cookie belongs to, and signs in and out through
 * /api/auth on the same origin.
 */
import { api, type RouterOutputs } from './api';

export type SessionUser = NonNullable<RouterOutputs['session']['me']>;

let user = $state<SessionUser | null>(null);
let known = $state(false);

export const session = {
  get user() {
    return user;
  },
  /** false until the first answer: screens wait instead of flashing "sign in". */
  get known() {
    return known;
  },
  get isAdmin() {
    return user?.role === 'admin';
  },
};

export async function refreshSession(): Promise<SessionUser | null> {
  user = await api.session.me.query();
  known = true;
  return user;
}

export function forgetSession(): void {
  user = null;
  known = true;
}

/** The server's refusal in its own words: English text plus the catalogue code for other languages. */
export interface SignInProblem {
  message: string;
  messageCode?: string;
  messageParams?: unknown;
}

export type SignInResult =
  | { kind: 'ok' | 'invalid' | 'network' }
  /** Too many attempts (429), or the database cannot take the session now (503): says until when, or why. */
  | { kind: 'rate-limited' | 'unavailable'; problem: SignInProblem | null }
  | { kind: 'wrong-address'; useOrigin: string };

async function problemOf(response: Response): Promise<SignInProblem | null> {
  const body = (await response.json().catch(() => null)) as Partial<SignInProblem> | null;
  if (typeof body?.message !== 'string') return null;
  return {
    message: body.message,
    messageCode: typeof body.messageCode === 'string' ? body.messageCode : undefined,
    messageParams: body.messageParams,
  };
}

export async function signIn(email: string, password: string): Promise<SignInResult> {
  let response: Response;
  try {
    response = await fetch('/api/auth/sign-in/email', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      credentials: 'same-origin',
      body: JSON.stringify({ email, password }),
    });
  } catch {
    return { kind: 'network' };
  }
  if (response.status === 429) return { kind: 'rate-limited', problem: await problemOf(response) };
  if (response.status === 503) return { kind: 'unavailable', problem: await problemOf(response) };
  if (response.status === 403) {
    // The server names the address that works when this one is not allowed.
    const body = (await response.json().catch(() => null)) as { useOrigin?: unknown } | null;
    if (typeof body?.useOrigin === 'string')
      return { kind: 'wrong-address', useOrigin: body.useOrigin };
  }
  if (!response.ok) return { kind: 'invalid' };
  return { kind: (await refreshSession()) ? 'ok' : 'invalid' };
}

export async function signOut(): Promise<void> {
  try {
    await fetch('/api/auth/sign-out', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      credentials: 'same-origin',
      body: '{}',
    });
  } finally {
    forgetSession();
  }
}
