/**
 * What the applicant and the cluster's editors are told, in their language.
 * Sent after the write's transaction has committed (sendMail is async and
 * records each mail in the outbox itself).
 */
import type { DatabaseHandle } from '@cos/db';
import { notifyClusterEditors, renderMail, sendMail } from '../mail';
import { absoluteUrl } from '../mail/config';
import type { JoinRequestRecord } from './records';

type Lang = 'sv' | 'en';

/** The confirmation page: the link opens a page with a button (a GET confirms nothing). */
export function confirmationPath(language: Lang, token: string): string {
  return `${language === 'sv' ? '/bekrafta' : '/en/confirm'}?token=${encodeURIComponent(token)}`;
}

export async function mailConfirmation(
  handle: DatabaseHandle,
  request: { email: string; language: Lang; organisationName: string; clusterName: string },
  token: string,
): Promise<void> {
  const sv = request.language === 'sv';
  const url = absoluteUrl(handle, confirmationPath(request.language, token));
  const { text, html } = renderMail({
    language: request.language,
    heading: sv ? 'Bekräfta din ansökan' : 'Confirm your request',
    paragraphs: sv
      ? [
          `Du har ansökt om medlemskap i ${request.clusterName} för ${request.organisationName}.`,
          'Bekräfta din e-postadress, så når ansökan klustret. Länken gäller i 48 timmar.',
          'Om det inte var du som skickade ansökan kan du strunta i det här mejlet; då sparas ingenting längre än en vecka.',
        ]
      : [
          `You have asked for ${request.organisationName} to join ${request.clusterName}.`,
          'Confirm your e-mail address and the request reaches the cluster. The link works for 48 hours.',
          'If you did not send this request, ignore this mail; nothing is kept for longer than a week.',
        ],
    action: { label: sv ? 'Bekräfta ansökan' : 'Confirm the request', url },
  });
  await sendMail(handle, {
    to: request.email,
    language: request.language,
    subject: sv ? 'Bekräfta din ansökan om medlemskap' : 'Confirm your membership request',
    text,
    html,
    kind: 'join.confirm',
  });
}

export async function notifyEditorsOfRequest(
  handle: DatabaseHandle,
  request: JoinRequestRecord,
): Promise<void> {
  await notifyClusterEditors(handle, {
    clusterIds: [request.clusterId],
    kind: 'join.new',
    subject: {
      sv: `Ny medlemsansökan: ${request.organisationName}`,
      en: `New membership request: ${request.organisationName}`,
    },
    summary: {
      sv: `${request.organisationName} vill bli medlem i ${request.clusterName}.`,
      en: `${request.organisationName} would like to join ${request.clusterName}.`,
    },
    url: `/admin/requests/${request.id}`,
  });
}

export async function mailDecision(
  handle: DatabaseHandle,
  request: JoinRequestRecord,
): Promise<void> {
  const sv = request.language === 'sv';
  const accepted = request.status === 'accepted';
  const paragraphs = accepted
    ? sv
      ? [
          `${request.clusterName} har godkänt ansökan från ${request.organisationName}. Välkommen!`,
          'Klustret hör av sig om vad som händer nu.',
        ]
      : [
          `${request.clusterName} has accepted the request from ${request.organisationName}. Welcome!`,
          'The cluster will be in touch about what happens next.',
        ]
    : sv
      ? [
          `${request.clusterName} har tyvärr inte kunnat godkänna ansökan från ${request.organisationName}.`,
          `Skäl: ${request.declineReason ?? ''}`,
        ]
      : [
          `${request.clusterName} could not accept the request from ${request.organisationName}.`,
          `Reason: ${request.declineReason ?? ''}`,
        ];
  const heading = accepted
    ? sv
      ? 'Ansökan är godkänd'
      : 'Your request is accepted'
    : sv
      ? 'Besked om din ansökan'
      : 'About your request';
  const { text, html } = renderMail({ language: request.language, heading, paragraphs });
  await sendMail(handle, {
    to: request.email,
    language: request.language,
    subject: `${heading}: ${request.clusterName}`,
    text,
    html,
    kind: accepted ? 'join.accepted' : 'join.declined',
  });
}
