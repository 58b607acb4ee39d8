/**
 * What went wrong with an API call, in the terms a screen acts on: sign in
 * again, not allowed, not there, someone else saved first (with the current
 * record), bad fields (with the server's per-field messages), or anything else.
 * `message` is the server's (English) text; `messageCode` and `messageParams`
 * name it in the domain's message catalogue, so a screen can word it in the
 * interface language (`problemText` in i18n/locale.svelte.ts).
 */
import { isMessageCode, type MessageCode, type WireParams } from '@cos/domain';
import { issuesToFieldErrors, type FieldErrors } from './forms';

/** The catalogue code of a problem's message, when the server sent one. */
export interface ProblemCode {
  messageCode?: MessageCode;
  messageParams?: WireParams;
}

export type ApiProblem = ProblemCode &
  (
    | { kind: 'unauthorized'; message: string }
    | { kind: 'forbidden'; message: string }
    | { kind: 'wrong-address'; message: string; useOrigin: string }
    | { kind: 'not-found'; message: string }
    | { kind: 'conflict'; message: string; current: unknown; savedBy?: SavedBy }
    | { kind: 'fields'; message: string; errors: FieldErrors }
    | { kind: 'rate-limited'; message: string }
    | { kind: 'network'; message: string }
    | { kind: 'other'; message: string }
  );

/** Who saved the version a conflict reports, and when (names and roles; never e-mail). */
export interface SavedBy {
  name: string | null;
  role: 'admin' | 'editor' | null;
  at: string;
}

/** `{ savedBy }` when the server named who saved, else nothing. */
function savedByOf(value: unknown): { savedBy?: SavedBy } {
  if (!value || typeof value !== 'object') return {};
  const { name, role, at } = value as Record<string, unknown>;
  if (typeof at !== 'string') return {};
  const savedBy: SavedBy = {
    name: typeof name === 'string' ? name : null,
    role: role === 'admin' || role === 'editor' ? role : null,
    at,
  };
  return { savedBy };
}

interface ErrorData {
  code?: string;
  httpStatus?: number;
  fieldErrors?: Record<string, string[]> | null;
  /** `code` and `params` name the rule in the domain's message catalogue, for the Swedish text. */
  issues?: { path: string; message: string; code?: string; params?: unknown }[] | null;
  current?: unknown;
  /** With a conflict: who saved the version in `current`, and when. */
  savedBy?: unknown;
  /** Set when a write was refused because this page is not at the platform's address. */
  useOrigin?: string | null;
  /** The catalogue code and parameters of the message (not for field problems: see issues). */
  messageCode?: string | null;
  messageParams?: Record<string, unknown> | null;
}

function dataOf(error: unknown): ErrorData | undefined {
  if (error && typeof error === 'object' && 'data' in error) {
    const { data } = error;
    if (data && typeof data === 'object') return data;
  }
  return undefined;
}

/** The message's code as sent, kept only when the catalogue knows it (else the text is shown). */
function codeOf(data: ErrorData): ProblemCode {
  if (!isMessageCode(data.messageCode)) return {};
  const messageParams: WireParams = {};
  for (const [key, value] of Object.entries(data.messageParams ?? {})) {
    if (typeof value === 'string' || typeof value === 'number') messageParams[key] = value;
  }
  return { messageCode: data.messageCode, messageParams };
}

export function describeError(error: unknown): ApiProblem {
  const message = error instanceof Error ? error.message : String(error);
  const data = dataOf(error);
  if (!data?.code) {
    // fetch() failing (server down, offline) reaches us as a TypeError.
    return /fetch|network/i.test(message)
      ? { kind: 'network', message }
      : { kind: 'other', message };
  }
  // Field problems first: a taken slug or organisation number is CONFLICT with a field.
  if (data.issues && data.issues.length > 0) {
    return { kind: 'fields', message, errors: issuesToFieldErrors(data.issues) };
  }
  return { ...refusal(data, message), ...codeOf(data) };
}

/** A refusal of the request as a whole, by its tRPC code. */
function refusal(data: ErrorData, message: string): ApiProblem {
  if (typeof data.useOrigin === 'string') {
    return { kind: 'wrong-address', message, useOrigin: data.useOrigin };
  }
  switch (data.code) {
    case 'UNAUTHORIZED':
      return { kind: 'unauthorized', message };
    case 'FORBIDDEN':
      return { kind: 'forbidden', message };
    case 'NOT_FOUND':
      return { kind: 'not-found', message };
    case 'CONFLICT':
      return data.current !== undefined && data.current !== null
        ? { kind: 'conflict', message, current: data.current, ...savedByOf(data.savedBy) }
        : { kind: 'other', message };
    case 'TOO_MANY_REQUESTS':
      return { kind: 'rate-limited', message };
    default:
      return { kind: 'other', message };
  }
}

export function isUnauthorized(error: unknown): boolean {
  return dataOf(error)?.code === 'UNAUTHORIZED';
}
