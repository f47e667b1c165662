import type { KnowledgeBase } from '../knowledge/knowledge-base.js';
import { normaliseTerm } from '../knowledge/knowledge-base.js';
import type { ProductRecord } from '../records/index.js';
import { allergensNamedIn, type PatientAllergens } from './allergy-terms.js';

/** One of the patient's allergens in a charted product. */
export interface ProductAllergen {
  productId: string;
  productName: string;
  /** The product's ingredient that holds it (a knowledge-base id, or its name as stored). */
  ingredient: string;
  /** The allergen as the knowledge base knows it (an ingredient id, or the substance as written). */
  allergen: string;
  /** The patient's allergy as recorded at intake. */
  allergy: string;
}

/** The patient's allergies as recorded, and the allergens the knowledge base reads in them. */
export interface RecordedAllergies {
  allergens: PatientAllergens;
  allergies: readonly { substance: string }[];
}

/** The allergy the patient recorded that the allergen stands for, as written; the allergen itself if none is found. */
function recordedAllergy(allergen: string, allergies: readonly { substance: string }[], kb: KnowledgeBase): string {
  const match = allergies.find(({ substance }) => {
    const term = normaliseTerm(substance);
    return term === allergen || kb.ingredientLookup.get(term) === allergen;
  });
  return match?.substance ?? allergen;
}

/** Every allergen of the patient's among the ingredients of the products, after the knowledge base's aliases. */
export function productAllergens(
  products: readonly ProductRecord[],
  patient: RecordedAllergies,
  kb: KnowledgeBase,
): ProductAllergen[] {
  return products.flatMap((product) =>
    product.ingredients.flatMap((ingredient) =>
      allergensNamedIn(ingredient, patient.allergens, kb).map((allergen) => ({
        productId: product.id,
        productName: product.name,
        ingredient,
        allergen,
        allergy: recordedAllergy(allergen, patient.allergies, kb),
      })),
    ),
  );
}
