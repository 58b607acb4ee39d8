/**
 * Every string of the interface, Swedish first and English second, side by
 * side so a missing translation is a type error. Placeholders are {name}.
 * The strings live in messages/, one file a part of the interface; this joins
 * them (messages.test.ts checks no key is given twice, which a spread would hide).
 */
import { SHELL_MESSAGES } from './messages/shell';
import { DASHBOARD_AUDIT_MESSAGES } from './messages/dashboard-audit';
import { MEMBERS_MESSAGES } from './messages/members';
import { MEMBER_LIST_MESSAGES } from './messages/member-list';
import { IMPORT_MESSAGES } from './messages/import';
import { RECORDS_MESSAGES } from './messages/records';
import { HISTORY_MESSAGES } from './messages/history';
import { SCOPE_MESSAGES } from './messages/scope';
import { IMAGE_MESSAGES } from './messages/images';
import { EXPORT_MESSAGES } from './messages/export';
import { PERSONAL_DATA_MESSAGES } from './messages/personal-data';
import { CLUSTER_CONTACT_MESSAGES } from './messages/cluster-contact';
import { CLUSTER_SOURCES_MESSAGES } from './messages/cluster-sources';
import { MAIL_MESSAGES } from './messages/mail';
import { SUGGESTION_MESSAGES } from './messages/suggestions';
import { REQUEST_MESSAGES } from './messages/requests';

export const MESSAGE_PARTS = [
  SHELL_MESSAGES,
  DASHBOARD_AUDIT_MESSAGES,
  MEMBERS_MESSAGES,
  MEMBER_LIST_MESSAGES,
  IMPORT_MESSAGES,
  RECORDS_MESSAGES,
  HISTORY_MESSAGES,
  SCOPE_MESSAGES,
  IMAGE_MESSAGES,
  EXPORT_MESSAGES,
  PERSONAL_DATA_MESSAGES,
  MAIL_MESSAGES,
  SUGGESTION_MESSAGES,
  REQUEST_MESSAGES,
  CLUSTER_CONTACT_MESSAGES,
  CLUSTER_SOURCES_MESSAGES,
] as const;

export const MESSAGES = {
  ...SHELL_MESSAGES,
  ...DASHBOARD_AUDIT_MESSAGES,
  ...MEMBERS_MESSAGES,
  ...MEMBER_LIST_MESSAGES,
  ...IMPORT_MESSAGES,
  ...RECORDS_MESSAGES,
  ...HISTORY_MESSAGES,
  ...SCOPE_MESSAGES,
  ...IMAGE_MESSAGES,
  ...EXPORT_MESSAGES,
  ...PERSONAL_DATA_MESSAGES,
  ...MAIL_MESSAGES,
  ...SUGGESTION_MESSAGES,
  ...REQUEST_MESSAGES,
  ...CLUSTER_CONTACT_MESSAGES,
  ...CLUSTER_SOURCES_MESSAGES,
} as const;

export type MessageKey = keyof typeof MESSAGES;
