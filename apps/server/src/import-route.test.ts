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
const upload = (query: string, headers: Record<string, string> = {}, body: string | Buffer = CSV) =>
  server.fetch(`/api/admin/members/import${query}`, {
    method: 'POST',
    headers: { 'content-type': 'text/csv', cookie, origin: server.origin, ...headers },
    // A copy on its own ArrayBuffer: fetch's BodyInit takes no SharedArrayBuffer-backed view.
    body: typeof body === 'string' ? body : new Uint8Array(body),
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

  it('applies nothing while a row is bad, naming its line; applies a clean file with ?dryRun=false', async () => {
    const before = count();
    const refused = await upload('?dryRun=false');
    expect(refused.status).toBe(200);
    const report = (await refused.json()) as RestImportReport;
    expect(report).toMatchObject({ applied: false, created: 0, invalid: 1 });
    expect(new Set(report.problems.map((p) => p.line))).toEqual(new Set([3]));
    expect(count()).toBe(before);
    const clean = CSV.split('\n').slice(0, 2).join('\n');
    const response = await upload('?dryRun=false', {}, clean);
    expect(response.status).toBe(200);
    expect(count()).toBe(before + 1);
    const row = server.handle.sqlite
      .prepare("SELECT municipality_code AS m FROM members WHERE name = 'Skurup Smide AB'")
      .get();
    expect(row).toEqual({ m: '1264' });
  });

  it('reads a Windows-1252 semicolon file from Swedish Excel: å, ä, ö stored, never U+FFFD', async () => {
    const file = Buffer.from(
      'Namn;Kommun;Beskrivning\r\nHälsans Återbruk AB;Malmö stad;Öl & ärtor\r\n"Åhus; Ädelträ";Utanför Skåne;"två\r\nrader"\r\n',
      'latin1',
    );
    const preview = await upload('', {}, file);
    expect(preview.status).toBe(200);
    const report = (await preview.json()) as RestImportReport;
    expect(report.reading).toEqual({
      encoding: 'windows-1252',
      detected: true,
      bom: false,
      delimiter: ';',
    });
    expect(report.rows.map((r) => [r.line, r.name, r.action])).toEqual([
      [2, 'Hälsans Återbruk AB', 'create'],
      [3, 'Åhus; Ädelträ', 'create'],
    ]);
    expect((await upload('?dryRun=false', {}, file)).status).toBe(200);
    const stored = server.handle.sqlite
      .prepare(
        "SELECT name, slug, municipality_code AS m, outside_skane AS outside, description_sv AS sv FROM members WHERE name LIKE '%Återbruk%' OR name LIKE 'Åhus%' ORDER BY id",
      )
      .all();
    expect(stored).toEqual([
      {
        name: 'Hälsans Återbruk AB',
        slug: 'halsans-aterbruk-ab',
        m: '1280',
        outside: 0,
        sv: 'Öl & ärtor',
      },
      { name: 'Åhus; Ädelträ', slug: 'ahus-adeltra', m: null, outside: 1, sv: 'två\r\nrader' },
    ]);
    const lost = server.handle.sqlite
      .prepare(
        'SELECT count(*) AS n FROM members WHERE instr(name, char(65533)) OR instr(slug, char(65533))',
      )
      .get();
    expect(lost).toEqual({ n: 0 });
  });

  it('refuses a file that cannot be read cleanly, with the reason, and writes nothing', async () => {
    const before = count();
    const cp1252 = Buffer.from('Namn\nHälsans AB\n', 'latin1');
    const forced = await upload('?encoding=utf-8&dryRun=false', {}, cp1252);
    expect(forced.status).toBe(400);
    expect(await forced.json()).toMatchObject({
      messageCode: 'csv.undecodable',
      messageParams: { encoding: 'utf-8' },
    });
    const lostLetters = await upload('?dryRun=false', {}, 'Namn\nOk AB\nH\uFFFDlsans AB\n');
    expect(lostLetters.status).toBe(400);
    expect(await lostLetters.json()).toMatchObject({
      messageCode: 'csv.replacementChar',
      messageParams: { line: 3 },
    });
    expect((await upload('?encoding=ebcdic', {}, cp1252)).status).toBe(400);
    expect(count()).toBe(before);
  });

  it('updates members matched by organisation number with ?mode=upsert', async () => {
    const file = 'Organisationsnummer;Beskrivning\n5560160680;Smide sedan 1901\n';
    const preview = (await (await upload('?mode=upsert', {}, file)).json()) as RestImportReport;
    expect(preview.rows[0]).toMatchObject({
      action: 'update',
      name: 'Skurup Smide AB',
      changes: [{ field: 'descriptionSv', before: null, after: 'Smide sedan 1901' }],
    });
    const applied = (await (
      await upload('?mode=upsert&dryRun=false', {}, file)
    ).json()) as RestImportReport;
    expect(applied).toMatchObject({ applied: true, updated: 1, created: 0 });
  });

  it('takes the procedure input as JSON, and refuses a stale apply as a conflict naming the rows', async () => {
    const json = (input: unknown) =>
      server.fetch('/api/admin/members/import', {
        method: 'POST',
        headers: { 'content-type': 'application/json', cookie, origin: server.origin },
        body: JSON.stringify(input),
      });
    const rows = [{ organisationNumber: '556016-0680', descriptionEn: 'Forged in Skurup' }];
    const preview = (await (
      await json({ rows, lines: [7], mode: 'upsert' })
    ).json()) as RestImportReport;
    const match = preview.rows[0]?.match;
    expect(preview.rows[0]).toMatchObject({ line: 7, action: 'update' });
    if (!match) throw new Error('no match');
    const stale = [{ row: 1, id: match.id, version: match.version - 1 }];
    const before = server.handle.sqlite
      .prepare('SELECT version FROM members WHERE id = ?')
      .get(match.id);
    const refused = await json({
      rows,
      lines: [7],
      mode: 'upsert',
      dryRun: false,
      expected: stale,
    });
    expect(refused.status).toBe(409);
    expect(await refused.json()).toMatchObject({
      error: 'CONFLICT',
      messageCode: 'import.conflict',
      messageParams: { rows: '7', count: 1 },
      current: { rows: [{ row: 1, line: 7, id: match.id, version: match.version }] },
    });
    expect(
      server.handle.sqlite.prepare('SELECT version FROM members WHERE id = ?').get(match.id),
    ).toEqual(before);
    const expected = [{ row: 1, id: match.id, version: match.version }];
    const applied = await json({ rows, lines: [7], mode: 'upsert', dryRun: false, expected });
    expect(await applied.json()).toMatchObject({ applied: true, updated: 1 });
  });

  it('refuses anonymous and cross-site uploads without writing', async () => {
    const before = count();
    expect((await upload('?dryRun=false', { cookie: '' })).status).toBe(401);
    expect((await upload('?dryRun=false', { origin: 'http://evil.example' })).status).toBe(403);
    expect(count()).toBe(before);
  });
});
