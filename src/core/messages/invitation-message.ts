import type { TemplateLanguage } from './message-templates.js';
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
  /** The language the invitee reads (a patient's record says which); English when absent. */
  language?: TemplateLanguage;
}

interface InvitationWords {
  /** "as a practitioner", by role; `other` for a role without its own words. */
  as: Record<string, string>;
  other: (role: string) => string;
  subject: (clinic: string) => string;
  hello: (name: string) => string;
  invites: (inviter: string, clinic: string, as: string) => string;
  choosePassword: string;
  expiry: (expires: string, inviter: string) => string;
}

const words: Record<TemplateLanguage, InvitationWords> = {
  en: {
    as: {
      admin: 'as an administrator',
      practitioner: 'as a practitioner',
      reception: 'as reception',
      patient: 'as a patient (the portal)',
    },
    other: (role) => `as ${role}`,
    subject: (clinic) => `${clinic}: your invitation to mesodesk`,
    hello: (name) => `Hello ${name},`,
    invites: (inviter, clinic, as) => `${inviter} invites you to sign in to mesodesk at ${clinic}, ${as}.`,
    choosePassword: 'Choose your password here:',
    expiry: (expires, inviter) =>
      `The link works once, until ${expires}. If it has expired, ask ${inviter} for a new one.`,
  },
  // No suffix on a name or date: its ending would depend on the value's last vowel.
  tr: {
    as: {
      admin: 'yönetici olarak',
      practitioner: 'uygulayıcı olarak',
      reception: 'resepsiyon görevlisi olarak',
      patient: 'hasta olarak (hasta portalı)',
    },
    other: (role) => `${role} olarak`,
    subject: (clinic) => `${clinic}: mesodesk davetiniz`,
    hello: (name) => `Merhaba ${name},`,
    invites: (inviter, clinic, as) => `${inviter}, sizi ${clinic} için mesodesk'e ${as} davet ediyor.`,
    choosePassword: 'Şifrenizi buradan belirleyin:',
    expiry: (expires, inviter) =>
      `Bağlantı yalnızca bir kez ve ${expires} tarihine kadar kullanılabilir. Süresi dolduysa yeni bir bağlantı için ${inviter} ile iletişime geçin.`,
  },
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
  const w = words[notice.language ?? 'en'];
  const { role } = notice.invitee;
  const as = (Object.hasOwn(w.as, role) ? w.as[role] : undefined) ?? w.other(role);
  return {
    subject: w.subject(notice.clinicName),
    body: [
      w.hello(notice.invitee.displayName),
      '',
      w.invites(notice.inviterName, notice.clinicName, as),
      w.choosePassword,
      notice.link,
      '',
      w.expiry(expires, notice.inviterName),
    ].join('\n'),
  };
}
