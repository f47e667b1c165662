import type { KnowledgeBase } from '../knowledge/knowledge-base.js';
import { normaliseTerm } from '../knowledge/knowledge-base.js';
import type { Mixture } from '../knowledge/schema/catalogue-schema.js';
import type { Patient } from './intake-schema.js';

/** How the patient's allergies meet the mixture for the requested treatment. */
export interface AllergyAnalysis {
  /** Ingredient ids the patient is allergic to (any, in or out of the mixture). */
  allergens: ReadonlySet<string>;
  /** Non-essential mixture ingredients left out because of an allergy (conflict `allergy_history`). */
  excluded: string[];
  /** Allergy to an essential ingredient, to every ingredient, or to an unidentified component. */
  unavoidable: boolean;
  /** Substances the knowledge base does not know. */
  unrecognised: string[];
}

export const UNKNOWN_ALLERGEN = 'unknown';

export function analyseAllergies(patient: Patient, mixture: Mixture, kb: KnowledgeBase): AllergyAnalysis {
  const allergens = new Set<string>();
  const unrecognised: string[] = [];
  let unknownComponent = false;
  for (const { substance } of patient.allergies) {
    const term = normaliseTerm(substance);
    if (term === UNKNOWN_ALLERGEN) unknownComponent = true;
    else {
      const id = kb.ingredientLookup.get(term);
      if (id) allergens.add(id);
      else unrecognised.push(substance);
    }
  }
  const excluded: string[] = [];
  let essentialHit = false;
  for (const { ingredient, essential } of mixture.ingredients) {
    if (!allergens.has(ingredient)) continue;
    if (essential) essentialHit = true;
    else excluded.push(ingredient);
  }
  const nothingLeft = excluded.length === mixture.ingredients.length;
  return { allergens, excluded, unavoidable: unknownComponent || essentialHit || nothingLeft, unrecognised };
}
