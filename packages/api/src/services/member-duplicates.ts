/**
 * Likely duplicates of a new or changed member, shown as warnings while the
 * member is edited: the same organisation number, or a very similar name.
 */
import { formatMessage, nameSimilarity, SIMILAR_NAME_THRESHOLD } from '@cos/domain';
import type { z } from 'zod';
import type { duplicateWarningOut } from '../outputs';
import { toFtsQuery } from './fts-query';
import type { MemberStatements } from './member-statements';

export type DuplicateWarning = z.infer<typeof duplicateWarningOut>;

export function findDuplicates(
  statements: Pick<MemberStatements, 'sameOrganisationNumber' | 'similarNames'>,
  name: string,
  organisationNumber: string | null,
  exceptId?: number,
): DuplicateWarning[] {
  const warnings: DuplicateWarning[] = [];
  if (organisationNumber) {
    const same = statements.sameOrganisationNumber.get({
      orgnr: organisationNumber,
      self: exceptId ?? -1,
    });
    if (same) {
      warnings.push({
        field: 'organisationNumber',
        message: formatMessage('en', 'taken.organisationNumberFull', { name: same.name }),
        member: same,
      });
    }
  }
  const fts = toFtsQuery(name.split(/\s+/)[0]);
  if (fts) {
    // Name candidates come from the full-text index; the similarity measure then decides.
    const candidates = statements.similarNames.all(`name : ${fts}`, exceptId ?? -1);
    for (const c of candidates) {
      if (
        nameSimilarity(name, c.name) >= SIMILAR_NAME_THRESHOLD &&
        !warnings.some((w) => w.member.id === c.id)
      ) {
        warnings.push({
          field: 'name',
          message: formatMessage('en', 'similar.name', { name: c.name }),
          member: c,
        });
      }
    }
  }
  return warnings.slice(0, 10);
}
