/**
 * Cross-site requests and response headers over real HTTP: cross-site posts
 * (forms: urlencoded, text/plain, multipart; other origins, Origin: null,
 * Sec-Fetch-Site cross-site and same-site) are refused for tRPC, the CSV
 * import and sign-in/sign-out; every kind of response carries the security
 * headers. This file signs in at most 6 times, under the default limit of 10
 * a minute.
 */
import { describe, expect, it } from 'vitest';
import { ADMIN, EDITOR, cookieHeader } from '../test-server';
import { checksumDatabase } from './checksum';
import { signIn, trpcQuery } from './http';
import { useSecurityEnv } from './security-support';

const env = useSecurityEnv();

describe('cross-site requests', () => {
  const evil = 'http://evil.example';
  const count = (name: string) =>
    env.server.handle.sqlite
      .prepare('SELECT count(*) FROM members WHERE name = ?')
      .pluck()
      .get(name) as number;

  it('refuses cross-site form posts and fetches to tRPC mutations, writing nothing', async () => {
    const name = 'Formulärbolaget AB';
    const json = JSON.stringify({ name, kind: 'company' });
    const cases: [string, string, Record<string, string>][] = [
      [
        'urlencoded form from another site',
        `name=${encodeURIComponent(name)}&kind=company`,
        {
          'content-type': 'application/x-www-form-urlencoded',
          origin: evil,
          'sec-fetch-site': 'cross-site',
        },
      ],
      // <form enctype="text/plain"> can send a body that is valid JSON.
      [
        'text/plain form carrying JSON',
        json,
        { 'content-type': 'text/plain', origin: evil, 'sec-fetch-site': 'cross-site' },
      ],
      [
        'multipart form',
        `--x\r\nContent-Disposition: form-data; name="name"\r\n\r\n${name}\r\n--x--\r\n`,
        {
          'content-type': 'multipart/form-data; boundary=x',
          origin: evil,
          'sec-fetch-site': 'cross-site',
        },
      ],
      [
        'JSON fetch from another origin',
        json,
        { 'content-type': 'application/json', origin: evil },
      ],
      [
        'JSON fetch marked cross-site, no Origin',
        json,
        { 'content-type': 'application/json', origin: '', 'sec-fetch-site': 'cross-site' },
      ],
      [
        'JSON fetch from a sibling subdomain (same-site)',
        json,
        {
          'content-type': 'application/json',
          origin: 'http://evil.localhost:3000',
          'sec-fetch-site': 'same-site',
        },
      ],
      [
        'Origin: null (sandboxed frame)',
        json,
        { 'content-type': 'application/json', origin: 'null' },
      ],
    ];
    const before = checksumDatabase(env.server.handle.sqlite);
    for (const [why, body, headers] of cases) {
      const sent = Object.fromEntries(Object.entries(headers).filter(([, v]) => v !== ''));
      const response = await env.server.fetch('/trpc/member.admin.create', {
        method: 'POST',
        headers: { cookie: env.cookies.admin, ...sent },
        body,
      });
      await response.arrayBuffer();
      expect(response.status, why).toBeGreaterThanOrEqual(400);
      expect(response.status, why).toBeLessThan(500);
    }
    expect(count(name)).toBe(0);
    expect(checksumDatabase(env.server.handle.sqlite)).toBe(before);
  });

  it('refuses a cross-site CSV upload (text/plain is a form-able content type)', async () => {
    const before = checksumDatabase(env.server.handle.sqlite);
    const attempts: Record<string, string>[] = [
      { origin: evil, 'sec-fetch-site': 'cross-site' },
      { 'sec-fetch-site': 'cross-site' },
    ];
    for (const headers of attempts) {
      const response = await env.server.fetch('/api/admin/members/import?dryRun=false', {
        method: 'POST',
        headers: { 'content-type': 'text/plain', cookie: env.cookies.admin, ...headers },
        body: 'namn\nUppladdat AB\n',
      });
      expect(response.status).toBe(403);
    }
    expect(checksumDatabase(env.server.handle.sqlite)).toBe(before);
  });

  it('refuses sign-in (forms or not) and sign-out from another site', async () => {
    const credentials = `email=${encodeURIComponent(ADMIN.email)}&password=${encodeURIComponent(ADMIN.password)}`;
    const forms: [string, string][] = [
      // Not a form, but from another origin: refused too (login CSRF).
      ['application/json', JSON.stringify(ADMIN)],
      ['application/x-www-form-urlencoded', credentials],
      // <form enctype="text/plain"> can send a body that is valid JSON.
      ['text/plain', JSON.stringify(ADMIN)],
      [
        'multipart/form-data; boundary=x',
        `--x\r\nContent-Disposition: form-data; name="email"\r\n\r\n${ADMIN.email}\r\n--x\r\nContent-Disposition: form-data; name="password"\r\n\r\n${ADMIN.password}\r\n--x--\r\n`,
      ],
    ];
    for (const [contentType, body] of forms) {
      const response = await env.server.fetch('/api/auth/sign-in/email', {
        method: 'POST',
        headers: { 'content-type': contentType, origin: evil, 'sec-fetch-site': 'cross-site' },
        body,
      });
      await response.arrayBuffer();
      expect(response.status, contentType).toBeGreaterThanOrEqual(400);
      expect(response.status, contentType).toBeLessThan(500);
      expect(cookieHeader(response), contentType).not.toMatch(/session_token=[^;]/);
    }

    const signOutEvil = await env.server.fetch('/api/auth/sign-out', {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: evil, cookie: env.cookies.admin },
      body: '{}',
    });
    expect(signOutEvil.status).toBe(403);
    // The session survived the attempt.
    expect((await trpcQuery(env.server, 'member.admin.list', {}, env.cookies.admin)).status).toBe(
      200,
    );
  });
});

