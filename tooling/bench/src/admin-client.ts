/**
 * An administrator over HTTP, as the admin app talks to the server: sign in
 * with email and password (from our origin), read a member for its version,
 * save it through tRPC's member.admin.update with that version.
 */
export interface AdminTarget {
  /** e.g. http://127.0.0.1:3901 */
  base: string;
  /** The server's PUBLIC_ORIGIN: sign-in and mutations must come from it. */
  origin: string;
}

export const BENCH_ADMIN = {
  email: 'bench.admin@example.test',
  password: 'bench admin password 123',
};

const TIMEOUT_MS = 30_000;

export async function signIn(t: AdminTarget, credentials = BENCH_ADMIN): Promise<string> {
  const response = await fetch(`${t.base}/api/auth/sign-in/email`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: t.origin },
    body: JSON.stringify(credentials),
    signal: AbortSignal.timeout(TIMEOUT_MS),
  });
  await response.arrayBuffer();
  const cookie = response.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
  if (!response.ok || !cookie.includes('session_token'))
    throw new Error(`bench admin sign-in answered ${response.status}`);
  return cookie;
}

export interface SaveResult {
  status: number;
  /** Time of the save itself (the update mutation), ms. */
  ms: number;
}

/** Reads the member (for its version), then saves a new description and size. */
export async function saveMember(
  t: AdminTarget,
  cookie: string,
  id: number,
  n: number,
): Promise<SaveResult> {
  const reading = performance.now();
  let version: number | undefined;
  try {
    const read = await fetch(
      `${t.base}/trpc/member.admin.get?input=${encodeURIComponent(JSON.stringify({ id }))}`,
      { headers: { cookie }, signal: AbortSignal.timeout(TIMEOUT_MS) },
    );
    const body = (await read.json()) as { result?: { data?: { version?: number } } };
    version = read.ok ? body.result?.data?.version : undefined;
  } catch {
    // timed out or refused: a failed save below
  }
  // A save that could not even read its member failed, after as long as it waited.
  if (typeof version !== 'number') return { status: 0, ms: performance.now() - reading };
  const started = performance.now();
  try {
    const saved = await fetch(`${t.base}/trpc/member.admin.update`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: t.origin, cookie },
      body: JSON.stringify({
        id,
        version,
        description: { sv: `Uppdaterad i mätningen (${n})`, en: `Updated by the bench (${n})` },
        sizeBand: (['1-9', '10-49', '50-249', '250+'] as const)[n % 4],
      }),
      signal: AbortSignal.timeout(TIMEOUT_MS),
    });
    await saved.arrayBuffer();
    return { status: saved.status, ms: performance.now() - started };
  } catch {
    return { status: 0, ms: performance.now() - started };
  }
}
