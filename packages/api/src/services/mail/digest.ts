/**
 * The daily summary for people who chose 'daily': one mail with every event
 * that waited for them, then those events are cleared. It goes out at 07:00
 * Stockholm time: the scheduler calls sendDailyDigests often, and a person is
 * mailed once there is an event from before the latest 07:00 — so a server
 * that was down at seven sends when it is back, and nothing needs to remember
 * when the last summary went.
 */
import { pendingNotifications, users, type DatabaseHandle } from '@cos/db';
import type { MailLanguage } from '@cos/domain';
import { and, asc, eq, inArray, lt, lte } from 'drizzle-orm';
import { renderMail } from './render';
import { sendMail } from './send';

export const DIGEST_HOUR = 7;
const ZONE = 'Europe/Stockholm';

/** Minutes Stockholm is ahead of UTC at `at` (60 or 120). */
function zoneOffsetMinutes(at: Date): number {
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone: ZONE,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
  }).formatToParts(at);
  const n = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  const local = Date.UTC(n('year'), n('month') - 1, n('day'), n('hour'), n('minute'));
  return Math.round((local - Math.floor(at.getTime() / 60000) * 60000) / 60000);
}

/** 07:00 in Stockholm on a calendar day (far from the 02:00–03:00 clock changes). */
function digestTimeOn(year: number, month: number, day: number): number {
  const guess = Date.UTC(year, month, day, DIGEST_HOUR);
  return guess - zoneOffsetMinutes(new Date(guess)) * 60000;
}

/** The latest 07:00 in Stockholm at or before `now`. */
export function latestDigestTime(now: Date): Date {
  const local = new Date(now.getTime() + zoneOffsetMinutes(now) * 60000);
  const [year, month, day] = [local.getUTCFullYear(), local.getUTCMonth(), local.getUTCDate()];
  const today = digestTimeOn(year, month, day);
  return new Date(today <= now.getTime() ? today : digestTimeOn(year, month, day - 1));
}

const TEXTS = {
  sv: {
    subject: (n: number) =>
      `Clusters of Skåne: ${n} ${n === 1 ? 'händelse' : 'händelser'} sedan förra sammanfattningen`,
    heading: 'Din dagliga sammanfattning',
    intro: 'Det här har hänt i ditt kluster sedan förra sammanfattningen:',
    open: 'Öppna',
  },
  en: {
    subject: (n: number) =>
      `Clusters of Skåne: ${n} ${n === 1 ? 'event' : 'events'} since the last summary`,
    heading: 'Your daily summary',
    intro: 'This has happened in your cluster since the last summary:',
    open: 'Open',
  },
} as const;

/** Sends the summaries that are due at `now`; the number of mails. */
export async function sendDailyDigests(
  handle: DatabaseHandle,
  { now = new Date() }: { now?: Date } = {},
): Promise<number> {
  const due = latestDigestTime(now);
  const people = handle.db
    .selectDistinct({ userId: pendingNotifications.userId })
    .from(pendingNotifications)
    .where(lt(pendingNotifications.createdAt, due))
    .all();
  let sent = 0;
  for (const { userId } of people) {
    const person = handle.db
      .select({ email: users.email, language: users.mailLanguage })
      .from(users)
      .where(eq(users.id, userId))
      .get();
    const items = handle.db
      .select()
      .from(pendingNotifications)
      .where(and(eq(pendingNotifications.userId, userId), lte(pendingNotifications.createdAt, now)))
      .orderBy(asc(pendingNotifications.id))
      .all();
    if (!person || items.length === 0) continue;
    const language: MailLanguage = person.language;
    const t = TEXTS[language];
    const { text, html } = renderMail({
      language,
      heading: t.heading,
      paragraphs: [
        t.intro,
        ...items.map(
          (item) =>
            `${language === 'sv' ? item.summarySv : item.summaryEn}\n${t.open}: ${item.url}`,
        ),
      ],
    });
    // Recorded first, cleared after: a crash between the two repeats a summary, never loses one.
    await sendMail(handle, {
      to: person.email,
      language,
      subject: t.subject(items.length),
      text,
      html,
      kind: 'digest',
    });
    handle.db
      .delete(pendingNotifications)
      .where(
        inArray(
          pendingNotifications.id,
          items.map((item) => item.id),
        ),
      )
      .run();
    sent += 1;
  }
  return sent;
}
