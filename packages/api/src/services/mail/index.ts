/**
 * Mail that reaches people: the layout (render.ts), recording and sending
 * (send.ts), notifying the people who run clusters (notify.ts), the daily
 * summary (digest.ts), the admin's Outbox (outbox.ts) and the settings the
 * server gives at start (config.ts). Why nodemailer: see packages/api/README.md.
 */
export { configureMail, type MailLog, type MailSettings } from './config';
export { latestDigestTime, sendDailyDigests } from './digest';
export { notifyAdmins, notifyClusterEditors, type Notification } from './notify';
export { getOutboxMail, listOutbox, OUTBOX_PAGE_SIZE } from './outbox';
export { mailPersonalData } from './personal-data';
export { escapeHtml, renderMail, type MailContent, type RenderedMail } from './render';
export { MAIL_MAX_ATTEMPTS, retryUndelivered, sendMail, type OutgoingMail } from './send';
