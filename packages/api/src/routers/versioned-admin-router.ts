/**
 * The admin procedures every versioned, publishable record has (clusters,
 * articles): list, get, create, update, publish/unpublish/archive, restore
 * from the audit trail, delete.
 * One definition, so a rule added here (an input check, a new action) reaches
 * all of them.
 */
import { byIdInput, type Status } from '@cos/domain';
import { z } from 'zod';
import type { Actor } from '../actor';
import { deletedOut } from '../outputs';
import type { Services } from '../services';
import { createTRPCRouter, protectedProcedure } from '../trpc';
import { restoreFromAudit } from '../services/restore';
import {
  restoreInput,
  STATUS_ACTIONS,
  statusChangeInput,
  versionedDeleteInput,
} from './record-inputs';

export interface VersionedWrites<Create, Update, Rec> {
  list(user: Actor): Rec[];
  get(user: Actor, id: number): Rec;
  create(user: Actor, input: Create): Rec;
  update(user: Actor, input: Update): Rec;
  setStatus(user: Actor, id: number, version: number, status: Status): Rec;
  delete(user: Actor, id: number, version: number): { id: number };
}

export function versionedAdminRouter<Create, CreateIn, Update, UpdateIn, Rec>(
  entity: 'cluster' | 'article',
  writes: (services: Services) => VersionedWrites<Create, Update, Rec>,
  schemas: {
    create: z.ZodType<Create, CreateIn>;
    update: z.ZodType<Update, UpdateIn>;
    record: z.ZodType<Rec, Rec>;
  },
) {
  // tRPC's conditional types cannot be resolved inside a generic function; the
  // call sites still tie the service's record type to the output schema (Rec).
  const out = (record: Rec | Rec[]) => record as never;
  return createTRPCRouter({
    list: protectedProcedure
      .input(z.void())
      .output(z.array(schemas.record))
      .query(({ ctx }) => out(writes(ctx.services).list(ctx.user))),
    get: protectedProcedure
      .input(byIdInput)
      .output(schemas.record)
      .query(({ ctx, input }) => out(writes(ctx.services).get(ctx.user, input.id))),
    create: protectedProcedure
      .input(schemas.create)
      .output(schemas.record)
      .mutation(({ ctx, input }) => out(writes(ctx.services).create(ctx.user, input as Create))),
    update: protectedProcedure
      .input(schemas.update)
      .output(schemas.record)
      .mutation(({ ctx, input }) => out(writes(ctx.services).update(ctx.user, input as Update))),
    setStatus: protectedProcedure
      .input(statusChangeInput)
      .output(schemas.record)
      .mutation(({ ctx, input }) =>
        out(
          writes(ctx.services).setStatus(
            ctx.user,
            input.id,
            input.version,
            STATUS_ACTIONS[input.action],
          ),
        ),
      ),
    restore: protectedProcedure
      .input(restoreInput)
      .output(schemas.record)
      .mutation(({ ctx, input }) =>
        out(restoreFromAudit(ctx.services, ctx.user, entity, input) as Rec),
      ),
    delete: protectedProcedure
      .input(versionedDeleteInput)
      .output(deletedOut)
      .mutation(({ ctx, input }) => writes(ctx.services).delete(ctx.user, input.id, input.version)),
  });
}
