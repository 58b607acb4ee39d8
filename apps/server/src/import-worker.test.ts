/**
 * A 200,000-row CSV import over real HTTP is read, checked, planned and
 * applied in the import worker thread (import-worker.ts): while it runs,
 * /healthz keeps answering, again and again; the import is still all or
 * nothing and its report counts every row.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sessionCookie } from './reliability/http';
import { EDITOR, startTestServer, type TestServer } from './test-server';

const ROWS = 200_000;

let server: TestServer;
let cookie = '';
beforeAll(async () => {
  server = await startTestServer();
  cookie = await sessionCookie(server, EDITOR);
}, 60_000);
afterAll(() => server?.close());

/** A Swedish Excel-style file: semicolons, CRLF, å/ä/ö, one distinct member per row. */
function bigCsv(rows: number, tag: string): Uint8Array<ArrayBuffer> {
  const lines = ['Namn;Kommun;Beskrivning;Webbplats'];
  for (let i = 0; i < rows; i++)
    lines.push(
      `${tag} Ölands Företag nr ${i} AB;Malmö;Beskrivning av företag ${i};https://f${i}.${tag.toLowerCase()}.se`,
    );
  return new TextEncoder().encode(`${lines.join('\r\n')}\r\n`);
}

const members = () =>
  server.handle.sqlite.prepare('SELECT count(*) FROM members').pluck().get() as number;

/** Sends `request` and asks /healthz again and again until it is answered. */
async function healthWhile(request: Promise<Response>) {
  let settled = false;
  const answer = request.then(async (response) => {
    const text = await response.text();
    settled = true;
    return { status: response.status, text };
  });
  const health: number[] = [];
  while (!settled) {
    const response = await server.fetch('/healthz');
    // Counted only if the import was still running when the health check was answered.
    if (!settled) health.push(response.status);
  }
  return { ...(await answer), health };
}

describe(`an editor's ${ROWS.toLocaleString('en')}-row import`, () => {
  it('leaves /healthz answering all along, and applies all of it', async () => {
    const before = members();
    const { status, text, health } = await healthWhile(
      server.fetch('/api/admin/members/import?dryRun=false', {
        method: 'POST',
        headers: { 'content-type': 'text/csv', cookie, origin: server.origin },
        body: bigCsv(ROWS, 'Stor'),
      }),
    );
    expect(status, text.slice(0, 300)).toBe(200);
    const report = JSON.parse(text) as { applied: boolean; created: number; invalid: number };
    expect(report).toMatchObject({ applied: true, created: ROWS, invalid: 0 });
    expect(members()).toBe(before + ROWS);
    // Answered many times while the import was being read, checked and written.
    expect(health.length).toBeGreaterThanOrEqual(10);
    expect(health.every((s) => s === 200)).toBe(true);
  }, 600_000);

  it('stays all or nothing: one bad row among them writes nothing and names its line', async () => {
    const before = members();
    const file = new Uint8Array(
      Buffer.concat([
        bigCsv(20_000, 'Andra'),
        Buffer.from('Trasig AB;Malmö;x;javascript:alert(1)\r\n', 'utf8'),
      ]),
    );
    const response = await server.fetch('/api/admin/members/import?dryRun=false', {
      method: 'POST',
      headers: { 'content-type': 'text/csv', cookie, origin: server.origin },
      body: file,
    });
    expect(response.status).toBe(200);
    const report = (await response.json()) as {
      applied: boolean;
      invalid: number;
      problems: { line: number }[];
    };
    expect(report.applied).toBe(false);
    expect(report.invalid).toBe(1);
    expect(report.problems.map((p) => p.line)).toEqual([20_002]);
    expect(members()).toBe(before);
  }, 120_000);
});
