/**
 * What the admin panel needs to know about the person using it: who they are
 * (role and cluster decide which screens and actions it shows), the small
 * lookup lists every form's pickers use (area and cluster ids with names —
 * editors may not call the admins' area and cluster lists), and the members
 * that need attention on the dashboard.
 */
import { z } from 'zod';
import { bilingualOut } from '../outputs';
import { loadTaxonomy } from '../services/taxonomy';
import { isAdmin } from '../services/permissions';
import { createTRPCRouter, protectedProcedure, publicProcedure } from '../trpc';

const sessionUserOut = z.object({
  id: z.string(),
  email: z.string(),
  name: z.string(),
  role: z.enum(['admin', 'editor']),
  clusterId: z.number().nullable(),
});

const taxonomyOut = z.object({
  areas: z.array(z.object({ id: z.number(), slug: z.string(), name: bilingualOut })),
  clusters: z.array(
    z.object({
      id: z.number(),
      slug: z.string(),
      name: z.string(),
      shortName: z.string(),
      status: z.string(),
    }),
  ),
});

const ATTENTION_LIMIT = 10;

const attentionOut = z.object({
  missingDescription: z.object({
    items: z.array(
      z.object({
        id: z.number(),
        slug: z.string(),
        name: z.string(),
        status: z.enum(['draft', 'published', 'archived']),
        updatedAt: z.string(),
      }),
    ),
    /** More than the items shown lack a description. */
    more: z.boolean(),
  }),
});

export const sessionRouter = createTRPCRouter({
  /** The signed-in user, or null: the panel asks this on start instead of parsing cookies. */
  me: publicProcedure
    .input(z.void())
    .output(sessionUserOut.nullable())
    .query(({ ctx }) => ctx.user),

  /** Areas and clusters (every status) with their ids, for pickers and labels. */
  taxonomy: protectedProcedure
    .input(z.void())
    .output(taxonomyOut)
    .query(({ ctx }) => {
      const taxonomy = loadTaxonomy(ctx.services.statements, ctx.services.cache);
      return {
        areas: taxonomy.areas.map(({ id, slug, name }) => ({ id, slug, name })),
        clusters: taxonomy.clusters,
      };
    }),

  /**
   * Members (not archived) with no Swedish description, most recently changed
   * first; an editor sees only their own cluster's. Walks the updated_at index
   * and stops after a page, so it stays cheap on a large register.
   */
  attention: protectedProcedure
    .input(z.void())
    .output(attentionOut)
    .query(({ ctx }) => {
      const scope = isAdmin(ctx.user)
        ? { sql: '', params: [] as unknown[] }
        : {
            sql: 'AND EXISTS (SELECT 1 FROM memberships ms WHERE ms.member_id = m.id AND ms.cluster_id = ?)',
            params: [ctx.user.clusterId ?? -1],
          };
      const rows = ctx.services.statements.all<{
        id: number;
        slug: string;
        name: string;
        status: 'draft' | 'published' | 'archived';
        updatedAt: string;
      }>(
        `SELECT m.id, m.slug, m.name, m.status, m.updated_at AS updatedAt FROM members m
         WHERE trim(m.description_sv) = '' AND m.status <> 'archived' ${scope.sql}
         ORDER BY m.updated_at DESC, m.id DESC LIMIT ?`,
        [...scope.params, ATTENTION_LIMIT + 1],
      );
      return {
        missingDescription: {
          items: rows.slice(0, ATTENTION_LIMIT),
          more: rows.length > ATTENTION_LIMIT,
        },
      };
    }),
});
