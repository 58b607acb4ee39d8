/**
 * A cluster editor sees and changes only their own cluster's members: the
 * list is scoped, admin-only screens are not offered, another cluster's member
 * cannot be opened, and the server refuses a direct API call with 403.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import {
  accessibilityProblems,
  adminUrl,
  EDITOR,
  openSignedIn,
  screenshotScreen,
  startAdminHarness,
  trpcQuery,
  type AdminHarness,
} from './support';

let h: AdminHarness;
let page: Page;
let errors: string[];

beforeAll(async () => {
  h = await startAdminHarness({ demo: 80 });
  ({ page, errors } = await h.newPage());
  await openSignedIn(page, h.origin, '/', EDITOR);
});
afterAll(async () => {
  await h?.close();
});

const opentechId = () =>
  h.query<{ id: number }>("SELECT id FROM clusters WHERE slug = 'opentech'")[0]?.id as number;

/** A member in another cluster and not in OpenTech. */
function foreignMember(): { id: number; name: string } {
  return h.query<{ id: number; name: string }>(
    `SELECT m.id, m.name FROM members m WHERE NOT EXISTS
       (SELECT 1 FROM memberships ms WHERE ms.member_id = m.id AND ms.cluster_id = ?)
     AND EXISTS (SELECT 1 FROM memberships ms WHERE ms.member_id = m.id) ORDER BY m.id LIMIT 1`,
    opentechId(),
  )[0] as { id: number; name: string };
}

describe('an editor of OpenTech', () => {
  it('has a dashboard and menu without the admins’ screens', async () => {
    await page.getByRole('heading', { name: 'Översikt' }).waitFor();
    await page.getByText('Du ser medlemmar och nyheter i OpenTech').waitFor();
    const menu = page.getByRole('navigation', { name: 'Huvudmeny' });
    expect(await menu.getByRole('link').allTextContents()).toEqual([
      'Översikt',
      'Medlemmar',
      'Importera',
      'Nyheter',
    ]);
    await page.getByText('redaktör för OpenTech').waitFor();
    expect(await accessibilityProblems(page)).toEqual([]);
    await screenshotScreen(page, 'editor-dashboard');
  });

  it('lists only OpenTech’s members', async () => {
    await page.goto(adminUrl(h.origin, '/members?limit=100'));
    await page.locator('table.data tbody tr').first().waitFor();
    const own = h.query<{ n: number }>(
      'SELECT count(*) AS n FROM memberships WHERE cluster_id = ?',
      opentechId(),
    )[0]?.n as number;
    await page.getByText(new RegExp(`av ${own}$`)).waitFor();
    const clusterCells = await page
      .locator('table.data tbody tr td:nth-child(6)')
      .allTextContents();
    expect(clusterCells.length).toBe(Math.min(own, 100));
    expect(clusterCells.every((text) => text.includes('OpenTech'))).toBe(true);
  });

  it('cannot open another cluster’s member, in the UI or through the API', async () => {
    const other = foreignMember();
    await page.goto(adminUrl(h.origin, `/members/${other.id}`));
    const alert = page.getByRole('alert');
    await alert.waitFor();
    expect(await alert.textContent()).toContain('Du har inte behörighet');
    expect(await page.getByRole('textbox', { name: 'Namn', exact: true }).count()).toBe(0);

    const read = await trpcQuery(page, h.origin, 'member.admin.get', { id: other.id });
    expect(read.status).toBe(403);
    expect((read.body as { error: { data: { code: string } } }).error.data.code).toBe('FORBIDDEN');

    const version = h.query<{ version: number }>(
      'SELECT version FROM members WHERE id = ?',
      other.id,
    )[0]?.version;
    const write = await page.request.post(`${h.origin}/trpc/member.admin.update`, {
      headers: { 'content-type': 'application/json', origin: h.origin },
      data: { id: other.id, version, name: 'Taken Over AB' },
    });
    expect(write.status()).toBe(403);
    expect(
      h.query<{ name: string }>('SELECT name FROM members WHERE id = ?', other.id)[0]?.name,
    ).toBe(other.name);
  });

  it('is told the admin screens are not for them, and the API agrees', async () => {
    await page.goto(adminUrl(h.origin, '/users'));
    await page.getByRole('alert').filter({ hasText: 'Du har inte behörighet' }).waitFor();
    expect((await trpcQuery(page, h.origin, 'user.list', undefined)).status).toBe(403);
    expect((await trpcQuery(page, h.origin, 'cluster.admin.list', undefined)).status).toBe(403);
  });

  it('edits an OpenTech member; other clusters’ memberships stay read-only', async () => {
    const shared = h.query<{ id: number; name: string }>(
      `SELECT m.id, m.name FROM members m
       WHERE EXISTS (SELECT 1 FROM memberships ms WHERE ms.member_id = m.id AND ms.cluster_id = ?)
         AND EXISTS (SELECT 1 FROM memberships ms WHERE ms.member_id = m.id AND ms.cluster_id <> ?)
       ORDER BY m.id LIMIT 1`,
      opentechId(),
      opentechId(),
    )[0] as { id: number; name: string };
    await page.goto(adminUrl(h.origin, `/members/${shared.id}`));
    await page.getByRole('heading', { name: `Redigera ${shared.name}` }).waitFor();
    expect(await page.getByLabel('Medlem i OpenTech sedan').isEnabled()).toBe(true);
    expect(await page.getByRole('button', { name: 'Ta bort medlemskap i OpenTech' }).count()).toBe(
      1,
    );
    const foreignSince = page.locator('input[type="date"]:disabled');
    expect(await foreignSince.count()).toBeGreaterThan(0);
    await page
      .getByText('Medlemskap i andra kluster kan bara ändras av deras redaktörer.')
      .waitFor();
    // Only the own cluster can be added: OpenTech is already there, so nothing to add.
    expect(await page.getByLabel('Välj kluster att lägga till').count()).toBe(0);

    await page.getByLabel('Medlem i OpenTech sedan').fill('2019-05-01');
    await page.getByRole('button', { name: 'Spara', exact: true }).click();
    await page.getByText('Sparat.').waitFor();
    expect(
      h.query<{ since: string }>(
        'SELECT since FROM memberships WHERE member_id = ? AND cluster_id = ?',
        shared.id,
        opentechId(),
      )[0]?.since,
    ).toBe('2019-05-01');
    expect(errors).toEqual([]);
  });
});
