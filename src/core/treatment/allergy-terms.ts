import { UNKNOWN_ALLERGEN } from '../assessment/allergy-analysis.js';
import type { KnowledgeBase } from '../knowledge/knowledge-base.js';
import { normaliseTerm } from '../knowledge/knowledge-base.js';
import { isWordCharacter } from '../text/fold-text.js';

/** A patient's allergies, read against the knowledge base's ingredient names and aliases. */
export interface PatientAllergens {
  /** Knowledge-base ingredient ids the patient is allergic to. */
  ingredients: ReadonlySet<string>;
  /** Substances the knowledge base does not know, normalised; matched as written. */
  unrecognised: readonly string[];
  /** A past reaction to an unidentified component: no product or agent can be cleared. */
  unknownComponent: boolean;
}

export function patientAllergens(allergies: readonly { substance: string }[], kb: KnowledgeBase): PatientAllergens {
  const ingredients = new Set<string>();
  const unrecognised: string[] = [];
  let unknownComponent = false;
  for (const { substance } of allergies) {
    const term = normaliseTerm(substance);
    if (term === '') continue;
    if (term === UNKNOWN_ALLERGEN) unknownComponent = true;
    else {
      const id = kb.ingredientLookup.get(term);
      if (id) ingredients.add(id);
      else unrecognised.push(term);
    }
  }
  return { ingredients, unrecognised, unknownComponent };
}

const termsCache = new WeakMap<KnowledgeBase, Map<string, string[]>>();

/** Every normalised term (id, name, aliases) the knowledge base knows an ingredient by. */
export function termsOf(kb: KnowledgeBase, ingredientId: string): string[] {
  let byId = termsCache.get(kb);
  if (!byId) {
    byId = new Map();
    for (const [term, id] of kb.ingredientLookup) {
      const list = byId.get(id);
      if (list) list.push(term);
      else byId.set(id, [term]);
    }
    termsCache.set(kb, byId);
  }
  return byId.get(ingredientId) ?? [normaliseTerm(ingredientId)];
}

/**
 * Whether normalised free text names a normalised term as whole words: "lidocaine_cream" names
 * "lidocaine" and "numbing_cream", but "prilocaine" does not name "caine".
 */
export function namesTerm(text: string, term: string): boolean {
  if (term === '') return false;
  for (let at = text.indexOf(term); at !== -1; at = text.indexOf(term, at + 1)) {
    if (!isWordCharacter(text[at - 1]) && !isWordCharacter(text[at + term.length])) return true;
  }
  return false;
}

/**
 * The knowledge-base ingredient a product's or agent's free-text ingredient stands for: its exact
 * name or alias, else null.
 */
export function ingredientIdOf(text: string, kb: KnowledgeBase): string | null {
  return kb.ingredientLookup.get(normaliseTerm(text)) ?? null;
}

/**
 * The patient's allergens that free text (an anaesthetic's name, a product ingredient as written)
 * names, after the knowledge base's aliases: each as an ingredient id, or as the substance written
 * when the knowledge base does not know it. An unidentified past reaction names "unknown".
 */
export function allergensNamedIn(text: string, allergens: PatientAllergens, kb: KnowledgeBase): string[] {
  const normalised = normaliseTerm(text);
  const found: string[] = [];
  for (const id of allergens.ingredients)
    if (termsOf(kb, id).some((term) => namesTerm(normalised, term))) found.push(id);
  for (const term of allergens.unrecognised) if (namesTerm(normalised, term)) found.push(term);
  if (allergens.unknownComponent) found.push(UNKNOWN_ALLERGEN);
  return found;
}
