import { z } from 'zod';
import { conflictRefs, id, range, sourced, text } from './common.js';

const timedInstruction = z.strictObject({
  code: id,
  text,
  /**
   * The instruction as a patient on a prescribed blood thinner is given it, where the blood-thinner
   * rules (src/core/messages/blood-thinner-safety.ts) shorten `text` for them: so that patient reads
   * it in their own language too. Required exactly there, and the rules must leave it whole
   * (checked on load, see blood-thinner-wording.ts); its facts are among those the item cites.
   */
  textOnBloodThinner: text.optional(),
  /** Hours before (preparation) or after (aftercare) the session that it covers. */
  hours: range,
  /** Limit to body regions; omitted = everywhere. */
  regions: z.array(z.enum(['face', 'scalp', 'body'])).optional(),
  conflicts: conflictRefs,
  ...sourced,
});

/** One thing a patient can tick on a report form (a report's `symptoms`), in the patient's words. */
export const sideEffectSignSchema = z.strictObject({
  code: id,
  /** What the form shows the patient. */
  patient: text,
  /** Words that recognise this sign in a report's free text. */
  terms: z.array(text).min(1),
});

export const sideEffectSchema = z.strictObject({
  code: id,
  name: text,
  /** Words a patient or clinician may use for it, for matching a report (besides its signs' terms). */
  terms: z.array(text).min(1),
  kind: z.enum(['expected', 'warning']),
  /** For expected effects: how long they usually last. */
  usualHours: range.optional(),
  /** Longer usual duration around the eyes. */
  periorbitalUsualHours: range.optional(),
  /** For warning signs: how soon a clinician must see it. */
  urgency: z.enum(['urgent', 'review']).optional(),
  /** For expected effects: how soon a clinician must see one that lasts longer or starts later than usual (default review). */
  lateUrgency: z.enum(['urgent', 'review']).optional(),
  advice: text,
  /** What a report form offers for it; at least one, so every side effect can be reported by ticking. */
  signs: z.array(sideEffectSignSchema).min(1),
  conflicts: conflictRefs,
  ...sourced,
});

/**
 * The sentences a triage gives as its reasons (`why`), in mesodesk's own words: templates whose
 * `{name}` marks the triage fills (`fill`, src/core/text/fill-template.ts) - `{name}` the side
 * effect's name, `{hours}` how long it has lasted, `{days}` the latest day it began on, `{max}` its
 * usual duration in hours, `{terms}` the denied words. The decisions and figures are the side
 * effects' (above); these only word them, so they cite nothing.
 */
const triagePhrasesSchema = z.strictObject({
  warningUrgent: text,
  warningReview: text,
  noUsualDuration: text,
  lastedLonger: text,
  /** As `lastedLonger`, for an effect whose `lateUrgency` is urgent. */
  lastedLongerUrgent: text,
  beganLater: text,
  /** As `beganLater`, for an effect whose `lateUrgency` is urgent. */
  beganLaterUrgent: text,
  withinUsual: text,
  nothingKnown: text,
  severe: text,
  denied: text,
});

/** Sign codes are what reports store: one code, one meaning, across the whole file. */
const sideEffectsFile = z.strictObject({ sideEffects: z.array(sideEffectSchema).min(1), triage: triagePhrasesSchema }).superRefine((file, ctx) => {
  const seen = new Set<string>();
  file.sideEffects.forEach((effect, i) =>
    effect.signs.forEach((sign, j) => {
      if (seen.has(sign.code)) ctx.addIssue({ code: 'custom', path: ['sideEffects', i, 'signs', j, 'code'], message: `duplicate sign code "${sign.code}"` });
      seen.add(sign.code);
    }),
  );
});

/** What the patient is told to watch for after the aftercare window: signs that need a same-day call, at any time. */
const lateSignsSchema = z.strictObject({
  /** The heading line, e.g. "Call the clinic the same day ...". */
  intro: text,
  items: z
    .array(
      z.strictObject({
        code: id,
        /** In plain patient words. */
        text,
        /** Sign codes of side-effects.yaml that this item is about (checked to triage as urgent). */
        symptoms: z.array(id).min(1),
        ...sourced,
      }),
    )
    .min(1),
  ...sourced,
});

export const careSchemas = {
  preparation: z.strictObject({ preparation: z.array(timedInstruction).min(1) }),
  aftercare: z.strictObject({ aftercare: z.array(timedInstruction).min(1), lateSigns: lateSignsSchema }),
  sideEffects: sideEffectsFile,
};

export type TimedInstructionData = z.output<typeof timedInstruction>;
export type SideEffect = z.output<typeof sideEffectSchema>;
export type SideEffectSign = z.output<typeof sideEffectSignSchema>;
export type LateSignsData = z.output<typeof lateSignsSchema>;
export type TriagePhrases = z.output<typeof triagePhrasesSchema>;
