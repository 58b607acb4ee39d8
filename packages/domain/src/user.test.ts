import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import {
  PASSWORD_MIN,
  passwordSchema,
  profileUpdateInput,
  userCreateInput,
  userUpdateInput,
} from './user';

function issues<T extends z.ZodType>(schema: T, input: unknown) {
  const result = schema.safeParse(input);
  if (result.success) throw new Error(`expected ${JSON.stringify(input)} to be rejected`);
  return result.error.issues.map((i) => ({
    path: i.path.map(String).join('.'),
    message: i.message,
  }));
}

const password = 'korrekt-häst-batteri';
const editor = {
  email: 'Redaktor@OpenTech.se',
  name: 'Eva',
  role: 'editor',
  clusterId: 3,
  password,
};
const admin = { email: 'admin@clustersofskane.se', name: 'Ali', role: 'admin', password };

describe('userCreateInput', () => {
  it('accepts an editor with a cluster and normalises the e-mail', () => {
    expect(userCreateInput.parse(editor)).toEqual({ ...editor, email: 'redaktor@opentech.se' });
  });

  it('accepts an admin without a cluster, defaulting clusterId to null', () => {
    expect(userCreateInput.parse(admin).clusterId).toBeNull();
  });

  it('requires an editor to name a cluster, pointing at clusterId', () => {
    expect(issues(userCreateInput, { ...editor, clusterId: undefined })).toEqual([
      { path: 'clusterId', message: 'An editor must belong to a cluster' },
    ]);
    expect(issues(userCreateInput, { ...editor, clusterId: null })).toEqual([
      { path: 'clusterId', message: 'An editor must belong to a cluster' },
    ]);
  });

  it('refuses to tie an admin to a cluster', () => {
    expect(issues(userCreateInput, { ...admin, clusterId: 2 })).toEqual([
      { path: 'clusterId', message: 'An admin is not tied to a cluster' },
    ]);
  });

  it('names every missing field', () => {
    const result = userCreateInput.safeParse({});
    expect(result.success).toBe(false);
    expect(result.error && z.flattenError(result.error).fieldErrors).toEqual({
      email: ['E-mail address is required'],
      name: ['Name is required'],
      role: ['Role must be one of: admin, editor'],
      password: ['Password is required'],
    });
  });

  it(`needs a password of at least ${PASSWORD_MIN} characters`, () => {
    expect(issues(userCreateInput, { ...admin, password: 'x'.repeat(PASSWORD_MIN - 1) })).toEqual([
      { path: 'password', message: `Password must be at least ${PASSWORD_MIN} characters` },
    ]);
    expect(passwordSchema.safeParse('x'.repeat(PASSWORD_MIN)).success).toBe(true);
    expect(passwordSchema.safeParse('x'.repeat(129)).error?.issues[0]?.message).toBe(
      'Password must be at most 128 characters',
    );
  });

  it('rejects unknown keys, so no one can slip in extra fields', () => {
    expect(issues(userCreateInput, { ...admin, emailVerified: true })).toEqual([
      { path: '', message: 'Unrecognized key: "emailVerified"' },
    ]);
  });
});

describe('userUpdateInput', () => {
  it('accepts a change of name or a disable', () => {
    expect(userUpdateInput.parse({ id: 'u1', name: ' Eva K ' })).toEqual({
      id: 'u1',
      name: 'Eva K',
    });
    expect(userUpdateInput.parse({ id: 'u1', disabled: true })).toEqual({
      id: 'u1',
      disabled: true,
    });
  });

  it('requires a cluster when making someone an editor', () => {
    expect(issues(userUpdateInput, { id: 'u1', role: 'editor' })).toEqual([
      { path: 'clusterId', message: 'An editor must belong to a cluster' },
    ]);
    expect(userUpdateInput.parse({ id: 'u1', role: 'editor', clusterId: 4 })).toEqual({
      id: 'u1',
      role: 'editor',
      clusterId: 4,
    });
  });

  it('refuses a cluster when making someone an admin', () => {
    expect(issues(userUpdateInput, { id: 'u1', role: 'admin', clusterId: 4 })).toEqual([
      { path: 'clusterId', message: 'An admin is not tied to a cluster' },
    ]);
  });

  it('needs a user id', () => {
    expect(issues(userUpdateInput, { name: 'Eva' })).toEqual([
      { path: 'id', message: 'User id is required' },
    ]);
    expect(issues(userUpdateInput, { id: '' })).toEqual([
      { path: 'id', message: 'User id is required' },
    ]);
  });

  it('does not change e-mail or password (unknown keys rejected)', () => {
    expect(issues(userUpdateInput, { id: 'u1', password })).toEqual([
      { path: '', message: 'Unrecognized key: "password"' },
    ]);
  });
});

describe('names are plain text (profileUpdateInput, userCreateInput, userUpdateInput)', () => {
  const plain = {
    path: 'name',
    message: 'Name must be plain text, without < > or control characters',
  };

  it('refuses angle brackets and control characters, everywhere a name is set', () => {
    for (const name of [
      '<b>Eva</b>',
      'Eva <script>',
      'Ada > Eva',
      'Eva\u0000',
      'Eva\u007f',
      'Eva\u009b',
      'Eva\nRed',
    ]) {
      expect(issues(profileUpdateInput, { name }), JSON.stringify(name)).toEqual([plain]);
      expect(issues(userUpdateInput, { id: 'u1', name })).toEqual([plain]);
      expect(issues(userCreateInput, { ...editor, password, name })).toEqual([plain]);
    }
  });

  it('keeps ordinary names, with Swedish letters, hyphens, apostrophes and ampersands', () => {
    for (const name of ['Åsa Öberg-Ärlig', "Siobhán O'Neill", 'Ada & Eva', 'José Núñez']) {
      expect(profileUpdateInput.parse({ name: `  ${name} ` })).toEqual({ name });
    }
  });

  it('takes only a name and the version (the rest is an admin’s to change)', () => {
    expect(issues(profileUpdateInput, { name: 'Eva', role: 'admin' })).toEqual([
      { path: '', message: 'Unrecognized key: "role"' },
    ]);
    expect(profileUpdateInput.parse({ name: 'Eva', version: 3 })).toEqual({
      name: 'Eva',
      version: 3,
    });
  });
});
