import http from 'node:http';
import { ADMIN_EXPORT_COLUMNS, type AdminExportRow } from '@cos/domain';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { httpTestClient } from './http-test-client';
import { exportFileName, openExportConnections } from './member-export-route';
import { ADMIN, EDITOR, startTestServer, type TestServer } from './test-server';

// Several batches of 1,000, so the stream really is read in parts.
let server: TestServer;
let admin = '';
let editor = '';
const FORMULA_NAME = '=HYPERLINK("http://evil.example","Klicka")';
const SWEDISH_NAME = 'Ängelholms Åkeri & Östra Öl AB';
beforeAll(async () => {
  server = await startTestServer({ demo: 3500 });
  const client = httpTestClient(() => server);
  admin = await client.signedInCookie(ADMIN);
  editor = await client.signedInCookie(EDITOR);
  const rename = server.handle.sqlite.prepare('UPDATE members SET name = ? WHERE id = ?');
  rename.run(FORMULA_NAME, 1);
  rename.run(SWEDISH_NAME, 2);
}, 60_000);
afterAll(() => server.close());

const download = (query: string, headers: Record<string, string> = {}) =>
  server.fetch(`/api/admin/members/export${query}`, { headers: { cookie: admin, ...headers } });
const count = (where = '1') =>
  server.handle.sqlite
    .prepare(`SELECT count(*) FROM members WHERE ${where}`)
    .pluck()
    .get() as number;
const exportedJson = async (query: string, cookie = admin) =>
  (await (await download(query, { cookie })).json()) as AdminExportRow[];

