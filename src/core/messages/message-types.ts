import type { Plan, PlanAnaesthesia } from '../assessment/assessment-result.js';
import type { MedicationLike } from './blood-thinner-safety.js';
import type { LateSignsNotice } from './late-signs-notice.js';
import type { MessageTemplate, TemplateLanguage } from './message-templates.js';
import type { MessageTiming } from './message-timing.js';

/** Every message a booked session can give rise to, in the order a patient meets them. */
export const messageKinds = [
  'booking_confirmation',
  'preparation_reminder',
  'day_before_reminder',
  'aftercare',
  'check_in',
] as const;
export type MessageKind = (typeof messageKinds)[number];

/**
 * Messages about no session or patient: an alert to admins about a burst of refused requests, an
 * invitation to become a user of the clinic, and an alert to admins about new safety signals.
 */
export const staffMessageKinds = ['denial_alert', 'user_invitation', 'safety_signal'] as const;
export type StaffMessageKind = (typeof staffMessageKinds)[number];

/** Whatever the outbox holds. */
export type OutboxKind = MessageKind | StaffMessageKind;

/** A booked session as its messages see it: when, where, for whom. */
export interface BookedSession {
  id: string;
  /** ISO 8601 instant with `Z` or an offset. */
  start: string;
  durationMinutes: number;
  /** IANA zone of the clinic (the session's location): every time in a message is written in it. */
  timeZone: string;
  /** BCP 47 tag, e.g. `en-GB`: how dates and times are written. */
  locale: string;
  clinicName: string;
  /** Where to come ("Main room, 1 Test Street"), or null when the booking names no place. */
  place: string | null;
  /**
   * `medications`: the patient's medicines from their intake(s), so that a patient on a prescribed
   * blood thinner is never told to avoid aspirin; left out when no intake is known.
   */
  patient: { firstName: string; email: string; medications?: readonly MedicationLike[] };
  /** Whether numbing cream is planned for this session (the patient then arrives early). */
  numbingCream: boolean;
}

/** The parts of the assessment plan that messages quote. */
export type MessagePlan = Pick<Plan, 'preparation' | 'aftercare'> & {
  anaesthesia: Pick<PlanAnaesthesia, 'leadMinutes'>;
};

export interface MessageOptions {
  /** The moment of booking: messages due before it are not sent at all (the confirmation is due now). */
  now: Date;
  /** Where the patient portal lives, for links (e.g. `https://clinic.example`). */
  baseUrl: string;
  /** The knowledge base's signs that need a same-day call, whenever they appear (`lateSignsNotice`). */
  lateSigns: LateSignsNotice;
  /** The clinic's timing; the defaults (`defaultMessageTiming`) when absent. */
  timing?: MessageTiming;
  /**
   * The clinic's own texts in one language; the default texts of that language (`defaultTemplatesFor`)
   * for kinds without one, and the English ones when absent.
   */
  wording?: MessageWording;
}

/** The language a clinic writes to patients in, and its own texts in that language by kind. */
export interface MessageWording {
  language: TemplateLanguage;
  templates: Partial<Record<MessageKind, MessageTemplate>>;
}

export interface PlannedMessage {
  kind: MessageKind;
  /** `Date#toISOString()` form, so that text order is time order in the database. */
  dueAt: string;
  to: string;
  subject: string;
  body: string;
  /**
   * What the session's messages are about: when, where, in which zone, to whom. A message already
   * sent goes out again only when this changes (a rebooking), not when the wording would differ.
   */
  fingerprint: string;
}

/** Subject and body, before timing and addressing. */
export interface MessageText {
  subject: string;
  body: string;
}
