import { TRPCError } from '@trpc/server';
import { describe, expect, it } from 'vitest';
import { errorCode, orNotFound, queryProxy } from './api';

describe('the API helper', () => {
  it('turns caller-shaped calls into one query by dotted path', async () => {
    const calls: [string, unknown][] = [];
    const api = queryProxy((path, input) => {
      calls.push([path, input]);
      return Promise.resolve({ ok: path });
    });
    await expect(api.member.directory({ q: 'lund' })).resolves.toEqual({ ok: 'member.directory' });
    await api.statistics.overview();
    expect(calls).toEqual([
      ['member.directory', { q: 'lund' }],
      ['statistics.overview', undefined],
    ]);
    // Never mistaken for a promise.
    expect((api as unknown as { then?: unknown }).then).toBeUndefined();
  });

  it('reads the error code in-process and over HTTP', () => {
    expect(errorCode(new TRPCError({ code: 'NOT_FOUND' }))).toBe('NOT_FOUND');
    expect(errorCode({ data: { code: 'BAD_REQUEST' } })).toBe('BAD_REQUEST');
    expect(errorCode(new Error('x'))).toBeUndefined();
    expect(errorCode(null)).toBeUndefined();
  });

  it('answers null for a missing record and rethrows anything else', async () => {
    await expect(
      orNotFound(() => Promise.reject(new TRPCError({ code: 'NOT_FOUND' }))),
    ).resolves.toBeNull();
    await expect(orNotFound(() => Promise.resolve(1))).resolves.toBe(1);
    await expect(
      orNotFound(() => Promise.reject(new TRPCError({ code: 'INTERNAL_SERVER_ERROR' }))),
    ).rejects.toThrow();
  });
});
