/** Platform accounts: admins run everything; an editor runs one cluster. */
import { z } from 'zod';
import { emailSchema } from './contact';
import { customIssue, msg } from './messages/format';
import { idSchema, userRoleSchema } from './vocabulary';

export const PASSWORD_MIN = 12;

export const passwordSchema = z
  .string({ error: msg('required', { label: 'password' }) })
  .min(PASSWORD_MIN, { error: msg('tooShort', { label: 'password', min: PASSWORD_MIN }) })
  .max(128, { error: msg('tooLong', { label: 'password', max: 128 }) });

const userFields = {
  email: emailSchema,
  name: z
    .string({ error: msg('required', { label: 'name' }) })
    .trim()
    .min(1, { error: msg('required', { label: 'name' }) })
    .max(120, { error: msg('tooLong', { label: 'name', max: 120 }) }),
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
