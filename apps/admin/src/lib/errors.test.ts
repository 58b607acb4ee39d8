import { describe, expect, it } from 'vitest';
import { describeError } from './errors';

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
});