describe('GET /api/admin/members/export', () => {
  it('writes the Swedish Excel dialect: BOM, semicolons, CRLF, every member, as a dated download', async () => {
    const response = await download('?format=csv-excel');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/csv; charset=utf-8/);
    expect(response.headers.get('content-disposition')).toBe(
      `attachment; filename="${exportFileName('csv-excel')}"`,
    );
    expect(exportFileName('csv')).toMatch(/^clusters-of-skane-members-\d{4}-\d{2}-\d{2}\.csv$/);
    expect(response.headers.get('cache-control')).toBe('private, no-store');
    const bytes = new Uint8Array(await response.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder().decode(bytes.slice(3));
    expect(text.split('\r\n')[0]).toBe(ADMIN_EXPORT_COLUMNS.join(';'));
    expect(text.replace(/\r\n/g, '')).not.toMatch(/\n/);
    const rows = parse<Record<string, string>>(text, { delimiter: ';', columns: true });
    expect(rows).toHaveLength(count());
    // Formula-looking text is neutralised; å/ä/ö survive as UTF-8.
    expect(rows.find((r) => r.id === '1')?.name).toBe(`'${FORMULA_NAME}`);
    expect(rows.find((r) => r.id === '2')?.name).toBe(SWEDISH_NAME);
  });

  it('writes RFC 4180 CSV for other programs: commas, CRLF, no BOM', async () => {
    const response = await download('?format=csv&status=draft');
    expect(response.status).toBe(200);
    const text = await response.text();
    expect(text.charCodeAt(0)).not.toBe(0xfeff);
    expect(text.split('\r\n')[0]).toBe(ADMIN_EXPORT_COLUMNS.join(','));
    const rows = parse<Record<string, string>>(text, { columns: true });
    expect(rows.length).toBe(count("status = 'draft'"));
    expect(rows.length).toBeGreaterThan(0);
    expect(new Set(rows.map((r) => r.status))).toEqual(new Set(['draft']));
  });

  it('writes an Excel workbook that reads back cell for cell', async () => {
    const response = await download('?format=xlsx');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe(
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    );
    expect(response.headers.get('content-disposition')).toMatch(/\.xlsx"$/);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await response.arrayBuffer());
    const sheet = workbook.worksheets[0];
    if (!sheet) throw new Error('no sheet');
    expect(sheet.actualRowCount).toBe(count() + 1);
    const header = sheet.getRow(1).values as unknown[];
    expect(header.slice(1)).toEqual([...ADMIN_EXPORT_COLUMNS]);
    const byId = new Map<number, ExcelJS.Row>();
    sheet.eachRow((row, n) => {
      if (n > 1) byId.set(row.getCell(1).value as number, row);
    });
    const nameColumn = ADMIN_EXPORT_COLUMNS.indexOf('name') + 1;
    const formulaCell = byId.get(1)?.getCell(nameColumn);
    expect(formulaCell?.type).toBe(ExcelJS.ValueType.String);
    expect(formulaCell?.value).toBe(`'${FORMULA_NAME}`);
    expect(byId.get(2)?.getCell(nameColumn).value).toBe(SWEDISH_NAME);
    const stored = server.handle.sqlite
      .prepare('SELECT created_at AS c, version AS v FROM members WHERE id = 2')
      .get() as { c: string; v: number };
    const created = byId.get(2)?.getCell(ADMIN_EXPORT_COLUMNS.indexOf('created_at') + 1).value;
    expect(created).toEqual(new Date(stored.c));
    expect(byId.get(2)?.getCell(ADMIN_EXPORT_COLUMNS.length).value).toBe(stored.v);
  });

  it('writes a JSON array of typed rows, as stored', async () => {
    const response = await download('?format=json');
    expect(response.headers.get('content-type')).toBe('application/json; charset=utf-8');
    const rows = (await response.json()) as AdminExportRow[];
    expect(rows).toHaveLength(count());
    const first = rows.find((r) => r.id === 1);
    expect(first?.name).toBe(FORMULA_NAME);
    expect(Object.keys(first ?? {})).toEqual([...ADMIN_EXPORT_COLUMNS]);
    expect(Array.isArray(first?.areas)).toBe(true);
  });

  it('applies the list’s filters as the list’s URL writes them', async () => {
    const rows = await exportedJson('?format=json&demo=none&sort=name');
    expect(rows).toHaveLength(count('is_demo = 0'));
    const areaRows = await exportedJson('?format=json&area=tech&kind=company&kind=startup');
    expect(areaRows.length).toBeGreaterThan(0);
    expect(areaRows.every((r) => r.areas.includes('tech'))).toBe(true);
    expect(areaRows.every((r) => r.kind === 'company' || r.kind === 'startup')).toBe(true);
    // Paging is not filtering: every matching row is exported whatever page the list was on.
    expect(await exportedJson('?format=json&demo=none&sort=name&page=3&limit=20')).toHaveLength(
      rows.length,
    );
  });

  it('gives an editor only their cluster’s members', async () => {
    const rows = await exportedJson('?format=json', editor);
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.length).toBeLessThan(count());
    expect(rows.every((r) => r.clusters.includes('opentech'))).toBe(true);
  });

  it('refuses anonymous and cross-site requests, and a bad parameter by name', async () => {
    expect((await download('?format=csv', { cookie: '' })).status).toBe(401);
    expect((await download('?format=csv', { 'sec-fetch-site': 'cross-site' })).status).toBe(403);
    const foreign = await download('?format=csv', { origin: 'http://evil.example' });
    expect(foreign.status).toBe(403);
    const bad = await download('?format=pdf');
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { message: string }).message).toMatch(/format/i);
    expect((await download('?format=json&status=gone')).status).toBe(400);
  });

  it('does not hold up writes, and a download given up halfway closes its connection', async () => {
    const write = () =>
      server.handle.sqlite.prepare("UPDATE members SET name = name || '' WHERE id = 3").run();
    for (const format of ['csv-excel', 'xlsx', 'json']) {
      // node:http, not fetch: fetch's cancel() can leave the socket open (and the server waiting).
      await new Promise<void>((resolve, reject) => {
        const request = http.get(
          `${server.baseUrl}/api/admin/members/export?format=${format}`,
          { headers: { cookie: admin } },
          (response) => {
            expect(response.statusCode).toBe(200);
            response.once('data', () => {
              response.pause();
              try {
                expect(write).not.toThrow();
              } finally {
                request.destroy();
                resolve();
              }
            });
          },
        );
        request.on('error', (error: NodeJS.ErrnoException) => {
          if (error.code !== 'ECONNRESET') reject(error);
        });
      });
      await expect.poll(openExportConnections, { timeout: 10_000 }).toBe(0);
      expect(write).not.toThrow();
    }
  });
});
