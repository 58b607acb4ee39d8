/** The message catalogue: stable codes, their parameters and their texts in Swedish and English. */
export type {
  AdminAction,
  Catalogue,
  Message,
  MessageCode,
  MessageParams,
  MessageParamsByCode,
  NotFoundEntity,
  WireParams,
} from './codes';
export { MESSAGES_EN } from './en';
export { MESSAGES_SV } from './sv';
export { FIELD_LABELS, type FieldLabel } from './labels';
// msg and customIssue build the domain's own schemas and stay internal.
export {
  formatMessage,
  isFieldLabel,
  isMessageCode,
  issueMessage,
  type MessageLocale,
} from './format';
