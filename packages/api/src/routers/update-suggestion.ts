/**
 * Suggested updates: the public form's two steps (start, submit) and the
 * reviewers' list, difference, apply and reject. Confirmation goes through the
 * shared confirmation page (services/update-suggestions/confirm.ts).
 */
import {
  SUGGESTION_STATUSES,
  SUGGESTION_TARGETS,
  slugSchema,
  suggestionApplyInput,
  suggestionByIdInput,
  suggestionListInput,
  suggestionRejectInput,
  suggestionSubmitInput,
} from '@cos/domain';
import { z } from 'zod';
import { issueFormToken } from '../services/public-forms';
import { proposalFields } from '../services/update-suggestions/difference';
import { sendConfirmationLink, tellSender } from '../services/update-suggestions/notices';
import {
  createTRPCRouter,
  protectedProcedure,
  publicFormProcedure,
  publicProcedure,
} from '../trpc';

/** The form's protection fields (public-forms), beside the suggestion's own. */
const protection = {
  formToken: z.string().max(300),
  homepage: z.string().max(2000).optional(),
};
const [memberSubmit, clusterSubmit] = suggestionSubmitInput.options;
const submitInput = z.discriminatedUnion('targetType', [
  memberSubmit.extend(protection),
  clusterSubmit.extend(protection),
]);

const suggestionOut = z.object({
  id: z.number(),
  targetType: z.enum(SUGGESTION_TARGETS),
  targetId: z.number(),
  targetVersion: z.number(),
  targetName: z.string().nullable(),
  targetSlug: z.string().nullable(),
  proposed: z.record(z.string(), z.unknown()),
  senderName: z.string(),
  senderEmail: z.string(),
  language: z.enum(['sv', 'en']),
  comment: z.string(),
  status: z.enum(SUGGESTION_STATUSES),
  createdAt: z.string(),
  confirmedAt: z.string().nullable(),
  handledByName: z.string().nullable(),
  handledAt: z.string().nullable(),
  rejectReason: z.string().nullable(),
  appliedFields: z.array(z.string()).nullable(),
  version: z.number(),
});

const detailOut = z.object({
  suggestion: suggestionOut,
  difference: z.array(
    z.object({
      field: z.string(),
      current: z.unknown(),
      proposed: z.unknown(),
      alreadyThere: z.boolean(),
    }),
  ),
  recordVersion: z.number().nullable(),
  changedSinceProposal: z.boolean(),
});

export const updateSuggestionRouter = createTRPCRouter({
  /**
   * What the public form shows: a fresh form token and the record's public
   * fields as they are now (to prefill). A mutation, not a query: each call
   * gives a new token, which no stored answer may repeat.
   */
  start: publicProcedure
    .input(z.strictObject({ targetType: z.enum(SUGGESTION_TARGETS), slug: slugSchema }))
    .output(
      z.object({
        formToken: z.string(),
        name: z.string(),
        current: z.record(z.string(), z.unknown()),
        /** The areas to choose from (members only; empty for a cluster). */
        areas: z.array(
          z.object({ id: z.number(), name: z.object({ sv: z.string(), en: z.string() }) }),
        ),
      }),
    )
    .mutation(({ ctx, input }) => {
      const current = ctx.services.updateSuggestions.publishedValues(input.targetType, input.slug);
      const fields = proposalFields(input.targetType);
      return {
        formToken: issueFormToken(ctx.handle),
        name: String(current.name),
        current: Object.fromEntries(fields.map((f) => [f, current[f] ?? null])),
        areas: input.targetType === 'member' ? ctx.services.updateSuggestions.areaChoices() : [],
      };
    }),

  /** Stores an unconfirmed suggestion and mails its sender the confirmation link. */
  submit: publicFormProcedure
    .input(submitInput)
    .output(z.object({ id: z.number(), fields: z.array(z.string()) }))
    .mutation(async ({ ctx, input }) => {
      const { formToken, homepage, ...suggestion } = input;
      const { suggestion: stored, token } = ctx.services.updateSuggestions.submit(suggestion, {
        token: formToken,
        honeypot: homepage,
        // publicFormProcedure refused a mutation without one.
        address: ctx.clientAddress ?? '',
      });
      await sendConfirmationLink(ctx.handle, stored, token);
      return { id: stored.id, fields: Object.keys(stored.proposed) };
    }),

  /** Confirmed suggestions the reviewer may handle (newest first). */
  list: protectedProcedure
    .input(suggestionListInput)
    .output(z.array(suggestionOut))
    .query(({ ctx, input }) => ctx.services.updateSuggestions.list(ctx.user, input)),

  get: protectedProcedure
    .input(suggestionByIdInput)
    .output(detailOut)
    .query(({ ctx, input }) => ctx.services.updateSuggestions.get(ctx.user, input.id)),

  // `apply` is a reserved word in tRPC routers (Function.prototype).
  applyChanges: protectedProcedure
    .input(suggestionApplyInput)
    .output(suggestionOut)
    .mutation(async ({ ctx, input }) => {
      const applied = ctx.services.updateSuggestions.apply(ctx.user, input);
      await tellSender(ctx.handle, applied);
      return applied;
    }),

  reject: protectedProcedure
    .input(suggestionRejectInput)
    .output(suggestionOut)
    .mutation(async ({ ctx, input }) => {
      const rejected = ctx.services.updateSuggestions.reject(ctx.user, input);
      await tellSender(ctx.handle, rejected);
      return rejected;
    }),
});
