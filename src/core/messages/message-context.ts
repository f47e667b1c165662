import type { TimedInstruction } from '../assessment/assessment-result.js';
import { parseInstant } from '../scheduling/instant.js';
import { instructionsFor, takesBloodThinner } from './blood-thinner-safety.js';
import type { LateSignsNotice } from './late-signs-notice.js';
import { localClock, type LocalClock } from './local-clock.js';
import type { BookedSession, MessageOptions, MessagePlan } from './message-types.js';
import { messagePhrases, type MessagePhrases } from './message-phrases.js';
import { preparationAdvice, type PreparationAdvice } from './preparation-advice.js';

/** What every message text is written from, worked out once per session. */
export interface MessageContext {
  session: BookedSession;
  plan: MessagePlan;
  clock: LocalClock;
  startMs: number;
  endMs: number;
  advice: PreparationAdvice;
  /** Whether the patient takes a prescribed anticoagulant or antiplatelet: then no "avoid aspirin", only "keep taking". */
  bloodThinner: boolean;
  /** The plan's aftercare as this patient may read it (blood-thinner-safety.ts). */
  aftercare: TimedInstruction[];
  lateSigns: LateSignsNotice;
  /** The portal page where the patient reports a side effect of this session. */
  sideEffectUrl: string;
  /** The words around the clinical texts, in the message's language. */
  phrases: MessagePhrases;
}

export function sideEffectReportUrl(baseUrl: string, sessionId: string): string {
  return `${baseUrl.replace(/\/+$/, '')}/portal/sessions/${encodeURIComponent(sessionId)}/side-effects/new`;
}

/** Throws RangeError for a start that is not an instant, a duration that is not positive, or an unknown zone or locale. */
export function messageContext(
  session: BookedSession,
  plan: MessagePlan,
  options: Pick<MessageOptions, 'baseUrl' | 'lateSigns' | 'wording'>,
): MessageContext {
  const startMs = parseInstant(session.start);
  const bloodThinner = takesBloodThinner(session.patient.medications ?? []);
  const phrases = messagePhrases(options.wording?.language ?? 'en');
  if (!Number.isFinite(session.durationMinutes) || session.durationMinutes <= 0)
    throw new RangeError(`duration must be positive minutes, not ${session.durationMinutes}`);
  return {
    session,
    plan,
    clock: localClock(session.timeZone, session.locale),
    startMs,
    endMs: startMs + session.durationMinutes * 60_000,
    advice: preparationAdvice(plan, session.numbingCream, bloodThinner, phrases.keepTaking),
    bloodThinner,
    aftercare: instructionsFor(plan.aftercare, bloodThinner),
    lateSigns: options.lateSigns,
    sideEffectUrl: sideEffectReportUrl(options.baseUrl, session.id),
    phrases,
  };
}
