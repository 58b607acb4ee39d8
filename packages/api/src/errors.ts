/** Errors the services throw; trpc.ts turns them into tRPC errors with useful data. */
import { TRPCError } from '@trpc/server';

/** A stale write: the record changed since the editor loaded it. Carries the current record. */
export class ConflictError extends TRPCError {
  readonly current: unknown;
  constructor(entity: string, current: unknown) {
    super({
      code: 'CONFLICT',
      message: `This ${entity} was changed by someone else since you loaded it; reload or merge the current version`,
    });
    this.current = current;
  }
}

export function notFound(entity: string, key: string | number): TRPCError {
  return new TRPCError({
    code: 'NOT_FOUND',
    message: `No ${entity} with ${typeof key === 'number' ? 'id' : 'slug'} ${key}`,
  });
}

export function forbidden(message: string): TRPCError {
  return new TRPCError({ code: 'FORBIDDEN', message });
}

/** A rule broken by otherwise well-formed input, reported like a zod error on one field. */
export class FieldError extends TRPCError {
  readonly field: string;
  constructor(field: string, message: string, code: 'BAD_REQUEST' | 'CONFLICT' = 'BAD_REQUEST') {
    super({ code, message: `${field}: ${message}` });
    this.field = field;
  }
}
