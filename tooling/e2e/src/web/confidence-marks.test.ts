/**
 * A guess is never shown as a fact (issue 16): Medicon Valley Alliance's
 * place in Clusters of Skåne is a guess in the sources, so on the about page
 * and in the statistics the mark stands beside its name, in Swedish and
 * English, with JavaScript off, and the clusters whose facts are sourced carry
 * none. (The cluster cards have their own mark: ClusterCards.) The mark comes
 * from the register, the cluster's confidence, not from the page's text.
 * And a member whose municipality is not known is no municipality's: the home
 * page's figure says how many there are.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from '../browser';
import { startPlatform, type Platform } from '../platform';

let platform: Platform;
let browser: Browser;
let tab: Page;

beforeAll(async () => {
  [platform, browser] = await Promise.all([startPlatform(), launchBrowser()]);
  tab = await (await browser.newContext({ javaScriptEnabled: false })).newPage();
});

afterAll(async () => {
  await browser?.close();
  await platform?.stop();
});

const GUESS = { sv: '(Gissning – inte bekräftad)', en: '(A guess – not confirmed)' };

const UNKNOWN_PLACE = {
  sv: /^\(kommun okänd för (\d+) medlemmar\)$/,
  en: /^\(municipality unknown for (\d+) members\)$/,
};

describe.each([
  { locale: 'sv' as const, home: '/', about: '/om', statistics: '/statistik' },
  { locale: 'en' as const, home: '/en', about: '/en/about', statistics: '/en/statistics' },
])('in $locale', ({ locale, home, about, statistics }) => {
  it('the home page says how many members have no known municipality beside the figure', async () => {
    await tab.goto(platform.origin + home);
    const note = (await tab.locator('[data-place-unknown]').textContent())?.trim() ?? '';
    const n = Number(UNKNOWN_PLACE[locale].exec(note)?.[1]);
    // The default data: 8 of the 10 real members have no municipality in the sources.
    const rest = (await (
      await fetch(`${platform.origin}/api/v1/members?municipality=unknown&limit=1`)
    ).json()) as { total: number };
    expect(n).toBe(rest.total);
    expect(n).toBeGreaterThan(0);
  });

  it('the about page marks the guess beside the cluster it is about, and only there', async () => {
    await tab.goto(platform.origin + about);
    const marks = tab.locator('.confidence-inline');
    expect(await marks.count()).toBe(1);
    expect((await marks.textContent())?.trim()).toBe(GUESS[locale]);
    // Right after the name it qualifies.
    const named = await marks.evaluate((mark) => mark.previousElementSibling?.textContent);
    expect(named).toBe('Medicon Valley Alliance');
    // All seven are named, each linked to its page.
    const paragraph = marks.locator('xpath=..');
    expect(await paragraph.locator('a[href*="/"]').count()).toBeGreaterThanOrEqual(7);
  });

  it('the statistics label the guessed cluster’s bar', async () => {
    await tab.goto(platform.origin + statistics);
    const labels = await tab
      .locator('section[aria-labelledby="by-cluster-heading"] table')
      .textContent();
    expect(labels).toContain(`Medicon Valley Alliance ${GUESS[locale]}`);
    expect(labels).not.toContain(`Packbridge ${GUESS[locale]}`);
  });
});
