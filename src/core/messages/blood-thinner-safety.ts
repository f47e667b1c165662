/**
 * Stopping a prescribed anticoagulant or antiplatelet medicine can cause a stroke or a clot; that
 * decision belongs to the prescriber alone. So no message may say to stop one, whatever text the
 * knowledge base or a future edit supplies, and every preparation reminder says to keep taking them.
 */

export const keepTakingBloodThinners =
  'Keep taking any prescribed anticoagulant or antiplatelet medicine (blood thinner) exactly as prescribed; only the doctor who prescribed it decides on any change.';

const bloodThinner =
  /\b(anticoagula\w*|antiplatelet\w*|anti-platelet\w*|blood[- ]?thinn\w*|warfarin|coumadin|phenprocoumon|marcumar|heparin\w*|apixaban|rivaroxaban|edoxaban|dabigatran|clopidogrel|prasugrel|ticagrelor|doac|noac)\b/i;
const stopWord =
  /\b(stop\w*|paus\w*|discontinu\w*|skip\w*|interrupt\w*|omit\w*|withh[eo]ld\w*|cease\w*|quit\w*|hold off|come off|go off|leave out)\b/i;
const negated = /\b(never|not|don't|do not|keep|continue)\b/i;

function sentences(text: string): string[] {
  return text.split(/(?<=[.!?;])\s+/);
}

/** True when some sentence of `text` could be read as "stop your blood thinner". */
export function mightStopBloodThinners(text: string): boolean {
  return sentences(text).some((s) => bloodThinner.test(s) && stopWord.test(s) && !negated.test(s));
}

/** True when `text` tells the reader to keep taking their blood thinner. */
export function saysKeepTakingBloodThinners(text: string): boolean {
  return sentences(text).some(
    (s) => bloodThinner.test(s) && /\b(keep|continue)\b/i.test(s) && !mightStopBloodThinners(s),
  );
}

/** The instructions that are safe to send, in their order. */
export function safeInstructions<T extends { text: string }>(items: readonly T[]): T[] {
  return items.filter((item) => !mightStopBloodThinners(item.text));
}

/** The lines, with the keep-taking line added unless one of them already says so. */
export function withKeepTakingLine(lines: readonly string[]): string[] {
  return lines.some(saysKeepTakingBloodThinners) ? [...lines] : [...lines, keepTakingBloodThinners];
}

/** A medicine as the intake records it: what messages need to know of it. */
export interface MedicationLike {
  name?: string;
  class: string;
}

const aspirinName = /\b(aspirin\w*|acetylsalicylic|asa|ass|ecotrin|disprin|cardioaspirin|thrombo[- ]?ass)\b/i;
/** A dose or wording that marks aspirin taken against clots rather than for pain. */
const lowDoseAspirin = /\b(75|81|100|150)\s*mg\b|low[- ]?dose|baby aspirin|cardio|thrombo/i;

/**
 * True when the patient takes a prescribed anticoagulant or antiplatelet: a medicine of either class,
 * one named as such (warfarin listed as "other"), or aspirin unless it is recorded as an NSAID
 * painkiller without a low dose. Such a patient must never read "avoid aspirin": it could be taken
 * as an instruction to stop the aspirin a doctor prescribed against clots.
 */
export function takesBloodThinner(medications: readonly MedicationLike[]): boolean {
  return medications.some((m) => {
    if (m.class === 'anticoagulant' || m.class === 'antiplatelet') return true;
    const name = m.name ?? '';
    if (bloodThinner.test(name)) return true;
    return aspirinName.test(name) && (m.class !== 'nsaid' || lowDoseAspirin.test(name));
  });
}

const aspirinOrNsaid =
  /\b(aspirin\w*|nsaids?|ibuprofen|naproxen|diclofenac|anti-?inflammator\w*|blood[- ]?thinning (drugs|medicines?))\b/i;
const avoidWord =
  /\b(avoid\w*|refrain\w*|stop\w*|skip\w*|pause\w*|without|(do not|don't|not|never) (take|use)|not be (used|taken)|no (aspirin|nsaids?|ibuprofen|painkillers?))\b/i;
/** "Keep taking", "do not stop", "this never means stopping": about carrying on, not avoiding. */
const keepWord = /\b(keep|continue)\b|\b(never|not|don't)\b(\s+\w+){0,2}\s+(stop|pause|skip)\w*/i;

/** True when `text` tells the reader to avoid (or not take) aspirin or another NSAID. */
export function saysAvoidAspirin(text: string): boolean {
  return clausesOf(text).some((c) => aspirinOrNsaid.test(c) && avoidWord.test(c) && !keepWord.test(c));
}

/** Sentences, and the parts of a sentence joined by semicolons. */
function clausesOf(text: string): string[] {
  return sentences(text).flatMap((s) => s.split(/;\s*/));
}

/**
 * The instructions for a patient on a prescribed blood thinner: every "avoid aspirin / NSAIDs" clause
 * taken out. An instruction that is about avoiding them (its first clause says so) goes altogether,
 * so no dangling "if a doctor prescribed one" is left; in others only that clause goes ("use an ice
 * pack or ask the clinic which painkiller to take; avoid aspirin" keeps its first half).
 */
export function withoutAvoidAspirin<T extends { text: string }>(items: readonly T[]): T[] {
  const kept: T[] = [];
  for (const item of items) {
    if (!saysAvoidAspirin(item.text)) {
      kept.push(item);
      continue;
    }
    const parts = sentences(item.text).map((s) => s.split(/;\s*/));
    const first = parts[0]?.[0] ?? '';
    if (saysAvoidAspirin(first)) continue;
    const text = parts
      .map((clauses) => clauses.filter((c) => !saysAvoidAspirin(c)))
      .filter((clauses) => clauses.length > 0)
      .map((clauses) =>
        clauses
          .join('; ')
          .replace(/[,;:\s]+$/, '')
          .replace(/([^.!?])$/, '$1.'),
      )
      .join(' ');
    kept.push({ ...item, text });
  }
  return kept;
}

/** What a patient is told before and after a session, given whether they take a prescribed blood thinner. */
export function instructionsFor<T extends { text: string }>(items: readonly T[], bloodThinnerPatient: boolean): T[] {
  const safe = safeInstructions(items);
  return bloodThinnerPatient ? withoutAvoidAspirin(safe) : safe;
}

/** What the rules make of one instruction's text: undefined when they drop it, else what is given (itself when kept whole). */
export function decidedText(text: string, bloodThinnerPatient: boolean): string | undefined {
  return instructionsFor([{ text }], bloodThinnerPatient)[0]?.text;
}

/** True when the rules give `text` to a patient on a prescribed blood thinner whole: nothing to drop or cut. */
export function keptWholeOnBloodThinner(text: string): boolean {
  return decidedText(text, true) === text;
}

/**
 * As `instructionsFor`, but an instruction the rules shorten is given in the knowledge base's own
 * wording for a patient on a prescribed blood thinner (`wording`, e.g. the item's
 * `textOnBloodThinner`) rather than the rules' cut-down text. The rules still decide: what they drop
 * stays dropped, what they keep whole stays as it is, and a wording they would themselves cut or drop
 * is not used - the cut-down text is, as it is where no wording exists.
 */
export function instructionsWithWording<T extends { text: string }>(
  items: readonly T[],
  bloodThinnerPatient: boolean,
  wording: (item: T) => string | undefined,
): T[] {
  const out: T[] = [];
  for (const item of items) {
    const decided = instructionsFor([item], bloodThinnerPatient)[0];
    if (!decided) continue;
    const own = decided.text === item.text ? undefined : wording(item);
    out.push(own !== undefined && keptWholeOnBloodThinner(own) ? { ...item, text: own } : decided);
  }
  return out;
}
