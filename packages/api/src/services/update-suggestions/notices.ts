/**
 * The mails a suggestion causes: the confirmation link to its sender, the
 * reviewers' notice once confirmed, and the decision back to the sender. Each
 * is sent after its transaction has committed (mail is asynchronous and never
 * throws for transport failures: the outbox keeps it).
 */
import type { DatabaseHandle } from '@cos/db';
import { notifyAdmins, notifyClusterEditors, renderMail, sendMail } from '../mail';
import { absoluteUrl } from '../mail/config';
import type { SuggestionRecord } from './index';

type Lang = 'sv' | 'en';

/** The shared confirmation page of the public forms in each language (apps/web, join's). */
export const CONFIRM_PATH: Record<Lang, string> = {
  sv: '/bekrafta',
  en: '/en/confirm',
};

const what = (s: Pick<SuggestionRecord, 'targetName' | 'targetType'>, lang: Lang) =>
  s.targetName ??
  (lang === 'sv' ? (s.targetType === 'member' ? 'medlemmen' : 'klustret') : `the ${s.targetType}`);

export async function sendConfirmationLink(
  handle: DatabaseHandle,
  s: SuggestionRecord,
  token: string,
): Promise<void> {
  const lang = s.language;
  const url = absoluteUrl(handle, `${CONFIRM_PATH[lang]}?token=${encodeURIComponent(token)}`);
  const sv = lang === 'sv';
  const subject = sv
    ? `Bekräfta ditt ändringsförslag för ${what(s, lang)}`
    : `Confirm your suggested update for ${what(s, lang)}`;
  const body = renderMail({
    language: lang,
    heading: subject,
    paragraphs: sv
      ? [
          `Hej ${s.senderName}! Tack för ditt förslag. Bekräfta din e-postadress genom att öppna länken, så når förslaget dem som granskar det.`,
          'Länken gäller i 48 timmar. Har du inte skickat något förslag kan du bortse från det här brevet.',
        ]
      : [
          `Hello ${s.senderName}, thank you for your suggestion. Confirm your e-mail address by opening the link, and the suggestion reaches the people who review it.`,
          'The link works for 48 hours. If you did not send a suggestion, you can ignore this mail.',
        ],
    action: { label: sv ? 'Bekräfta förslaget' : 'Confirm the suggestion', url },
  });
  await sendMail(handle, {
    to: s.senderEmail,
    language: lang,
    subject,
    ...body,
    kind: 'suggestion-confirm',
  });
}

/** Confirmed: a member's clusters' editors, or for a cluster the administrators, are told. */
export async function notifyReviewers(
  handle: DatabaseHandle,
  s: SuggestionRecord,
  clusterIds: number[],
): Promise<void> {
  const notification = {
    kind: 'suggestion',
    subject: {
      sv: `Ändringsförslag för ${what(s, 'sv')}`,
      en: `Suggested update for ${what(s, 'en')}`,
    },
    summary: {
      sv: `${s.senderName} föreslår ändringar i ${Object.keys(s.proposed).length} fält för ${what(s, 'sv')}.`,
      en: `${s.senderName} suggests changes to ${Object.keys(s.proposed).length} field(s) of ${what(s, 'en')}.`,
    },
    url: `/admin/suggestions/${s.id}`,
  };
  if (s.targetType === 'cluster') await notifyAdmins(handle, notification);
  else await notifyClusterEditors(handle, { ...notification, clusterIds });
}

/** Applied or rejected: the sender hears it, with the reason when rejected. */
export async function tellSender(handle: DatabaseHandle, s: SuggestionRecord): Promise<void> {
  const lang = s.language;
  const sv = lang === 'sv';
  const applied = s.status === 'applied';
  const subject = sv
    ? `Ditt ändringsförslag för ${what(s, lang)} har ${applied ? 'förts in' : 'avböjts'}`
    : `Your suggested update for ${what(s, lang)} was ${applied ? 'applied' : 'declined'}`;
  const paragraphs = applied
    ? [
        sv
          ? `Hej ${s.senderName}! Tack: ändringen syns nu på sidan.`
          : `Hello ${s.senderName}, thank you: the change now shows on the page.`,
      ]
    : [
        sv
          ? `Hej ${s.senderName}! Förslaget fördes inte in. Skäl: ${s.rejectReason ?? ''}`
          : `Hello ${s.senderName}, the suggestion was not applied. Reason: ${s.rejectReason ?? ''}`,
      ];
  const body = renderMail({ language: lang, heading: subject, paragraphs });
  await sendMail(handle, {
    to: s.senderEmail,
    language: lang,
    subject,
    ...body,
    kind: 'suggestion-decision',
  });
}
