/**
 * The scope policy as pure functions (no database): who may change a member's
 * status, delete it, change its identity or memberships, or leave it.
 */
import { describe, expect, it } from 'vitest';
import type { Actor } from '../actor';
import { FieldError, ForbiddenError } from '../errors';
import {
  assertCanChangeFields,
  assertCanChangeMemberships,
  assertCanChangeStatus,
  assertCanCreateWith,
  assertCanDeleteMember,
  assertCanLeaveCluster,
  isSharedFor,
} from './permissions';

const OWN = 1;
const OTHER = 2;
const admin: Actor = { id: 'a', email: 'a@x.se', name: 'Ada', role: 'admin', clusterId: null };
const editor: Actor = { id: 'e', email: 'e@x.se', name: 'Eva', role: 'editor', clusterId: OWN };
const lost: Actor = { ...editor, clusterId: null };

type Entry = { clusterId: number; kind: 'member' | 'founder'; since: string | null };
const OWN_ENTRY: Entry = { clusterId: OWN, kind: 'member', since: '2020-01-01' };
const OTHER_ENTRY: Entry = { clusterId: OTHER, kind: 'member', since: '2015-05-05' };

const ownOnly = {
  name: 'Egen AB',
  slug: 'egen-ab',
  organisationNumber: null as string | null,
  status: 'published' as const,
  memberships: [{ clusterId: OWN, kind: 'member', since: null }] as Entry[],
};
const shared = {
  ...ownOnly,
  name: 'Delad AB',
  slug: 'delad-ab',
  memberships: [OWN_ENTRY, OTHER_ENTRY],
};
const foreign = {
  ...ownOnly,
  name: 'Främmande AB',
  memberships: [{ clusterId: OTHER, kind: 'member', since: null }] as Entry[],
};

/** The catalogue code a call is refused with, or 'ok'. */
function outcome(fn: () => unknown): string {
  try {
    fn();
    return 'ok';
  } catch (error) {
    if (error instanceof ForbiddenError) return `forbidden:${error.messageCode}`;
    if (error instanceof FieldError) return `field:${error.field}:${error.messageCode}`;
    throw error;
  }
}

describe('isSharedFor', () => {
  it('is true for an editor when another cluster has the member, never for an admin', () => {
    expect(isSharedFor(editor, shared.memberships)).toBe(true);
    expect(isSharedFor(editor, ownOnly.memberships)).toBe(false);
    expect(isSharedFor(admin, shared.memberships)).toBe(false);
  });
});

describe('assertCanChangeStatus', () => {
  it('lets an editor publish a shared member but not archive or unpublish it', () => {
    const draft = { ...shared, status: 'draft' as const };
    expect(outcome(() => assertCanChangeStatus(editor, draft, 'published'))).toBe('ok');
    expect(outcome(() => assertCanChangeStatus(editor, shared, 'published'))).toBe('ok');
    expect(outcome(() => assertCanChangeStatus(editor, shared, 'archived'))).toBe(
      'forbidden:permission.sharedMemberAdminOnly',
    );
    expect(outcome(() => assertCanChangeStatus(editor, shared, 'draft'))).toBe(
      'forbidden:permission.sharedMemberAdminOnly',
    );
    // Leaving it as it is (an archived shared member saved again) is no status change.
    const archived = { ...shared, status: 'archived' as const };
    expect(outcome(() => assertCanChangeStatus(editor, archived, 'archived'))).toBe('ok');
  });

  it("lets an editor do anything with their own cluster's member, and an admin anything", () => {
    for (const status of ['draft', 'archived', 'published'] as const) {
      expect(outcome(() => assertCanChangeStatus(editor, ownOnly, status))).toBe('ok');
      expect(outcome(() => assertCanChangeStatus(admin, shared, status))).toBe('ok');
    }
  });

  it("refuses another cluster's member, naming it when asked (bulk changes)", () => {
    expect(outcome(() => assertCanChangeStatus(editor, foreign, 'published'))).toBe(
      'forbidden:permission.editorOwnCluster',
    );
    expect(outcome(() => assertCanChangeStatus(editor, foreign, 'published', true))).toBe(
      'forbidden:permission.editorOwnClusterNamed',
    );
  });

  it('says which action only an administrator may take', () => {
    try {
      assertCanChangeStatus(editor, shared, 'archived');
      expect.unreachable();
    } catch (error) {
      expect((error as ForbiddenError).params).toEqual({ name: 'Delad AB', action: 'archive' });
    }
  });
});

describe('assertCanDeleteMember', () => {
  it('refuses a shared member to an editor, allows their own and every one to an admin', () => {
    expect(outcome(() => assertCanDeleteMember(editor, shared))).toBe(
      'forbidden:permission.sharedMemberAdminOnly',
    );
    expect(outcome(() => assertCanDeleteMember(editor, ownOnly))).toBe('ok');
    expect(outcome(() => assertCanDeleteMember(editor, foreign))).toBe(
      'forbidden:permission.editorOwnCluster',
    );
    expect(outcome(() => assertCanDeleteMember(admin, shared))).toBe('ok');
  });
});

