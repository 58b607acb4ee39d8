import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN, cookieHeader, startTestServer, type TestServer } from './test-server';
import type { RestImportReport } from './wire-types';

let server: TestServer;
let cookie = '';
beforeAll(async () => {
  server = await startTestServer();
  const response = await server.fetch('/api/auth/sign-in/email', {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: server.origin },
    body: JSON.stringify({ email: ADMIN.email, password: ADMIN.password }),
  });
  cookie = cookieHeader(response);
});
afterAll(() => server.close());

const CSV =
  '\uFEFFNamn;Organisationsnummer;Kommun;Kluster\nSkurup Smide AB;556016-0680;Skurup;iuc-syd\nTrasig AB;123;Narnia;\n';
const upload = (query: string, headers: Record<string, string> = {}) =>
  server.fetch(`/api/admin/members/import${query}`, {
    method: 'POST',
    headers: { 'content-type': 'text/csv', cookie, origin: server.origin, ...headers },
    body: CSV,
  });
const count = () =>
  (server.handle.sqlite.prepare('SELECT count(*) AS n FROM members').get() as { n: number }).n;

describe('POST /api/admin/members/import', () => {
  it('checks a Swedish semicolon CSV without writing, naming each bad field', async () => {
    const before = count();
    const response = await upload('');
    expect(response.status).toBe(200);
    const report = (await response.json()) as RestImportReport;
    expect(report).toMatchObject({ dryRun: true, valid: 1, invalid: 1 });
    expect(report.problems.map((p) => `${p.row}:${p.field}`).sort()).toEqual([
      '2:municipality',
      '2:organisationNumber',
    ]);
    expect(count()).toBe(before);
  });

  it('applies the valid rows with ?dryRun=false', async () => {
    const before = count();
    const response = await upload('?dryRun=false');
    expect(response.status).toBe(200);
    expect(count()).toBe(before + 1);
    const row = server.handle.sqlite
      .prepare("SELECT municipality_code AS m FROM members WHERE name = 'Skurup Smide AB'")
      .get();
    expect(row).toEqual({ m: '1264' });
  });

  it('refuses anonymous and cross-site uploads without writing', async () => {
    const before = count();
    expect((await upload('?dryRun=false', { cookie: '' })).status).toBe(401);
    expect((await upload('?dryRun=false', { origin: 'http://evil.example' })).status).toBe(403);
    expect(count()).toBe(before);
  });
});
