import type { TimedInstruction } from '../assessment/assessment-result.js';
import { instructionsFor, keepTakingBloodThinners, saysKeepTakingBloodThinners } from './blood-thinner-safety.js';
import type { MessagePlan } from './message-types.js';

/** The knowledge-base item about arriving early for numbing cream: its timing comes from the plan's lead time instead. */
const numbingCreamArrival = 'arrive_for_numbing_cream';
/** The knowledge-base item that says to keep taking prescribed blood thinners, in whichever language. */
const keepTakingItem = 'keep_prescribed_blood_thinners';
/** Items covering at least a day are for the days before; shorter ones are for the day itself. */
const dayHours = 24;

export interface PreparationAdvice {
  /** Lines for the days before the session (with the keep-taking line), or empty when the plan has none. */
  beforehand: string[];
  /** How many hours before the session the earliest of them starts: when the reminder is due. */
  leadHours: number;
  /** Lines for the day itself. */
  onTheDay: string[];
  /** Minutes to arrive early for numbing cream, or null when none is planned. */
  arriveEarlyMinutes: number | null;
}

/**
 * Splits the plan's preparation items by when they matter; only safe texts pass, and a patient on a
 * prescribed blood thinner gets no "avoid aspirin" (blood-thinner-safety.ts). The days before end
 * with `keepTaking` (the English line unless the message's language gives its own) unless an item
 * already says so: the knowledge base's keep-taking item, in any language, or an English text.
 */
export function preparationAdvice(
  plan: MessagePlan,
  numbingCream: boolean,
  bloodThinner: boolean,
  keepTaking: string = keepTakingBloodThinners,
): PreparationAdvice {
  const items = instructionsFor(
    plan.preparation.filter((i) => i.code !== numbingCreamArrival),
    bloodThinner,
  );
  const beforehand: TimedInstruction[] = items.filter((i) => i.hours.max >= dayHours);
  const cream = numbingCream && plan.preparation.some((i) => i.code === numbingCreamArrival);
  const saysKeepTaking = beforehand.some((i) => i.code === keepTakingItem || saysKeepTakingBloodThinners(i.text));
  const lines = beforehand.map((i) => i.text);
  return {
    beforehand: beforehand.length ? [...lines, ...(saysKeepTaking ? [] : [keepTaking])] : [],
    leadHours: Math.max(0, ...beforehand.map((i) => i.hours.max)),
    onTheDay: items.filter((i) => i.hours.max < dayHours).map((i) => i.text),
    arriveEarlyMinutes: cream ? Math.ceil(plan.anaesthesia.leadMinutes.max) : null,
  };
}
