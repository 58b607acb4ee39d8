/**
 * Join requests: the public form (a fresh form token, submit, the shared
 * confirmation link, "Which cluster fits us?") and the cluster's inbox with
 * its decisions. Public writes go through publicFormProcedure (own pages only,
 * the transport's client address); the inbox is for signed-in editors
 * (their own cluster's requests) and administrators.
 */
import {
  clusterSuggestionInput,
  confirmInput,
  JOIN_REQUEST_STATUSES,
  joinAssignInput,
  joinDeclineInput,
  joinInboxInput,
  joinRequestFormSchema,
  joinStartInput,
  joinVersionedInput,
  idSchema,
} from '@cos/domain';
import { z } from 'zod';
import type { Context } from '../context';
import { joinRequestsFor } from '../services/join-requests';
import { suggestClusters } from '../services/join-requests/cluster-suggestions';
import { issueFormToken } from '../services/public-forms';
import { confirmLink } from '../services/public-forms/confirm-link';
import {
  createTRPCRouter,
  protectedProcedure,
  publicFormProcedure,
  publicProcedure,
} from '../trpc';

const joinRequestOut = z.object({
  id: z.number(),
  clusterId: z.number(),
  clusterName: z.string(),
  clusterSlug: z.string(),
  organisationName: z.string(),
  organisationNumber: z.string().nullable(),
  municipalityCode: z.string().nullable(),
  website: z.string().nullable(),
  areaIds: z.array(z.number()),
  contactName: z.string(),
  email: z.string(),
  message: z.string(),
  language: z.enum(['sv', 'en']),
  consentAt: z.string(),
  status: z.enum(JOIN_REQUEST_STATUSES),
  assignedTo: z.string().nullable(),
  assignedToName: z.string().nullable(),
  confirmedAt: z.string().nullable(),
  handledAt: z.string().nullable(),
  handledBy: z.string().nullable(),
  handledByName: z.string().nullable(),
  declineReason: z.string().nullable(),
  memberId: z.number().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  version: z.number(),
});

const service = (ctx: Pick<Context, 'handle' | 'services'>) =>
  joinRequestsFor(ctx.handle, ctx.services);

export const joinRequestRouter = createTRPCRouter({
  /**
   * A fresh form token for the page to put in its hidden field. A mutation,
   * not a query: each call gives a new token, which no stored answer may repeat.
   */
  start: publicProcedure
    .input(joinStartInput)
    .output(
      z.object({
        formToken: z.string(),
        cluster: z.object({ id: z.number(), slug: z.string(), name: z.string() }),
        areas: z.array(
          z.object({
            id: z.number(),
            slug: z.string(),
            name: z.object({ sv: z.string(), en: z.string() }),
          }),
        ),
      }),
    )
    .mutation(({ ctx, input }) => ({
      formToken: issueFormToken(ctx.handle),
      ...service(ctx).formFor(input.clusterSlug),
    })),

  /** The form: stored unconfirmed, and the confirmation link mailed. */
  submit: publicFormProcedure
    .input(joinRequestFormSchema)
    .output(z.object({ id: z.number() }))
    .mutation(({ ctx, input }) => service(ctx).submit(input, ctx.clientAddress ?? '')),

  /** The link's button (a POST: a mail scanner following the GET confirms nothing). */
  confirm: publicFormProcedure
    .input(confirmInput)
    .output(z.object({ kind: z.enum(['join', 'suggestion']), language: z.enum(['sv', 'en']) }))
    .mutation(({ ctx, input }) => confirmLink(ctx.handle, input.token)),

  /** "Which cluster fits us?" */
  suggestClusters: publicProcedure
    .meta({ reads: ['clusters', 'areas', 'members'] })
    .input(clusterSuggestionInput)
    .output(
      z.array(
        z.object({
          id: z.number(),
          slug: z.string(),
          name: z.string(),
          shortName: z.string(),
          sharedAreas: z.array(z.string()),
          membersInMunicipality: z.number(),
        }),
      ),
    )
    .query(({ ctx, input }) => suggestClusters(ctx.handle, input.areas, input.municipalityCode)),

  inbox: protectedProcedure
    .input(joinInboxInput)
    .output(
      z.object({
        items: z.array(joinRequestOut),
        total: z.number(),
        page: z.number(),
        pageSize: z.number(),
      }),
    )
    .query(({ ctx, input }) => ({
      ...service(ctx).inbox(ctx.user, input),
      page: input.page,
      pageSize: input.pageSize,
    })),

  unreadCounts: protectedProcedure
    .input(z.void())
    .output(
      z.object({
        total: z.number(),
        clusters: z.array(
          z.object({ clusterId: z.number(), clusterName: z.string(), count: z.number() }),
        ),
      }),
    )
    .query(({ ctx }) => service(ctx).unreadCounts(ctx.user)),

  byId: protectedProcedure
    .input(z.strictObject({ id: idSchema }))
    .output(joinRequestOut)
    .query(({ ctx, input }) => service(ctx).get(ctx.user, input.id)),

  markRead: protectedProcedure
    .input(joinVersionedInput)
    .output(joinRequestOut)
    .mutation(({ ctx, input }) => service(ctx).markRead(ctx.user, input.id, input.version)),

  assign: protectedProcedure
    .input(joinAssignInput)
    .output(joinRequestOut)
    .mutation(({ ctx, input }) =>
      service(ctx).assign(ctx.user, input.id, input.version, input.userId),
    ),

  markHandled: protectedProcedure
    .input(joinVersionedInput)
    .output(joinRequestOut)
    .mutation(({ ctx, input }) => service(ctx).markHandled(ctx.user, input.id, input.version)),

  accept: protectedProcedure
    .input(joinVersionedInput)
    .output(joinRequestOut)
    .mutation(({ ctx, input }) => service(ctx).accept(ctx.user, input.id, input.version)),

  decline: protectedProcedure
    .input(joinDeclineInput)
    .output(joinRequestOut)
    .mutation(({ ctx, input }) =>
      service(ctx).decline(ctx.user, input.id, input.version, input.reason),
    ),

  /** Who a request can be assigned to: administrators and the cluster's editors. */
  assignees: protectedProcedure
    .input(z.strictObject({ id: idSchema }))
    .output(
      z.array(z.object({ id: z.string(), name: z.string(), role: z.enum(['admin', 'editor']) })),
    )
    .query(({ ctx, input }) => service(ctx).assignees(ctx.user, input.id)),
});
