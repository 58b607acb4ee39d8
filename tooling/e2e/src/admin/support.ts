/**
 * Helpers for the admin panel's browser tests: the platform and Chromium for
 * one test file, signing in through the real form, reading the database the
 * server writes, calling tRPC with a page's session cookie, screenshots of the
 * whole page at 1280 px, and a watch for errors the CSP or the app logs.
 */
import { openDatabase } from '@cos/db';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { axeViolations, launchBrowser, screenshot } from '../browser';
import { ADMIN, EDITOR, startPlatform, type Platform } from '../platform';

export { ADMIN, EDITOR };

export interface AdminHarness {
  platform: Platform;
  browser: Browser;
  origin: string;
  /** A fresh browser context (its own cookies) with a page, watched for errors. */
  newPage: () => Promise<{ context: BrowserContext; page: Page; errors: string[] }>;
  /** Rows from the server's database (read-only use). */
  query: <T>(sql: string, ...params: unknown[]) => T[];
  close: () => Promise<void>;
}

export async function startAdminHarness(options: { demo?: number } = {}): Promise<AdminHarness> {
  const platform = await startPlatform({ demo: options.demo ?? 60 });
  const browser = await launchBrowser();
  const contexts: BrowserContext[] = [];
  const handle = openDatabase({ url: platform.databasePath });
  return {
    platform,
    browser,
    origin: platform.origin,
    newPage: async () => {
      const context = await browser.newContext({
        viewport: { width: 1280, height: 900 },
        locale: 'sv-SE',
        acceptDownloads: true,
      });
      contexts.push(context);
      const page = await context.newPage();
      const errors: string[] = [];
      page.on('pageerror', (error) => errors.push(`pageerror: ${error.message}`));
      page.on('console', (message) => {
        // A refused request (401/403/409) logs a console error by design; only count real failures.
        if (message.type() === 'error' && !/status of (401|403|404|409)/.test(message.text()))
          errors.push(`console: ${message.text()}`);
      });
      return { context, page, errors };
    },
    query: <T>(sql: string, ...params: unknown[]) =>
      handle.sqlite.prepare(sql).all(...params) as T[],
    close: async () => {
      for (const context of contexts) await context.close().catch(() => undefined);
      await browser.close();
      handle.close();
      await platform.stop();
    },
  };
}

export function adminUrl(origin: string, path = '/'): string {
  return `${origin}/admin${path === '/' ? '' : path}`;
}

/** Signs in through the form; the app then goes where it was headed. */
export async function signIn(page: Page, who: { email: string; password: string }): Promise<void> {
  await page.getByLabel('E-postadress').fill(who.email);
  await page.getByLabel('Lösenord').fill(who.password);
  await page.getByRole('button', { name: 'Logga in' }).click();
  await page.getByRole('button', { name: 'Logga ut' }).waitFor();
}

/** Opens the admin at a path, signing in first when sent to the sign-in page. */
export async function openSignedIn(
  page: Page,
  origin: string,
  path: string,
  who: { email: string; password: string } = ADMIN,
): Promise<void> {
  await page.goto(adminUrl(origin, path));
  const signInHeading = page.getByRole('heading', { name: 'Logga in' });
  const signOut = page.getByRole('button', { name: 'Logga ut' });
  await signInHeading.or(signOut).first().waitFor();
  if (await signInHeading.isVisible()) await signIn(page, who);
}

/** A tRPC query with the page's session cookie, answered as { status, body }. */
export async function trpcQuery(
  page: Page,
  origin: string,
  path: string,
  input: unknown,
): Promise<{ status: number; body: unknown }> {
  const search = input === undefined ? '' : `?input=${encodeURIComponent(JSON.stringify(input))}`;
  const response = await page.request.get(`${origin}/trpc/${path}${search}`);
  return { status: response.status(), body: await response.json() };
}

export async function trpcData<T>(
  page: Page,
  origin: string,
  path: string,
  input: unknown,
): Promise<T> {
  const { status, body } = await trpcQuery(page, origin, path, input);
  if (status !== 200) throw new Error(`${path} answered ${status}: ${JSON.stringify(body)}`);
  return (body as { result: { data: T } }).result.data;
}

/** axe-core's WCAG 2.1 A/AA findings on the page as it is now (empty when clean). */
export async function accessibilityProblems(page: Page): Promise<string[]> {
  return axeViolations(page);
}

/** The whole page at 1280 px wide (the viewport grows to the page, so sticky bars sit where they belong). */
export async function screenshotScreen(page: Page, name: string): Promise<void> {
  const height = await page.evaluate(() => document.documentElement.scrollHeight);
  await page.setViewportSize({ width: 1280, height: Math.min(Math.max(height, 900), 6000) });
  await screenshot(page, `admin-${name}`);
  await page.setViewportSize({ width: 1280, height: 900 });
}
