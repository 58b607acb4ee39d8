/** The audit trail: read it, and restore a record to a recorded state. */
import { auditListQuery, idSchema, versionSchema } from '@cos/domain';
import { z } from 'zod';
import { FieldError, forbidden, notFound } from '../errors';
import { auditEntryOut, memberRecordOut } from '../outputs';
import type { MemberRecord } from '../services/member-writes';
import { isAdmin } from '../services/permissions';
import { createTRPCRouter, protectedProcedure } from '../trpc';

export const auditRouter = createTRPCRouter({
  /** Admins see everything; an editor sees the history of one member they may edit. */
  list: protectedProcedure
    .input(auditListQuery)
    .output(z.object({ items: z.array(auditEntryOut), nextCursor: z.string().nullable() }))
    .query(({ ctx, input }) => {
      if (!isAdmin(ctx.user)) {
        if (input.entity !== 'member' || !input.entityId) {
          throw forbidden('Editors may only read the history of one of their members');
        }
        ctx.services.members.get(ctx.user, Number(input.entityId));
      }
      return ctx.services.audit.list(input);
    }),
  /**
   * Puts a member back to the state recorded in an audit entry: by default the
   * state right after that change ('after'), or the one before it. A member
   * that still exists is updated (the version guards against lost updates); a
   * deleted one is re-created with its old id and slug.
   */
  restore: protectedProcedure
    .input(
      z.strictObject({
        entryId: idSchema,
        side: z.enum(['before', 'after']).default('after'),
        version: versionSchema.optional(),
      }),
    )
    .output(memberRecordOut)
    .mutation(({ ctx, input }) => {
      const entry = ctx.services.audit.get(input.entryId);
      if (!entry) throw notFound('audit entry', input.entryId);
      if (entry.entity !== 'member')
        throw new FieldError('entryId', 'only member history can be restored here');
      const state = (input.side === 'after' ? entry.after : entry.before) as MemberRecord | null;
      if (!state)
        throw new FieldError(
          'side',
          `this entry has no "${input.side}" state (it was a ${entry.action})`,
        );
      const current = ctx.services.members.load(state.id);
      if (!current) return ctx.services.members.recreate(ctx.user, state);
      if (input.version === undefined)
        throw new FieldError('version', 'is required to restore onto an existing member');
      return ctx.services.members.update(
        ctx.user,
        {
          id: state.id,
          version: input.version,
          slug: state.slug,
          name: state.name,
          organisationNumber: state.organisationNumber,
          kind: state.kind,
          sizeBand: state.sizeBand,
          municipalityCode: state.municipalityCode,
          website: state.website,
          description: state.description,
          areaIds: state.areaIds,
          memberships: state.memberships,
          status: state.status,
        },
        'restore',
      );
    }),
});
