/**
 * personalData.export / erase over the tRPC caller: administrators only,
 * same-site only, erasure only when confirmed, and nothing changes when refused.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { insertMail } from '../services/personal-data/test-rows';
import {
  blamedFields,
  createTestApi,
  formattedError,
  trpcError,
  type TestApi,
} from '../test-support';

let api: TestApi;
beforeEach(() => {
  api = createTestApi();
  insertMail(api.sqlite, { to: 'anna@example.se', createdAt: new Date() });
});
afterEach(() => api.cleanup());

describe('personalData', () => {
  it('lets an administrator export and then erase one address', async () => {
    const exported = await api.admin.personalData.export({ email: 'ANNA@example.se' });
    expect(exported.email).toBe('anna@example.se');
    expect(exported.data.mail).toHaveLength(1);
    const erased = await api.admin.personalData.erase({ email: 'Anna@Example.se', confirm: true });
    expect(erased.erased.mail).toBe(1);
    expect(api.count('mail_outbox')).toBe(0);
  });

  it('refuses editors and visitors, and changes nothing', async () => {
    const before = api.checksum();
    const editor = api.editor('opentech');
    for (const call of [
      () => editor.personalData.export({ email: 'anna@example.se' }),
      () => editor.personalData.erase({ email: 'anna@example.se', confirm: true }),
    ]) {
      expect((await trpcError(call)).code).toBe('FORBIDDEN');
    }
    expect(
      (await trpcError(() => api.anonymous.personalData.export({ email: 'anna@example.se' }))).code,
    ).toBe('UNAUTHORIZED');
    expect(api.checksum()).toBe(before);
  });

  it('refuses a cross-site erasure', async () => {
    const before = api.checksum();
    const crossSite = api.callerFor(api.adminUser, { crossSite: true });
    const error = await trpcError(() =>
      crossSite.personalData.erase({ email: 'anna@example.se', confirm: true }),
    );
    expect(error.code).toBe('FORBIDDEN');
    expect(api.checksum()).toBe(before);
  });

  it('names the field when the address is bad or the erasure is not confirmed', async () => {
    const before = api.checksum();
    const bad = await trpcError(() => api.admin.personalData.export({ email: 'not an address' }));
    expect(bad.code).toBe('BAD_REQUEST');
    expect(blamedFields(bad)).toEqual(['email']);

    const unconfirmed = await trpcError(() =>
      // @ts-expect-error -- the input type requires confirm: true; a client may still send false
      api.admin.personalData.erase({ email: 'anna@example.se', confirm: false }),
    );
    expect(blamedFields(unconfirmed)).toEqual(['confirm']);
    const shape = formattedError(unconfirmed, 'personalData.erase');
    expect(JSON.stringify(shape)).toContain('personalData.confirmErase');
    expect(api.count('mail_outbox')).toBe(1);
    expect(api.checksum()).toBe(before);
  });
});
