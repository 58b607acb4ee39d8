import { describe, expect, it } from 'vitest';
import { describeError } from './errors';
import { localiseProblem } from './i18n/issues';

/** The shape of a TRPCClientError as our server's errorFormatter fills it. */
function clientError(message: string, data: Record<string, unknown>) {
  return Object.assign(new Error(message), { data });
}

describe('describeError', () => {
  it('reads stale versions as a conflict carrying the current record', () => {
    const current = { id: 1, version: 3 };
    expect(describeError(clientError('changed', { code: 'CONFLICT', current }))).toEqual({
      kind: 'conflict',
      message: 'changed',
      current,
    });
  });

  it('reads field problems, also when they come as CONFLICT (a taken value)', () => {
    const problem = describeError(
      clientError('organisationNumber: is already registered for Acme', {
        code: 'CONFLICT',
        issues: [{ path: 'organisationNumber', message: 'is already registered for Acme' }],
      }),
    );
    expect(problem).toMatchObject({
      kind: 'fields',
      errors: { organisationNumber: ['is already registered for Acme'] },
    });
  });

  it('reads a write refused for the address as wrong-address, naming the address to use', () => {
    const problem = describeError(
      clientError('Changes are accepted only from http://localhost:3000', {
        code: 'FORBIDDEN',
        useOrigin: 'http://localhost:3000',
      }),
    );
    expect(problem).toMatchObject({ kind: 'wrong-address', useOrigin: 'http://localhost:3000' });
    // A FORBIDDEN without an address stays a permission problem.
    expect(describeError(clientError('x', { code: 'FORBIDDEN', useOrigin: null })).kind).toBe(
      'forbidden',
    );
  });

  it('reads the access codes', () => {
    expect(describeError(clientError('x', { code: 'UNAUTHORIZED' })).kind).toBe('unauthorized');
    expect(describeError(clientError('x', { code: 'FORBIDDEN' })).kind).toBe('forbidden');
    expect(describeError(clientError('x', { code: 'NOT_FOUND' })).kind).toBe('not-found');
    expect(describeError(clientError('x', { code: 'TOO_MANY_REQUESTS' })).kind).toBe(
      'rate-limited',
    );
  });

  it('tells network failures from other errors', () => {
    expect(describeError(new TypeError('Failed to fetch')).kind).toBe('network');
    expect(describeError(new Error('boom')).kind).toBe('other');
  });

  it('words a refusal in the interface language by its catalogue code', () => {
    const english =
      'Editors may only change members of their own cluster, and "Beta AB" is not one of them';
    const problem = describeError(
      clientError(english, {
        code: 'FORBIDDEN',
        messageCode: 'permission.editorOwnClusterNamed',
        messageParams: { name: 'Beta AB' },
      }),
    );
    expect(problem).toMatchObject({ kind: 'forbidden', message: english });
    expect(localiseProblem(problem, 'sv')).toBe(
      'Redaktörer kan bara ändra medlemmar i sitt eget kluster, och ”Beta AB” är inte en av dem',
    );
    expect(localiseProblem(problem, 'en')).toBe(english);

    const stale = describeError(
      clientError(
        'This member was changed by someone else since you loaded it; reload or merge the current version',
        {
          code: 'CONFLICT',
          current: { id: 1 },
          messageCode: 'conflict.changed',
          messageParams: { entity: 'member' },
        },
      ),
    );
    expect(stale.kind).toBe('conflict');
    expect(localiseProblem(stale, 'sv')).toMatch(/^Medlemmen har ändrats av någon annan/);

    const full = describeError(
      clientError('The database is full (no disk space left); nothing was saved. Try again later', {
        code: 'SERVICE_UNAVAILABLE',
        messageCode: 'storage.full',
        messageParams: {},
      }),
    );
    expect(localiseProblem(full, 'sv')).toMatch(/^Databasen är full/);
  });

  it('shows the server message as it came without a code, or with one the catalogue lacks', () => {
    const plain = describeError(clientError('Not yours', { code: 'FORBIDDEN' }));
    expect(localiseProblem(plain, 'sv')).toBe('Not yours');
    const unknown = describeError(
      clientError('Not yours', {
        code: 'FORBIDDEN',
        messageCode: 'no.such.code',
        messageParams: {},
      }),
    );
    expect(unknown).not.toHaveProperty('messageCode');
    expect(localiseProblem(unknown, 'sv')).toBe('Not yours');
  });
});
