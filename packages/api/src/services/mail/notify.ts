/**
 * Telling the people who run a cluster that something happened (a join
 * request arrived, a suggestion was confirmed). Each person chose on their
 * profile: 'each' gets a mail now, 'daily' gets the event in tomorrow
 * morning's summary (digest.ts). Each mail is in the person's own language.
 *
 * Who is told: the editors of the clusters (role editor, not disabled).
 * Administrators are not copied on cluster events — they run the platform,
 * not the clusters, and seven clusters' inboxes would drown them; events that
 * are theirs to handle (suggestions for a cluster record) go through
 * notifyAdmins instead.
 */
import { pendingNotifications, users, type DatabaseHandle } from '@cos/db';
import type { MailLanguage, NotificationMode } from '@cos/domain';
import { and, eq, inArray } from 'drizzle-orm';
import { absoluteUrl } from './config';
import { renderMail } from './render';
import { sendMail } from './send';

type Bilingual = { sv: string; en: string };

export interface Notification {
  kind: string;
  subject: Bilingual;
  summary: Bilingual;
  /** Where to handle it: an absolute URL or a path on the platform (e.g. /admin/inbox/4). */
  url: string;
}

interface Recipient {
  id: string;
  email: string;
  mailLanguage: MailLanguage;
  notificationMode: NotificationMode;
  clusterId: number | null;
}

const ACTION_LABEL: Bilingual = { sv: 'Öppna i administrationen', en: 'Open in the admin' };

export async function notifyClusterEditors(
  handle: DatabaseHandle,
  notification: Notification & { clusterIds: number[] },
): Promise<void> {
  if (notification.clusterIds.length === 0) return;
  const recipients = recipientQuery(handle)
    .where(
      and(
        eq(users.role, 'editor'),
        eq(users.disabled, false),
        inArray(users.clusterId, notification.clusterIds),
      ),
    )
    .all();
  await notifyEach(handle, recipients, notification);
}

export async function notifyAdmins(
  handle: DatabaseHandle,
  notification: Notification,
): Promise<void> {
  const recipients = recipientQuery(handle)
    .where(and(eq(users.role, 'admin'), eq(users.disabled, false)))
    .all();
  await notifyEach(handle, recipients, notification);
}

function recipientQuery(handle: DatabaseHandle) {
  return handle.db
    .select({
      id: users.id,
      email: users.email,
      mailLanguage: users.mailLanguage,
      notificationMode: users.notificationMode,
      clusterId: users.clusterId,
    })
    .from(users);
}

async function notifyEach(
  handle: DatabaseHandle,
  recipients: Recipient[],
  notification: Notification,
): Promise<void> {
  const url = absoluteUrl(handle, notification.url);
  const now = new Date();
  for (const person of recipients) {
    if (person.notificationMode === 'daily') {
      handle.db
        .insert(pendingNotifications)
        .values({
          userId: person.id,
          clusterId: person.clusterId,
          kind: notification.kind,
          summarySv: notification.summary.sv,
          summaryEn: notification.summary.en,
          url,
          createdAt: now,
        })
        .run();
      continue;
    }
    const language = person.mailLanguage;
    const { text, html } = renderMail({
      language,
      heading: notification.subject[language],
      paragraphs: [notification.summary[language]],
      action: { label: ACTION_LABEL[language], url },
    });
    await sendMail(handle, {
      to: person.email,
      language,
      subject: notification.subject[language],
      text,
      html,
      kind: notification.kind,
    });
  }
}
