/**
 * A refusal that is not about one field (not allowed, stale, not there, not
 * signed in) reaches the client with its catalogue code and parameters beside
 * the English message, which stays exactly as before; the code's English text
 * is that message, and it has a Swedish one.
 */
import { formatMessage, isMessageCode } from '@cos/domain';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestApi, formattedError, trpcError, type TestApi } from '../test-support';

let api: TestApi;
beforeEach(() => {
  api = createTestApi();
});
afterEach(() => api.cleanup());

/** The failed call as the client receives it, checked against the catalogue. */
async function refusal(path: string, call: () => Promise<unknown>) {
  const error = await trpcError(call);
  const { message, data } = formattedError(error, path);
  const { messageCode, messageParams } = data;
  if (!isMessageCode(messageCode)) throw new Error(`no catalogue code for: ${message}`);
  expect(formatMessage('en', messageCode, messageParams ?? {})).toBe(message);
  expect(formatMessage('sv', messageCode, messageParams ?? {})).not.toBe(message);
  return { code: data.code, message, messageCode, messageParams };
}

describe('refusals carry their message code', () => {
  it('an editor changing another cluster’s member', async () => {
    const editor = api.editor('opentech');
    const id = api.memberId('flextrus');
    expect(
      await refusal('member.admin.update', () =>
        editor.member.admin.update({ id, version: 1, name: 'Ändrat Namn AB' }),
      ),
    ).toEqual({
      code: 'FORBIDDEN',
      message: 'Editors may only change members of their own cluster',
      messageCode: 'permission.editorOwnCluster',
      messageParams: {},
    });
  });

  it('an editor managing clusters', async () => {
    const editor = api.editor('opentech');
    expect(await refusal('cluster.admin.list', () => editor.cluster.admin.list())).toMatchObject({
      code: 'FORBIDDEN',
      message: 'Only administrators may manage clusters',
      messageCode: 'permission.adminOnly',
      messageParams: { action: 'manageClusters' },
    });
  });

  it('a stale version', async () => {
    const id = api.memberId('ericsson');
    await api.admin.member.admin.update({ id, version: 1, name: 'Ericsson AB' });
    expect(
      await refusal('member.admin.update', () =>
        api.admin.member.admin.update({ id, version: 1, name: 'Ericsson Sverige AB' }),
      ),
    ).toEqual({
      code: 'CONFLICT',
      message:
        'This member was changed by someone else since you loaded it; reload or merge the current version',
      messageCode: 'conflict.changed',
      messageParams: { entity: 'member' },
    });
  });

  it('a record that is not there, and nobody signed in', async () => {
    expect(
      await refusal('member.admin.get', () => api.admin.member.admin.get({ id: 999_999 })),
    ).toEqual({
      code: 'NOT_FOUND',
      message: 'No member with id 999999',
      messageCode: 'notFound.record',
      messageParams: { entity: 'member', by: 'id', key: 999_999 },
    });
    expect(await refusal('member.admin.list', () => api.anonymous.member.admin.list({}))).toEqual({
      code: 'UNAUTHORIZED',
      message: 'Sign in first',
      messageCode: 'auth.signIn',
      messageParams: {},
    });
  });

  it('leaves a field error’s code in its issue', async () => {
    const error = await trpcError(() => api.admin.member.admin.list({ cursor: 'not-a-cursor' }));
    const { data } = formattedError(error, 'member.admin.list');
    expect(data.messageCode).toBeNull();
    expect(data.issues).toEqual([
      {
        path: 'cursor',
        message: 'is not a cursor from this list (start again from the first page)',
        code: 'cursor.foreign',
        params: {},
      },
    ]);
  });
});
