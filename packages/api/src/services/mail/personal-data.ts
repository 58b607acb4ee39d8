/**
 * What mail keeps about an e-mail address, for the personal-data registry
 * (services/personal-data): the recorded mails sent to it, and those whose
 * text names it (an editor's notification quoting an applicant's address).
 * Recorded mail is purged once it is older than the retention period, and a
 * person's pending daily-summary items go with their account.
 */
import { mailOutbox, type DatabaseHandle } from '@cos/db';
import { lt, or, sql } from 'drizzle-orm';
import type { PersonalDataHolder } from '../personal-data/holder';

/** `email` arrives trimmed and lower-cased (holder.ts). */
const about = (email: string) =>
  or(sql`lower(${mailOutbox.to}) = ${email}`, sql`instr(lower(${mailOutbox.text}), ${email}) > 0`);

export const mailPersonalData: PersonalDataHolder = {
  name: 'mail',
  exportFor(handle: DatabaseHandle, email: string) {
    return handle.db
      .select({
        id: mailOutbox.id,
        createdAt: mailOutbox.createdAt,
        to: mailOutbox.to,
        subject: mailOutbox.subject,
        text: mailOutbox.text,
        kind: mailOutbox.kind,
        status: mailOutbox.status,
      })
      .from(mailOutbox)
      .where(about(email))
      .all()
      .map((r) => ({ ...r, createdAt: r.createdAt.toISOString() }));
  },
  eraseFor(handle: DatabaseHandle, email: string): number {
    return handle.db.delete(mailOutbox).where(about(email)).run().changes;
  },
  purgeHandledBefore(handle: DatabaseHandle, date: Date): number {
    return handle.db.delete(mailOutbox).where(lt(mailOutbox.createdAt, date)).run().changes;
  },
};
