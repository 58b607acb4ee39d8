/** Platform accounts: admins run everything; an editor runs one cluster. */
import { z } from 'zod';
import { emailSchema } from './contact';
import { idSchema, userRoleSchema } from './vocabulary';

export const PASSWORD_MIN = 12;

export const passwordSchema = z
  .string({ error: 'Password is required' })
  .min(PASSWORD_MIN, `Password must be at least ${PASSWORD_MIN} characters`)
  .max(128, 'Password must be at most 128 characters');

const userFields = {
  email: emailSchema,
  name: z
    .string({ error: 'Name is required' })
    .trim()
    .min(1, 'Name is required')
    .max(120, 'Name must be at most 120 characters'),
  role: userRoleSchema,
  clusterId: idSchema.nullable().default(null),
};

/** An editor must name the cluster they run; an admin must not be tied to one. */
function roleNeedsCluster(
  value: { role?: string; clusterId?: number | null },
  ctx: z.RefinementCtx,
) {
  if (value.role === 'editor' && value.clusterId == null) {
    ctx.addIssue({
      code: 'custom',
      path: ['clusterId'],
      message: 'An editor must belong to a cluster',
    });
  }
  if (value.role === 'admin' && value.clusterId != null) {
    ctx.addIssue({
      code: 'custom',
      path: ['clusterId'],
      message: 'An admin is not tied to a cluster',
    });
  }
}

export const userCreateInput = z
  .strictObject({ ...userFields, password: passwordSchema })
  .superRefine(roleNeedsCluster);
export type UserCreateInput = z.infer<typeof userCreateInput>;

export const userUpdateInput = z
  .strictObject({
    id: z
      .string({ error: 'User id is required' })
      .min(1, 'User id is required')
      .max(100, 'User id must be at most 100 characters'),
    name: userFields.name.optional(),
    role: userRoleSchema.optional(),
    clusterId: idSchema.nullable().optional(),
    disabled: z.boolean().optional(),
  })
  .superRefine(roleNeedsCluster);
export type UserUpdateInput = z.infer<typeof userUpdateInput>;