describe('response headers', () => {
  const requests: [string, RequestInit?][] = [
    ['/healthz'],
    ['/api/v1/members?limit=1'],
    ['/api/v1/members.csv?limit=1'],
    ['/api/v1/members/finns-inte'],
    ['/api/v1/members?limit=nope'],
    ['/api/openapi.json'],
    ['/trpc/area.list'],
    ['/trpc/member.admin.list'],
    ['/api/auth/get-session'],
    ['/no/such/page'],
    [
      '/api/admin/members/import',
      { method: 'POST', body: 'x', headers: { 'content-type': 'text/csv' } },
    ],
    ['/api/admin/members/export?format=csv'],
  ];

  it.each(requests)('%s carries the security headers', async (pathname, init) => {
    const response = await env.server.fetch(pathname, init);
    await response.arrayBuffer();
    const csp = response.headers.get('content-security-policy') ?? '';
    const directives = new Map(
      csp
        .split(';')
        .map((d) => d.trim().split(/\s+/))
        .filter((parts) => parts[0])
        .map(([name = '', ...values]) => [name, values]),
    );
    const scripts = directives.get('script-src') ?? directives.get('default-src') ?? [];
    expect(scripts, csp).toContain("'self'");
    expect(scripts).not.toContain("'unsafe-inline'");
    expect(scripts).not.toContain("'unsafe-eval'");
    expect(scripts).not.toContain('*');
    expect(directives.get('object-src')).toEqual(["'none'"]);
    expect(directives.get('base-uri')).toEqual(["'self'"]);
    const frameAncestors = directives.get('frame-ancestors');
    const xfo = response.headers.get('x-frame-options');
    expect(frameAncestors?.join(' ') === "'none'" || xfo === 'DENY' || xfo === 'SAMEORIGIN').toBe(
      true,
    );
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('referrer-policy')).toMatch(
      /^(no-referrer|same-origin|strict-origin|strict-origin-when-cross-origin)$/,
    );
    expect(response.headers.get('x-powered-by')).toBeNull();
  });

  it('sets the session cookie HttpOnly and SameSite, never readable by scripts', async () => {
    const response = await signIn(env.server, EDITOR);
    expect(response.status).toBe(200);
    const session = response.headers.getSetCookie().find((c) => c.includes('session_token='));
    expect(session).toMatch(/;\s*HttpOnly/i);
    expect(session).toMatch(/;\s*SameSite=(Lax|Strict)/i);
    expect(session).toMatch(/;\s*Path=\//i);
  });
});
