/**
 * Likely duplicates of a new or changed member, shown as warnings while the
 * member is edited: the same organisation number, or a very similar name.
 *
 * What a warning may say depends on who asks (permissions.ts's policy): a
 * match the actor may edit is named and linked ('editable'); a published
 * match outside an editor's cluster is named, since its name is on the public
 * site anyway ('public'); any other match — a draft or archived member of
 * another cluster — is only said to exist ('hidden': no name, slug or id), so
 * the editor knows to ask an administrator instead of creating a second one.
 */
import { formatMessage, nameSimilarity, SIMILAR_NAME_THRESHOLD } from '@cos/domain';
import type { z } from 'zod';
import type { Actor } from '../actor';
import type { duplicateWarningOut } from '../outputs';
import { toFtsQuery } from './fts-query';
import type { MemberRef, MemberStatements } from './member-statements';
import { isAdmin } from './permissions';

export type DuplicateWarning = z.infer<typeof duplicateWarningOut>;
export type DuplicateScope = DuplicateWarning['scope'];

type Statements = Pick<
  MemberStatements,
  'sameOrganisationNumber' | 'similarNames' | 'byId' | 'memberships'
>;

/** How much of this member the actor may be told about. */
export function duplicateScope(statements: Statements, user: Actor, id: number): DuplicateScope {
  if (isAdmin(user)) return 'editable';
  const clusterIds = statements.memberships.all({ id }).map((m) => m.clusterId);
  if (user.clusterId !== null && clusterIds.includes(user.clusterId)) return 'editable';
  return statements.byId.get({ id })?.status === 'published' ? 'public' : 'hidden';
}

function warning(
  field: DuplicateWarning['field'],
  member: MemberRef,
  scope: DuplicateScope,
): DuplicateWarning {
  if (scope === 'hidden') {
    const code = field === 'name' ? 'duplicate.outsideScope' : 'duplicate.numberOutsideScope';
    return { field, scope, member: null, message: formatMessage('en', code, {}) };
  }
  const message =
    field === 'name'
      ? formatMessage('en', 'similar.name', { name: member.name })
      : formatMessage('en', 'taken.organisationNumberFull', { name: member.name });
  return { field, scope, member: { id: member.id, slug: member.slug, name: member.name }, message };
}

export function findDuplicates(
  statements: Statements,
  user: Actor,
  name: string,
  organisationNumber: string | null,
  exceptId?: number,
): DuplicateWarning[] {
  const found: { field: DuplicateWarning['field']; member: MemberRef }[] = [];
  if (organisationNumber) {
    const same = statements.sameOrganisationNumber.get({
      orgnr: organisationNumber,
      self: exceptId ?? -1,
    });
    if (same) found.push({ field: 'organisationNumber', member: same });
  }
  const fts = toFtsQuery(name.split(/\s+/)[0]);
  if (fts) {
    // Name candidates come from the full-text index; the similarity measure then decides.
    const candidates = statements.similarNames.all(`name : ${fts}`, exceptId ?? -1);
    for (const c of candidates) {
      if (
        nameSimilarity(name, c.name) >= SIMILAR_NAME_THRESHOLD &&
        !found.some((f) => f.member.id === c.id)
      ) {
        found.push({ field: 'name', member: c });
      }
    }
  }
  const warnings = found
    .slice(0, 10)
    .map((f) => warning(f.field, f.member, duplicateScope(statements, user, f.member.id)));
  // Hidden matches say only "there is one": one such line per field is enough.
  return warnings.filter(
    (w, i) =>
      w.scope !== 'hidden' ||
      warnings.findIndex((o) => o.scope === 'hidden' && o.field === w.field) === i,
  );
}
