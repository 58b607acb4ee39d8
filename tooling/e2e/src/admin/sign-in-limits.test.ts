/**
 * Sign-in limits and signed-in caching as a person meets them in Chromium:
 * after repeated wrong passwords the form says, in Swedish and English, how
 * long to wait (not "wrong password", not a fixed minute); another account
 * signs in meanwhile; and once signed in, the pages the browser gets — the
 * admin and the public site — are marked `private, no-store`, while an
 * anonymous visitor's pages keep their own caching.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ADMIN,
  adminUrl,
  EDITOR,
  screenshotScreen,
  signIn,
  startAdminHarness,
  type AdminHarness,
} from './support';

let h: AdminHarness;
beforeAll(async () => {
  h = await startAdminHarness({ demo: 10 });
});
afterAll(async () => {
  await h?.close();
});

describe('sign-in limits in the admin', () => {
  it('says how long to wait after repeated wrong passwords, in the chosen language', async () => {
    const { page } = await h.newPage();
    await page.goto(adminUrl(h.origin, '/sign-in'));
    const alert = page.getByRole('alert');
    const tryOnce = async (password: string, labels = ['E-postadress', 'Lösenord', 'Logga in']) => {
      const [email = '', secret = '', submit = ''] = labels;
      const answered = page.waitForResponse((r) => r.url().endsWith('/api/auth/sign-in/email'));
      await page.getByLabel(email).fill(EDITOR.email);
      await page.getByLabel(secret).fill(password);
      await page.getByRole('button', { name: submit, exact: true }).click();
      return (await answered).status();
    };
    const statuses: number[] = [];
    for (let i = 0; i < 5; i++) statuses.push(await tryOnce(`wrong password ${i}`));
    expect(statuses).toEqual([401, 401, 401, 401, 401]);
    await expect(alert.textContent()).resolves.toContain('Fel e-postadress eller lösenord');

    // The sixth, even with the right password, is held back: the form says for how long.
    expect(await tryOnce(EDITOR.password)).toBe(429);
    await expect
      .poll(() => alert.textContent())
      .toMatch(/För många inloggningsförsök; försök igen om \d+ sekunder/);
    await screenshotScreen(page, 'sign-in-held-back');

    await page.getByRole('button', { name: /^In English/ }).click();
    expect(await tryOnce(EDITOR.password, ['E-mail address', 'Password', 'Sign in'])).toBe(429);
    await expect
      .poll(() => alert.textContent())
      .toMatch(/Too many sign-in attempts; try again in \d+ seconds/);

    // Another account is not held back by the editor's failures.
    const other = await h.newPage();
    await other.page.goto(adminUrl(h.origin, '/sign-in'));
    await signIn(other.page, ADMIN);
  });
});

describe('caching of signed-in pages', () => {
  it('marks every page a signed-in browser gets private, no-store; anonymous pages keep theirs', async () => {
    const anonymous = await h.newPage();
    const publicPage = await anonymous.page.goto(`${h.origin}/`);
    expect(publicPage?.status()).toBe(200);
    const anonymousCaching = (await publicPage?.allHeaders())?.['cache-control'];
    expect(anonymousCaching).not.toBe('private, no-store');
    const stylesheet = await anonymous.page
      .locator('link[rel="stylesheet"]')
      .first()
      .getAttribute('href');
    const asset = await anonymous.page.request.get(new URL(stylesheet ?? '/', h.origin).href);
    expect(asset.headers()['cache-control']).toMatch(/^public/);

    // Signed in before anything is loaded, so no file comes from the browser's cache of an
    // anonymous visit: every answer below was made for this signed-in browser.
    const { page, context } = await h.newPage();
    const signedIn = await context.request.post(`${h.origin}/api/auth/sign-in/email`, {
      data: ADMIN,
      headers: { origin: h.origin },
    });
    expect(signedIn.status()).toBe(200);
    const seen: { url: string; cacheControl: string | undefined }[] = [];
    page.on('response', (response) => {
      if (response.url().startsWith(h.origin)) {
        seen.push({ url: response.url(), cacheControl: response.headers()['cache-control'] });
      }
    });
    const admin = await page.goto(adminUrl(h.origin, '/members'));
    await page.getByRole('heading', { name: 'Medlemmar', level: 1 }).waitFor();
    expect((await admin?.allHeaders())?.['cache-control']).toBe('private, no-store');

    // The public site, visited with the admin's cookie: its pages and files too.
    const site = await page.goto(`${h.origin}/`);
    expect(site?.status()).toBe(200);
    expect((await site?.allHeaders())?.['cache-control']).toBe('private, no-store');
    await page.waitForLoadState('networkidle');
    expect(seen.length).toBeGreaterThan(3);
    expect(seen.filter((r) => r.cacheControl !== 'private, no-store')).toEqual([]);
    // Over http, no HSTS.
    expect((await site?.allHeaders())?.['strict-transport-security']).toBeUndefined();
  });
});
