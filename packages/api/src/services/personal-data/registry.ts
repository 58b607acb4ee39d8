/**
 * Every holder of personal data, in the order an export lists them. A
 * feature that starts storing something about people adds its holder here
 * (and says so on the privacy page, apps/web/src/pages/integritet.astro).
 */
import { clusterContactData } from '../cluster-contact-data';
import { joinRequestData } from '../join-requests/personal-data';
import { mailPersonalData } from '../mail/personal-data';
import { updateSuggestionData } from '../update-suggestions/personal-data';
import { accountData } from './accounts';
import { auditTrailData } from './audit-trail';
import type { PersonalDataHolder } from './holder';

export const PERSONAL_DATA_HOLDERS: readonly PersonalDataHolder[] = [
  accountData,
  joinRequestData,
  updateSuggestionData,
  clusterContactData,
  mailPersonalData,
  // Last: the erasure of the others may itself have been audited.
  auditTrailData,
];
