import { memberCreateInput } from '@cos/domain';
import { TRPCError } from '@trpc/server';
import { describe, expect, it } from 'vitest';
import { FieldError } from './errors';
import { formatError } from './trpc-errors';

const shape = {
  message: 'x',
  code: -32600,
  data: { code: 'BAD_REQUEST' as const, httpStatus: 400, path: 'member.admin.create' },
};

describe('error data carries each issue’s message code and parameters', () => {
  it('for a domain schema’s issues, beside the English message as before', () => {
    const parsed = memberCreateInput.safeParse({ name: 'A', kind: 'company' });
    const error = new TRPCError({ code: 'BAD_REQUEST', cause: parsed.error });
    expect(formatError(shape, error).data.issues).toEqual([
      {
        path: 'name',
        message: 'Name must be at least 2 characters',
        code: 'tooShort',
        params: { label: 'name', min: 2 },
      },
    ]);
  });

  it('for a field error a service raised', () => {
    const field = FieldError.coded('slug', 'taken.slug', { entity: 'member' }, 'conflict');
    const error = new TRPCError({ code: 'CONFLICT', message: field.message, cause: field });
    const { data } = formatError(shape, error);
    expect(data.issues).toEqual([
      {
        path: 'slug',
        message: 'is already used by another member',
        code: 'taken.slug',
        params: { entity: 'member' },
      },
    ]);
    expect(data.fieldErrors).toEqual({ slug: ['is already used by another member'] });
  });
});
