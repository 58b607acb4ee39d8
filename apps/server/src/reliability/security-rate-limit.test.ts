/**
 * Sign-in rate limit under a burst: many concurrent attempts, each claiming
 * another client address in the headers a proxy would set, from one socket
 * address. At most the configured number get through to a password check;
 * the rest get 429, and so does the right password while the limit holds.
 * Its own file: better-auth's memory limiter is one Map per process.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN, startTestServer, type TestServer } from '../test-server';

const PER_MINUTE = 3;
const BURST = 15;

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({ signInPerMinute: PER_MINUTE });
}, 60_000);
afterAll(async () => {
  await server.close();
});

describe('sign-in burst', () => {
  it(`answers 429 to all but ${PER_MINUTE} of ${BURST} concurrent attempts, whatever address headers claim`, async () => {
    const statuses = await Promise.all(
      Array.from({ length: BURST }, async (_, i) => {
        const spoofed = `203.0.113.${i + 1}`;
        const response = await server.fetch('/api/auth/sign-in/email', {
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            origin: server.origin,
            // None of these may give an attempt a fresh allowance.
            'x-forwarded-for': spoofed,
            'x-real-ip': spoofed,
            'x-cos-client-ip': spoofed,
            'cf-connecting-ip': spoofed,
          },
          body: JSON.stringify({ email: ADMIN.email, password: `wrong password number ${i}` }),
        });
        await response.arrayBuffer();
        return response.status;
      }),
    );
    const limited = statuses.filter((s) => s === 429).length;
    expect(
      statuses.every((s) => s === 401 || s === 429),
      statuses.join(','),
    ).toBe(true);
    expect(BURST - limited, statuses.join(',')).toBeLessThanOrEqual(PER_MINUTE);
    expect(limited).toBeGreaterThanOrEqual(BURST - PER_MINUTE);

    // While limited, even the right password gets no session.
    const right = await server.fetch('/api/auth/sign-in/email', {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: server.origin },
      body: JSON.stringify(ADMIN),
    });
    expect(right.status).toBe(429);
    expect(right.headers.getSetCookie().some((c) => /session_token=[^;]/.test(c))).toBe(false);
    // The client is told when to try again.
    expect(right.headers.get('retry-after') ?? right.headers.get('x-retry-after')).toMatch(/^\d+$/);
    const sessions = server.handle.sqlite.prepare('SELECT count(*) FROM sessions').pluck().get();
    expect(sessions).toBe(0);
  });
});
