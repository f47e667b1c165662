import type { KnowledgeBase } from '../../core/knowledge/knowledge-base.js';
import { normaliseTerm } from '../../core/knowledge/knowledge-base.js';
import { allergensNamedIn } from '../../core/treatment/allergy-terms.js';
import type { ProductRecord } from '../../core/records/index.js';
import { DomainError } from '../domain-errors.js';
import type { SessionTreatmentCheck } from './treatment-check.js';

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

/** The allergy the patient recorded that the allergen stands for, as written; the allergen itself if none is found. */
function recordedAllergy(allergen: string, allergies: readonly { substance: string }[], kb: KnowledgeBase): string {
  const match = allergies.find(({ substance }) => {
    const term = normaliseTerm(substance);
    return term === allergen || kb.ingredientLookup.get(term) === allergen;
  });
  return match?.substance ?? allergen;
}

const ingredientName = (ingredient: string, kb: KnowledgeBase) => kb.ingredients.get(ingredient)?.name ?? ingredient;

/** Every allergen of the patient's among the ingredients of the products, after the knowledge base's aliases. */
export function productAllergens(
  products: readonly ProductRecord[],
  check: Pick<SessionTreatmentCheck, 'allergens' | 'allergies'>,
  kb: KnowledgeBase,
): ProductAllergen[] {
  return products.flatMap((product) =>
    product.ingredients.flatMap((ingredient) =>
      allergensNamedIn(ingredient, check.allergens, kb).map((allergen) => ({
        productId: product.id,
        productName: product.name,
        ingredient,
        allergen,
        allergy: recordedAllergy(allergen, check.allergies, kb),
      })),
    ),
  );
}

/**
 * 409 `product_allergy` when a charted product holds something the patient is allergic to, naming
 * each product, ingredient and allergy. What is injected is judged by the product's ingredients (the
 * knowledge base's, so any alias counts), not by its name. Never overridable.
 */
export function assertProductsTolerated(
  products: readonly ProductRecord[],
  check: Pick<SessionTreatmentCheck, 'allergens' | 'allergies'>,
  kb: KnowledgeBase,
): void {
  const found = productAllergens(products, check, kb);
  if (found.length === 0) return;
  const described = found.map(
    (f) => `${f.productName} holds ${ingredientName(f.ingredient, kb)}, and the patient is allergic to ${f.allergy}`,
  );
  throw new DomainError(
    'conflict',
    'product_allergy',
    `${described.join('; ')}: ${found.length === 1 ? 'it' : 'they'} cannot be charted for this patient`,
    {
      allergen: found[0]?.allergen,
      allergens: [...new Set(found.map((f) => f.allergen))],
      products: found.map(({ productId, productName, ingredient, allergy }) => ({
        productId,
        productName,
        ingredient,
        allergy,
      })),
    },
  );
}
