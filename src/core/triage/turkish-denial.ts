/**
 * The one Turkish denial the triage reads: a term followed at once by "yok" (there is none) or
 * "olmadı" (did not happen), with at most "da"/"de" (either) and "hiç" (at all) between - "irin yok",
 * "ateşim hiç olmadı", "ağrı da yok". Turkish puts the denial after what it denies and builds most
 * negations into the verb ("iyileşmiyor": not healing), so an English-style scope rule cannot read it.
 *
 * Kept narrow on purpose, since a denied term cannot raise the urgency while a missed denial only
 * over-triages:
 * - only the term right before the denial word: in "kızarıklık, şişlik veya irin yok" only "irin" is
 *   denied, and "irin akıyor ateş yok" denies the fever, never the pus;
 * - "değil" (is not) denies nothing: "sadece kızarıklık değil" means "not only redness";
 * - past "yoktu" (there was none) denies nothing: "kızarıklık yoktu, şimdi var" reports redness now;
 * - no denial when a word after it turns it round: a question ("yok mu", "yok?"), "yok değil" (it is
 *   not that there is none), "yok olmadı"/"yok oldu" (did not go away / went away), "yok edemedim"
 *   (could not get rid of it), "yok gibi", "yok denecek kadar" (all but none), "yok artık", "yok hâlâ".
 *
 * Reads folded text (see fold-text.ts): "hiç" is "hic", "olmadı" is "olmadi", "hâlâ" is "hala".
 */
const TURKISH_DENIAL =
  /^\s+(?:(?:da|de)\s+)?(?:hic\s+)?(?:yok|yoktur|olmadi)(?![\p{L}\p{N}'])(?!\s*\?)(?!\s+(?:mu|mi|mudur|midir|degil\p{L}*|ol\p{L}*|ed\p{L}*|et\p{L}*|gibi|den\p{L}*|say\p{L}*|artik|hala|ki)(?![\p{L}\p{N}]))/u;

/** How far after a term the denial may stand: "da hiç olmadı" and what turns it round, with room to spare. */
const LOOK_AHEAD = 60;

/** Whether the folded text denies, in Turkish, the term that ends at `end`. */
export function deniedInTurkish(folded: string, end: number): boolean {
  return TURKISH_DENIAL.test(folded.slice(end, end + LOOK_AHEAD));
}
