/**
 * Measures a 20,000-row Windows-1252 semicolon file through the admin's
 * import page in Chromium: reading, preview (the server's dry run) and apply,
 * first as 20,000 new members, then the same file again with a changed
 * website on every row (20,000 updates). Responsiveness is measured in the
 * page itself: the longest main-thread task (PerformanceObserver 'longtask')
 * and the longest gap between animation frames during each step (for the
 * read: from the file input's change event, after playwright has handed the
 * file to the page). Figures,
 * not assertions: run it by hand (build the admin first):
 *   cd tooling/e2e && npx tsx src/admin/import-measure.ts
 */
import type { Page } from 'playwright-core';
import { adminUrl, openSignedIn, startAdminHarness } from './support';

/** The figures go to stdout: this is a report, not a log. */
const say = (line: string) => process.stdout.write(`${line}\n`);

const ROWS = Number(process.env.IMPORT_ROWS ?? 20_000);
const PLACES = [
  'Malmö',
  'Höör',
  'Hässleholm',
  'Ängelholm',
  'Lund',
  'Ystad',
  'Höganäs',
  'Örkelljunga',
];

function orgnr(n: number): string {
  const nine = `5599${String(n).padStart(5, '0')}`;
  let sum = 0;
  for (let i = 0; i < 9; i++) {
    let d = Number(nine[i]) * (i % 2 === 0 ? 2 : 1);
    if (d > 9) d -= 9;
    sum += d;
  }
  return `${nine.slice(0, 6)}-${nine.slice(6)}${(10 - (sum % 10)) % 10}`;
}

function file(site: string): Buffer {
  const lines = ['Namn;Org.nr;Typ;Kommun;Områden;Kluster;Webbplats;Beskrivning'];
  for (let i = 1; i <= ROWS; i++) {
    lines.push(
      [
        `Företaget Åström & Söner nr ${i} AB`,
        orgnr(i),
        'Företag',
        PLACES[i % PLACES.length],
        'tech',
        'opentech',
        `https://${site}-${i}.example`,
        'Vi gör mjukvara för hälsa och vård i hela Skåne, från Malmö till Östra Göinge.',
      ].join(';'),
    );
  }
  return Buffer.from(lines.join('\r\n'), 'latin1');
}

/** Starts the probes: long tasks and the longest gap between frames, from now on. */
// A string, not a function: tsx's name-keeping helper (__name) does not exist in the page.
const PROBE = `(() => {
  const probe = { longest: 0, tasks: 0, gap: 0, since: 0 };
  window.probe = probe;
  document.addEventListener('change', () => { probe.since = performance.now(); probe.gap = 0; }, true);
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) {
      // Only the page's own work: playwright hands the file over on the page's thread
      // before the input's change event, and that is not the import's doing.
      if (e.startTime + e.duration < probe.since) continue;
      probe.longest = Math.max(probe.longest, e.duration);
      probe.tasks++;
    }
  }).observe({ type: 'longtask' });
  let last = performance.now();
  const frame = (now) => {
    probe.gap = Math.max(probe.gap, now - last);
    last = now;
    requestAnimationFrame(frame);
  };
  requestAnimationFrame(frame);
})()`;

/** Starts the probes: long tasks and the longest gap between frames, from now on. */
async function startProbe(page: Page) {
  await page.evaluate(PROBE);
}

async function readProbe(page: Page) {
  const p = await page.evaluate(
    () => (window as unknown as { probe: { longest: number; tasks: number; gap: number } }).probe,
  );
  const probe = { longest: p.longest, tasks: p.tasks, gap: p.gap };
  await page.evaluate(() => {
    const w = window as unknown as { probe: { longest: number; tasks: number; gap: number } };
    w.probe.longest = 0;
    w.probe.tasks = 0;
    w.probe.gap = 0;
  });
  return probe;
}

async function step(page: Page, name: string, act: () => Promise<void>, done: () => Promise<void>) {
  await readProbe(page);
  const start = performance.now();
  await act();
  await done();
  const ms = performance.now() - start;
  const p = await readProbe(page);
  say(
    `${name.padEnd(22)} ${(ms / 1000).toFixed(2).padStart(6)} s   longest task ${Math.round(p.longest)} ms (${p.tasks} tasks ≥50 ms)   longest frame gap ${Math.round(p.gap)} ms`,
  );
}

async function run(page: Page, origin: string, label: string, bytes: Buffer, applyText: RegExp) {
  await page.goto(adminUrl(origin, '/members/import'));
  await startProbe(page);
  await step(
    page,
    `${label}: read`,
    () =>
      page
        .locator('#import-file')
        .setInputFiles({ name: 'excel.csv', mimeType: 'text/csv', buffer: bytes }),
    () =>
      page.getByRole('heading', { name: '2. Kolumner', level: 2 }).waitFor({ timeout: 600_000 }),
  );
  say(
    `  ${await page.getByTestId('import-encoding').textContent()}, ${await page.getByTestId('import-delimiter').textContent()}`,
  );
  await step(
    page,
    `${label}: preview`,
    () => page.getByRole('button', { name: 'Granska rader' }).click(),
    () =>
      page
        .getByRole('heading', { name: '3. Förhandsgranska', level: 2 })
        .waitFor({ timeout: 600_000 }),
  );
  say(`  ${await page.getByTestId('import-counts').textContent()}`);
  await step(
    page,
    `${label}: next page`,
    () => page.getByRole('button', { name: /Nästa/ }).first().click(),
    () =>
      page
        .getByText(/^Rad 51–100 av/)
        .first()
        .waitFor(),
  );
  await step(
    page,
    `${label}: apply`,
    () => page.getByRole('button', { name: applyText }).click(),
    () => page.getByText(/^Klart:/).waitFor({ timeout: 600_000 }),
  );
  say(`  ${await page.getByText(/^Klart:/).textContent()}`);
}

const h = await startAdminHarness({ demo: 20 });
try {
  const { page } = await h.newPage();
  await openSignedIn(page, h.origin, '/');
  const create = file('forsta');
  say(`${ROWS} rows, ${(create.length / 1024 / 1024).toFixed(1)} MB Windows-1252, semicolons`);
  await run(page, h.origin, 'create', create, /^Importera [\d\s ]+ rader$/);
  await run(page, h.origin, 'update', file('andra'), /^Importera [\d\s ]+ rader$/);
  const stored = h.query<{ n: number }>(
    "SELECT count(*) AS n FROM members WHERE name LIKE 'Företaget Åström & Söner nr %' AND website LIKE 'https://andra-%'",
  )[0]?.n;
  say(`stored with the updated website: ${stored}`);
} finally {
  await h.close();
}
