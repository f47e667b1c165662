/** What the contract calls a reaction to a substance nobody identified (core's UNKNOWN_ALLERGEN). */
export const UNKNOWN_ALLERGEN = 'unknown';

/** Lower case, and spaces, dashes and dots as underscores: how typed substances are compared here. */
export const foldSubstance = (text: string) =>
  text
    .trim()
    .toLowerCase()
    .replace(/[\s\-.]+/g, '_');

/** A drafted substance as the field shows it: "unknown" in the reader's word for it (`label`). */
export function shownAllergen(substance: string, label: string): string {
  return substance === UNKNOWN_ALLERGEN ? label : substance;
}

/** A tag the reader typed or picked, as the draft keeps it: their word for "unknown", or the English one, is the code. */
export function meantAllergen(tag: string, label: string): string {
  const folded = foldSubstance(tag);
  return folded === foldSubstance(label) || folded === UNKNOWN_ALLERGEN ? UNKNOWN_ALLERGEN : tag;
}
