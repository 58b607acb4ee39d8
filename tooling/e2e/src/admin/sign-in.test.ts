/**
 * Signing in and out of the admin, served by the real server under its
 * Content-Security-Policy (script-src 'self'): the app boots without an
 * inline script, a visitor is sent to sign in and then on to the page they
 * asked for, a wrong password is refused, and a session that ends while the
 * admin is open sends the user to sign in and back to where they were.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  accessibilityProblems,
  ADMIN,
  adminUrl,
  screenshotScreen,
  signIn,
  startAdminHarness,
  type AdminHarness,
} from './support';

let h: AdminHarness;
beforeAll(async () => {
  h = await startAdminHarness();
});
afterAll(async () => {
  await h?.close();
});

describe('sign in and out', () => {
  it('boots under the CSP with no inline script and no errors', async () => {
    const response = await fetch(adminUrl(h.origin, '/'));
    expect(response.headers.get('content-security-policy')).toContain("script-src 'self'");
    const html = await response.text();
    expect(html).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);

    const { page, errors } = await h.newPage();
    const csp: string[] = [];
    page.on('console', (m) => {
      if (/Content Security Policy|Refused to/i.test(m.text())) csp.push(m.text());
    });
    await page.goto(adminUrl(h.origin, '/'));
    await page.getByRole('heading', { name: 'Logga in' }).waitFor();
    await page.waitForLoadState('networkidle');
    expect(csp).toEqual([]);
    expect(errors).toEqual([]);
  });

  it('sends a visitor to sign in, refuses a wrong password, then returns to the page asked for', async () => {
    const { page, errors } = await h.newPage();
    await page.goto(adminUrl(h.origin, '/members?status=draft'));
    await page.getByRole('heading', { name: 'Logga in' }).waitFor();
    expect(new URL(page.url()).searchParams.get('return')).toBe('/members?status=draft');
    expect(await accessibilityProblems(page)).toEqual([]);
    await screenshotScreen(page, 'sign-in');

    await page.getByLabel('E-postadress').fill(ADMIN.email);
    await page.getByLabel('Lösenord').fill('not the password');
    await page.getByRole('button', { name: 'Logga in' }).click();
    await expect(page.getByRole('alert').textContent()).resolves.toContain(
      'Fel e-postadress eller lösenord',
    );

    await signIn(page, ADMIN);
    await page.waitForURL(/\/admin\/members\?status=draft$/);
    await page.getByRole('heading', { name: 'Medlemmar', level: 1 }).waitFor();
    expect(await page.getByRole('checkbox', { name: 'Utkast' }).isChecked()).toBe(true);
    expect(errors).toEqual([]);
  });

  it('opened at another address than the public one, says which address to use instead of "wrong password"', async () => {
    // The platform is configured for http://localhost:<port> and listens on 127.0.0.1.
    const elsewhere = h.origin.replace('//localhost:', '//127.0.0.1:');
    expect(elsewhere).not.toBe(h.origin);
    const { page } = await h.newPage();
    await page.goto(adminUrl(elsewhere, '/sign-in'));
    await page.getByLabel('E-postadress').fill(ADMIN.email);
    await page.getByLabel('Lösenord').fill(ADMIN.password);
    await page.getByRole('button', { name: 'Logga in' }).click();
    const alert = page.getByRole('alert');
    await alert.waitFor();
    const text = (await alert.textContent()) ?? '';
    expect(text).toContain(`Öppna adminpanelen på ${h.origin}`);
    expect(text).not.toContain('Fel e-postadress eller lösenord');
    await alert.getByRole('link', { name: `${h.origin}/admin/sign-in` }).click();
    await page.getByLabel('E-postadress').fill(ADMIN.email);
    await page.getByLabel('Lösenord').fill(ADMIN.password);
    await page.getByRole('button', { name: 'Logga in' }).click();
    await page.getByRole('heading', { name: 'Översikt' }).waitFor();
    expect(new URL(page.url()).origin).toBe(h.origin);
    await screenshotScreen(page, 'sign-in-after-wrong-address');
  });

  it('after the session ends elsewhere, the next call leads to sign in and back', async () => {
    const { page, context } = await h.newPage();
    await page.goto(adminUrl(h.origin, '/'));
    await signIn(page, ADMIN);
    await page.goto(adminUrl(h.origin, '/members?kind=startup'));
    await page.getByRole('heading', { name: 'Medlemmar', level: 1 }).waitFor();

    // The session ends (expiry, or signing out in another tab): the cookie is gone.
    await context.clearCookies();
    await page.getByRole('checkbox', { name: /Akademi/ }).check();

    await page.getByRole('heading', { name: 'Logga in' }).waitFor();
    const url = new URL(page.url());
    expect(url.searchParams.get('expired')).toBe('1');
    expect(url.searchParams.get('return')).toBe('/members?kind=startup&kind=academia');
    await expect(page.getByRole('status').first().textContent()).resolves.toContain(
      'session har gått ut',
    );

    await signIn(page, ADMIN);
    await page.waitForURL(/\/admin\/members\?kind=startup&kind=academia$/);
    expect(await page.getByRole('checkbox', { name: /Akademi/ }).isChecked()).toBe(true);
  });

  it('keeps unsaved work through signing in again', async () => {
    const { page, context } = await h.newPage();
    const dialogs: string[] = [];
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    await page.goto(adminUrl(h.origin, '/members/new'));
    await signIn(page, ADMIN);
    await page.getByRole('heading', { name: 'Ny medlem', level: 1 }).waitFor();
    // Typing a name asks for likely duplicates a moment later; wait for that
    // answer, or on a busy machine it lands after the cookies are cleared and
    // its 401 (not the save below) is what sends the user to sign in.
    const duplicatesChecked = page.waitForResponse((r) =>
      r.url().includes('member.admin.duplicates'),
    );
    await page.getByRole('textbox', { name: 'Namn', exact: true }).fill('Halvfärdiga Bolaget AB');
    await duplicatesChecked;

    // Leaving with unsaved work asks first.
    await page
      .getByRole('navigation', { name: 'Huvudmeny' })
      .getByRole('link', { name: 'Medlemmar' })
      .click();
    await expect.poll(() => dialogs.length).toBe(1);
    expect(dialogs[0]).toContain('ändringar som inte är sparade');
    expect(page.url()).toMatch(/\/members\/new$/);

    // The session ends; saving sends the user to sign in without losing the form.
    await context.clearCookies();
    await page.getByRole('button', { name: 'Skapa medlem' }).click();
    await page.getByRole('heading', { name: 'Logga in' }).waitFor();
    await signIn(page, ADMIN);
    await page.waitForURL(/\/members\/new$/);
    await page.getByText('Dina osparade ändringar är tillbaka').waitFor();
    expect(await page.getByRole('textbox', { name: 'Namn', exact: true }).inputValue()).toBe(
      'Halvfärdiga Bolaget AB',
    );
    expect(dialogs).toHaveLength(1);
  });

  it('switches the interface to English and signs out', async () => {
    const { page } = await h.newPage();
    await page.goto(adminUrl(h.origin, '/'));
    await signIn(page, ADMIN);
    await page.getByRole('heading', { name: 'Översikt' }).waitFor();
    await page.getByRole('button', { name: /switch the interface to English/ }).click();
    await page.getByRole('heading', { name: 'Dashboard' }).waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByRole('heading', { name: 'Sign in' }).waitFor();
    expect(await page.getByText('You are signed out.').isVisible()).toBe(true);

    // The session is really gone on the server.
    const me = await page.request.get(`${h.origin}/trpc/session.me`);
    expect(((await me.json()) as { result: { data: unknown } }).result.data).toBeNull();
  });
});
