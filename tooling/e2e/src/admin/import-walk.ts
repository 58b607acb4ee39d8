/**
 * The import page walked as its users meet it: an administrator and a
 * cluster's editor, in Swedish and English, on a 320 px phone and a 1280 px
 * screen — a Windows-1252 file chosen, its columns, then the preview. Each
 * stop is screenshotted (test-results/ and SHOTS_DIR) and checked with axe
 * and for sideways scrolling; the problems found come back as a list.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import {
  accessibilityProblems,
  ADMIN,
  adminUrl,
  EDITOR,
  openSignedIn,
  type AdminHarness,
} from './support';

const SHOTS =
  process.env.SHOTS_DIR ?? path.resolve(import.meta.dirname, '../../test-results/import-walk');

const TEXT = {
  sv: { check: 'Granska rader', columns: '2. Kolumner', preview: '3. Förhandsgranska' },
  en: { check: 'Check rows', columns: '2. Columns', preview: '3. Preview' },
} as const;

const FILE = Buffer.from(
  [
    'Namn;Org.nr;Kommun;Beskrivning',
    'Hälsans Vårdbolag i Skåne AB;;Malmö;Vård och omsorg för hela Skåne, med lång erfarenhet',
    'Åbergs Ölbryggeri;;Höör;',
    'Felrad;12;Oslo;',
  ].join('\r\n'),
  'latin1',
);

async function sidewaysScroll(page: Page): Promise<boolean> {
  return page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth + 1);
}

export async function walkImportPage(h: AdminHarness): Promise<string[]> {
  mkdirSync(SHOTS, { recursive: true });
  const problems: string[] = [];
  for (const [role, who] of [
    ['admin', ADMIN],
    ['editor', EDITOR],
  ] as const) {
    const { context, page, errors } = await h.newPage();
    await openSignedIn(page, h.origin, '/members/import', who);
    for (const locale of ['sv', 'en'] as const) {
      // The interface language is the person's stored choice (the shell's language button).
      await page.evaluate((l) => localStorage.setItem('cos-admin-locale', l), locale);
      for (const width of [320, 1280] as const) {
        await page.setViewportSize({ width, height: width === 320 ? 640 : 900 });
        await page.goto(adminUrl(h.origin, '/members/import'));
        await page.locator('#import-file').setInputFiles({
          name: 'excel.csv',
          mimeType: 'text/csv',
          buffer: FILE,
        });
        await page.getByRole('heading', { name: TEXT[locale].columns, level: 2 }).waitFor();
        const stops = ['columns', 'preview'] as const;
        for (const stop of stops) {
          if (stop === 'preview') {
            await page.getByRole('button', { name: TEXT[locale].check }).click();
            await page.getByRole('heading', { name: TEXT[locale].preview, level: 2 }).waitFor();
          }
          const name = `import-${stop}-${role}-${locale}-${width}`;
          await page.screenshot({ path: path.join(SHOTS, `${name}.png`), fullPage: true });
          for (const p of await accessibilityProblems(page)) problems.push(`${name}: ${p}`);
          if (await sidewaysScroll(page)) problems.push(`${name}: scrolls sideways`);
          for (const e of errors.splice(0)) problems.push(`${name}: ${e}`);
        }
      }
    }
    await context.close();
  }
  return problems;
}
