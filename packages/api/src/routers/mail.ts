/** The admin's Outbox: every mail the platform recorded (admins only; services/mail/outbox.ts). */
import { MAIL_LANGUAGES, MAIL_STATUSES } from '@cos/domain';
import { z } from 'zod';
import { getOutboxMail, listOutbox } from '../services/mail';
import { adminProcedure, createTRPCRouter } from '../trpc';

const outboxItemOut = z.object({
  id: z.number(),
  createdAt: z.string(),
  to: z.string(),
  subject: z.string(),
  kind: z.string(),
  status: z.enum(MAIL_STATUSES),
  attempts: z.number(),
});

const outboxMailOut = outboxItemOut.extend({
  language: z.enum(MAIL_LANGUAGES),
  text: z.string(),
  html: z.string(),
  lastError: z.string().nullable(),
  sentAt: z.string().nullable(),
});

export const mailRouter = createTRPCRouter({
  outbox: adminProcedure
    .input(z.strictObject({ page: z.number().int().min(1).max(100_000).default(1) }))
    .output(
      z.object({
        items: z.array(outboxItemOut),
        page: z.number(),
        pages: z.number(),
        total: z.number(),
      }),
    )
    .query(({ ctx, input }) => listOutbox(ctx.handle, ctx.user, input)),
  outboxMail: adminProcedure
    .input(z.strictObject({ id: z.number().int().positive() }))
    .output(outboxMailOut)
    .query(({ ctx, input }) => getOutboxMail(ctx.handle, ctx.user, input.id)),
});
