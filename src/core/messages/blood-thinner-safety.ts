/**
 * Stopping a prescribed anticoagulant or antiplatelet medicine can cause a stroke or a clot; that
 * decision belongs to the prescriber alone. So no message may say to stop one, whatever text the
 * knowledge base or a future edit supplies, and every preparation reminder says to keep taking them.
 */

export const keepTakingBloodThinners =
  'Keep taking any prescribed anticoagulant or antiplatelet medicine (blood thinner) exactly as prescribed; only the doctor who prescribed it decides on any change.';

const bloodThinner =
  /\b(anticoagula\w*|antiplatelet\w*|anti-platelet\w*|blood[- ]?thinn\w*|warfarin|coumadin|phenprocoumon|marcumar|heparin\w*|apixaban|rivaroxaban|edoxaban|dabigatran|clopidogrel|prasugrel|ticagrelor|doac|noac)\b/i;
const stopWord = /\b(stop\w*|paus\w*|discontinu\w*|skip\w*|interrupt\w*|omit\w*|withh[eo]ld\w*|cease\w*|quit\w*|hold off|come off|go off|leave out)\b/i;
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
  return sentences(text).some((s) => bloodThinner.test(s) && /\b(keep|continue)\b/i.test(s) && !mightStopBloodThinners(s));
}

/** The instructions that are safe to send, in their order. */
export function safeInstructions<T extends { text: string }>(items: readonly T[]): T[] {
  return items.filter((item) => !mightStopBloodThinners(item.text));
}

/** The lines, with the keep-taking line added unless one of them already says so. */
export function withKeepTakingLine(lines: readonly string[]): string[] {
  return lines.some(saysKeepTakingBloodThinners) ? [...lines] : [...lines, keepTakingBloodThinners];
}
