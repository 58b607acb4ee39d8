/** Debian's Chromium driven by playwright-core: never a downloaded browser. */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { chromium, type Browser, type Page } from 'playwright-core';

export const ARTIFACTS = path.resolve(import.meta.dirname, '../test-results');

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
}

export const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

/**
 * WCAG 2.1 A/AA violations axe-core finds on the page, as readable lines
 * starting with the rule's id; `rules` adds rules outside those tags (best
 * practice, say) to the same run.
 *
 * A page without frames is checked in axe's legacy mode: the default mode
 * opens a blank tab to merge the results of each frame and loads axe into it
 * again, which took longer than the check (2.2-5.3 s against 0.4-1.3 s a
 * page on two cores) for the same rules and results. A page with frames
 * (the admin's mail preview) keeps the default mode, which tries every frame.
 */
export async function axeViolations(
  page: Page,
  options: { rules?: string[] } = {},
): Promise<string[]> {
  const extra = options.rules ?? [];
  const result = await new AxeBuilder({ page })
    .options({
      runOnly: { type: 'tag', values: WCAG_TAGS },
      rules: Object.fromEntries(extra.map((rule) => [rule, { enabled: true }])),
    })
    .setLegacyMode(page.frames().length === 1)
    .analyze();
  return result.violations.map(
    (v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`,
  );
}

export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(ARTIFACTS, { recursive: true });
  await page.screenshot({ path: path.join(ARTIFACTS, `${name}.png`), fullPage: true });
}
