import type { KnowledgeBase } from '../../core/knowledge/knowledge-base.js';
import type { ProductRecord } from '../../core/records/index.js';
import { productAllergens, type RecordedAllergies } from '../../core/treatment/product-allergens.js';
import { DomainError } from '../domain-errors.js';

const ingredientName = (ingredient: string, kb: KnowledgeBase) => kb.ingredients.get(ingredient)?.name ?? ingredient;

/**
 * 409 `product_allergy` when a charted product holds something the patient is allergic to, naming
 * each product, ingredient and allergy. What is injected is judged by the product's ingredients (the
 * knowledge base's, so any alias counts), not by its name. Never overridable.
 */
export function assertProductsTolerated(
  products: readonly ProductRecord[],
  check: RecordedAllergies,
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
