/**
 * The shared confirmation page's one step (/bekrafta, /en/confirm): spends
 * the token and confirms what it was for — a join request or an update
 * suggestion — in one transaction, then tells the people who handle it once
 * that has committed. A confirmation that was already used says so; the
 * page words it.
 */
import type { DatabaseHandle } from '@cos/db';
import { getServices } from '../index';
import { joinRequestsFor, type JoinRequestRecord } from '../join-requests';
import {
  announceSuggestion,
  confirmSuggestion,
  type ConfirmedSuggestion,
} from '../update-suggestions/confirm';
import { confirm } from './confirmations';

export interface ConfirmedLink {
  kind: 'join' | 'suggestion';
  language: 'sv' | 'en';
}

type Outcome =
  | { kind: 'join'; language: 'sv' | 'en'; request: JoinRequestRecord }
  | { kind: 'suggestion'; language: 'sv' | 'en'; suggestion: ConfirmedSuggestion };

export async function confirmLink(
  handle: DatabaseHandle,
  token: string,
  now: Date = new Date(),
): Promise<ConfirmedLink> {
  const joins = joinRequestsFor(handle, getServices(handle));
  const outcome = handle.sqlite
    .transaction((): Outcome => {
      const confirmed = confirm(handle, token, now);
      return confirmed.kind === 'join'
        ? {
            kind: 'join',
            language: confirmed.language,
            request: joins.confirmed(confirmed.subjectId, now),
          }
        : {
            kind: 'suggestion',
            language: confirmed.language,
            suggestion: confirmSuggestion(handle, confirmed.subjectId, now),
          };
    })
    .immediate();
  if (outcome.kind === 'join') await joins.announce(outcome.request);
  else await announceSuggestion(handle, outcome.suggestion);
  return { kind: outcome.kind, language: outcome.language };
}