describe('assertCanChangeFields', () => {
  it("keeps a shared member's name, slug and organisation number for admins", () => {
    expect(outcome(() => assertCanChangeFields(editor, shared, { ...shared, name: 'Ny' }))).toBe(
      'forbidden:permission.sharedMemberField',
    );
    expect(outcome(() => assertCanChangeFields(editor, shared, { ...shared, slug: 'ny' }))).toBe(
      'forbidden:permission.sharedMemberField',
    );
    expect(
      outcome(() =>
        assertCanChangeFields(editor, shared, { ...shared, organisationNumber: '5560360793' }),
      ),
    ).toBe('forbidden:permission.sharedMemberField');
    expect(outcome(() => assertCanChangeFields(editor, shared, shared))).toBe('ok');
    expect(outcome(() => assertCanChangeFields(editor, ownOnly, { ...ownOnly, name: 'Ny' }))).toBe(
      'ok',
    );
    expect(outcome(() => assertCanChangeFields(admin, shared, { ...shared, name: 'Ny' }))).toBe(
      'ok',
    );
  });
});

describe('assertCanChangeMemberships', () => {
  const name = (id: number) => (id === OTHER ? 'Packbridge' : 'OpenTech');
  const check = (user: Actor, current: readonly Entry[], requested: readonly Entry[]) =>
    outcome(() => assertCanChangeMemberships(user, current, requested, name));

  it("lets an editor change only their own cluster's entry", () => {
    const [own, other] = [OWN_ENTRY, OTHER_ENTRY];
    expect(check(editor, shared.memberships, [{ ...own, since: '2021-01-01' }, other])).toBe('ok');
    expect(check(editor, shared.memberships, [other])).toBe('ok');
    expect(check(editor, [other], [own, other])).toBe('ok');
  });

  it("refuses any change to another cluster's entry: added, removed, re-dated or re-kinded", () => {
    const [own, other] = [OWN_ENTRY, OTHER_ENTRY];
    expect(check(editor, shared.memberships, [own])).toBe('forbidden:permission.foreignMembership');
    expect(check(editor, shared.memberships, [own, { ...other, since: null }])).toBe(
      'forbidden:permission.foreignMembership',
    );
    expect(check(editor, shared.memberships, [own, { ...other, kind: 'founder' }])).toBe(
      'forbidden:permission.foreignMembership',
    );
    expect(check(editor, shared.memberships, [{ ...own, kind: 'founder' }, other])).toBe('ok');
    expect(check(editor, [own], [own, other])).toBe('forbidden:permission.foreignMembership');
    try {
      assertCanChangeMemberships(editor, shared.memberships, [own], name);
    } catch (error) {
      expect((error as ForbiddenError).params).toEqual({ cluster: 'Packbridge' });
    }
  });

  it('refuses removing the last cluster, for an admin too, as a field error', () => {
    expect(check(editor, ownOnly.memberships, [])).toBe(
      'field:memberships:memberships.lastCluster',
    );
    expect(check(admin, shared.memberships, [])).toBe('field:memberships:memberships.lastCluster');
    expect(check(admin, shared.memberships, [OTHER_ENTRY])).toBe('ok');
    // A member that had none may stay without (an admin's older record).
    expect(check(admin, [], [])).toBe('ok');
  });
});

describe('assertCanCreateWith', () => {
  it('lets an editor create only in their own cluster, an admin anywhere (or nowhere)', () => {
    expect(
      outcome(() => assertCanCreateWith(editor, [{ clusterId: OWN, kind: 'member', since: null }])),
    ).toBe('ok');
    expect(
      outcome(() =>
        assertCanCreateWith(editor, [{ clusterId: OTHER, kind: 'member', since: null }]),
      ),
    ).toBe('forbidden:permission.editorAddOwnCluster');
    expect(outcome(() => assertCanCreateWith(editor, []))).toBe(
      'forbidden:permission.editorOwnCluster',
    );
    expect(outcome(() => assertCanCreateWith(admin, []))).toBe('ok');
  });
});

describe('assertCanLeaveCluster', () => {
  it("returns the editor's cluster for a shared member; refuses the only cluster, others' and admins", () => {
    expect(assertCanLeaveCluster(editor, shared)).toBe(OWN);
    expect(outcome(() => assertCanLeaveCluster(editor, ownOnly))).toBe(
      'forbidden:permission.leaveOnlyCluster',
    );
    expect(outcome(() => assertCanLeaveCluster(editor, foreign))).toBe(
      'forbidden:permission.editorOwnCluster',
    );
    expect(outcome(() => assertCanLeaveCluster(admin, shared))).toBe(
      'forbidden:permission.leaveClusterEditor',
    );
    expect(outcome(() => assertCanLeaveCluster(lost, shared))).toBe(
      'forbidden:permission.leaveClusterEditor',
    );
  });
});
