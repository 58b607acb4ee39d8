/** Platform accounts: admins run everything; an editor runs one cluster. */
import { z } from 'zod';
import { emailSchema } from './contact';
import { customIssue, msg } from './messages/format';
import {
  idSchema,
  mailLanguageSchema,
  notificationModeSchema,
  userRoleSchema,
  versionSchema,
} from './vocabulary';

export const PASSWORD_MIN = 12;

export const passwordSchema = z
  .string({ error: msg('required', { label: 'password' }) })
  .min(PASSWORD_MIN, { error: msg('tooShort', { label: 'password', min: PASSWORD_MIN }) })
  .max(128, { error: msg('tooLong', { label: 'password', max: 128 }) });

/** No angle brackets and no control characters (C0, DEL, C1): plain text only. */
// eslint-disable-next-line no-control-regex -- control characters are exactly what it refuses
const PLAIN_TEXT = /^[^<>\u0000-\u001f\u007f-\u009f]*$/;

const userFields = {
  email: emailSchema,
  name: z
    .string({ error: msg('required', { label: 'name' }) })
    .trim()
    .min(1, { error: msg('required', { label: 'name' }) })
    .max(120, { error: msg('tooLong', { label: 'name', max: 120 }) })
    // A name is shown in history and headers as text: markup or control
    // characters in it are a mistake or an attack, never a person's name.
    .regex(PLAIN_TEXT, { error: msg('plainText', { label: 'name' }) }),
  role: userRoleSchema,
  clusterId: idSchema.nullable().default(null),
};

/** An editor must name the cluster they run; an admin must not be tied to one. */
function roleNeedsCluster(
  value: { role?: string; clusterId?: number | null },
  ctx: z.RefinementCtx,
) {
  if (value.role === 'editor' && value.clusterId == null) {
    ctx.addIssue(customIssue('user.editorNeedsCluster', {}, ['clusterId']));
  }
  if (value.role === 'admin' && value.clusterId != null) {
    ctx.addIssue(customIssue('user.adminHasNoCluster', {}, ['clusterId']));
  }
}

export const userCreateInput = z
  .strictObject({ ...userFields, password: passwordSchema })
  .superRefine(roleNeedsCluster);
export type UserCreateInput = z.infer<typeof userCreateInput>;

export const userUpdateInput = z
  .strictObject({
    id: z
      .string({ error: msg('required', { label: 'userId' }) })
      .min(1, { error: msg('required', { label: 'userId' }) })
      .max(100, { error: msg('tooLong', { label: 'userId', max: 100 }) }),
    name: userFields.name.optional(),
    role: userRoleSchema.optional(),
    clusterId: idSchema.nullable().optional(),
    disabled: z.boolean().optional(),
  })
  .superRefine(roleNeedsCluster);
export type UserUpdateInput = z.infer<typeof userUpdateInput>;

/**
 * What a signed-in person may change about themselves (session.updateProfile):
 * their name. `version` is the account's version the form saw; the admin always
 * sends it (a stale one is refused), a script may leave it out.
 */
export const profileUpdateInput = z.strictObject({
  name: userFields.name,
  /** One mail per event, or one daily summary (the notification service reads it). */
  notificationMode: notificationModeSchema.optional(),
  /** The language the platform's mails to this person are written in. */
  mailLanguage: mailLanguageSchema.optional(),
  version: versionSchema.optional(),
});
export type ProfileUpdateInput = z.infer<typeof profileUpdateInput>;
