import type { MessageText } from './message-types.js';

/** An invitation to become a user of a clinic, as its email describes it. */
export interface InvitationNotice {
  invitee: { displayName: string; role: string };
  inviterName: string;
  clinicName: string;
  /** The one-time link. */
  link: string;
  expiresAt: string;
  /** BCP 47 tag and IANA zone the expiry is written in. */
  locale: string;
  timeZone: string;
}

const roleNames: Record<string, string> = {
  admin: 'an administrator',
  practitioner: 'a practitioner',
  reception: 'reception',
  patient: 'a patient (the portal)',
};

/**
 * What the outbox keeps of an invitation once it is used or withdrawn: the text without the link,
 * so that the stored message holds no key.
 */
export const closedInvitationBody = 'This invitation to mesodesk has been used or withdrawn: its link no longer works.';

/** The invitation: who invites whom, as what, and the link, which works once and until it expires. */
export function invitationMessage(notice: InvitationNotice): MessageText {
  const expires = new Intl.DateTimeFormat(notice.locale, {
    year: 'numeric',
    month: 'long',
    day: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    timeZone: notice.timeZone,
    timeZoneName: 'short',
  }).format(new Date(notice.expiresAt));
  const role = roleNames[notice.invitee.role] ?? notice.invitee.role;
  return {
    subject: `${notice.clinicName}: your invitation to mesodesk`,
    body: [
      `Hello ${notice.invitee.displayName},`,
      '',
      `${notice.inviterName} invites you to sign in to mesodesk at ${notice.clinicName}, as ${role}.`,
      'Choose your password here:',
      notice.link,
      '',
      `The link works once, until ${expires}. If it has expired, ask ${notice.inviterName} for a new one.`,
    ].join('\n'),
  };
}
