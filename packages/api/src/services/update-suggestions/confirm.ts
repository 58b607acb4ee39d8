/**
 * The confirmation page is shared by the public forms (join's public-forms
 * dispatch on a token's kind): for kind 'suggestion' it calls
 * `confirmSuggestion` inside its transaction, then `announceSuggestion` once
 * that has committed.
 */
import type { DatabaseHandle } from '@cos/db';
import { getServices } from '../index';
import type { ConfirmedSuggestion } from './index';
import { notifyReviewers } from './notices';

export type { ConfirmedSuggestion } from './index';

export function confirmSuggestion(
  handle: DatabaseHandle,
  subjectId: number,
  now: Date = new Date(),
): ConfirmedSuggestion {
  return getServices(handle).updateSuggestions.confirmed(subjectId, now);
}

/** Tells the reviewers (after the confirmation committed): mail is asynchronous. */
export async function announceSuggestion(
  handle: DatabaseHandle,
  confirmed: ConfirmedSuggestion,
): Promise<void> {
  await notifyReviewers(handle, confirmed.suggestion, confirmed.clusterIds);
}
