/** An account's form values (what inputs hold) and their conversion to the API's inputs through the shared schemas, as in member-form.ts. */
import {
  userCreateInput,
  userUpdateInput,
  type UserCreateInput,
  type UserUpdateInput,
} from '@cos/domain';
import { validatedBy, type Validated } from './forms';

export interface UserFormValues {
  email: string;
  name: string;
  role: 'admin' | 'editor';
  clusterId: string;
  password: string;
  disabled: boolean;
}

export interface UserRecordLike {
  email: string;
  name: string;
  role: 'admin' | 'editor';
  clusterId: number | null;
  disabled: boolean;
}

export const USER_FIELD_PATHS = [
  'email',
  'name',
  'role',
  'clusterId',
  'password',
  'disabled',
] as const;

export function emptyUserValues(): UserFormValues {
  return { email: '', name: '', role: 'editor', clusterId: '', password: '', disabled: false };
}

export function userToValues(r: UserRecordLike): UserFormValues {
  return {
    email: r.email,
    name: r.name,
    role: r.role,
    clusterId: r.clusterId === null ? '' : String(r.clusterId),
    password: '',
    disabled: r.disabled,
  };
}

const clusterOf = (v: UserFormValues) =>
  v.role === 'admin' || v.clusterId === '' ? null : Number(v.clusterId);

export function validateUserCreate(v: UserFormValues): Validated<UserCreateInput> {
  return validatedBy(
    userCreateInput.safeParse({
      email: v.email,
      name: v.name,
      role: v.role,
      clusterId: clusterOf(v),
      password: v.password,
    }),
  );
}

export function validateUserUpdate(v: UserFormValues, id: string): Validated<UserUpdateInput> {
  return validatedBy(
    userUpdateInput.safeParse({
      id,
      name: v.name,
      role: v.role,
      clusterId: clusterOf(v),
      disabled: v.disabled,
    }),
  );
}
