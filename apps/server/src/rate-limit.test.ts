/**
 * The sign-in rate limit over HTTP. Its own file on purpose: better-auth keeps
 * its memory rate-limit store in a module-level Map shared by every auth
 * instance in the process, so a second app in trpc-http.test.ts would inherit that
 * file's sign-in count. Vitest runs each file in a fresh module graph.
 */
import { describe, expect, it } from 'vitest';
import { ADMIN, startTestServer } from './test-server';

describe('sign-in rate limit', () => {
  it('answers 429 after the configured number of attempts per minute', async () => {
    const server = await startTestServer({ signInPerMinute: 3 });
    try {
      const statuses: number[] = [];
      for (let i = 0; i < 5; i++) {
        const response = await server.fetch('/api/auth/sign-in/email', {
          method: 'POST',
          headers: { 'content-type': 'application/json', origin: server.origin },
          body: JSON.stringify({ email: ADMIN.email, password: `wrong password ${i}` }),
        });
        statuses.push(response.status);
      }
      expect(statuses).toEqual([401, 401, 401, 429, 429]);

      // Even the right password is refused while limited.
      const right = await server.fetch('/api/auth/sign-in/email', {
        method: 'POST',
        headers: { 'content-type': 'application/json', origin: server.origin },
        body: JSON.stringify(ADMIN),
      });
      expect(right.status).toBe(429);
      expect(right.headers.getSetCookie()).toEqual([]);
    } finally {
      await server.close();
    }
  }, 30_000);
});
