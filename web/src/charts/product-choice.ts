import type { JudgedProduct } from './treatment-check';

export interface ProductChoice<P> {
  /** What the product field offers: products that fit the plan first, the others only when asked for. */
  offered: P[];
  /** How many products are left out only because they do not fit the plan ("show all" brings them). */
  offPlan: number;
  /** Never offered: products containing something the patient is allergic to. */
  withheld: { product: P; allergens: string[] }[];
}

/**
 * Which products the chart form offers. A product the treatment check did not judge is treated as
 * not fitting the plan (fail closed: it is offered only under "show all"), and a product with any of
 * the patient's allergens is never offered, whatever "show all" says.
 */
export function productChoice<P extends { id: string }>(
  products: readonly P[],
  judged: readonly JudgedProduct[],
  showAll: boolean,
): ProductChoice<P> {
  const judgement = new Map(judged.map((j) => [j.id, j]));
  const withheld: ProductChoice<P>['withheld'] = [];
  const fitting: P[] = [];
  const others: P[] = [];
  for (const product of products) {
    const j = judgement.get(product.id);
    if (j && j.allergens.length > 0) withheld.push({ product, allergens: j.allergens });
    else if (j?.fitsPlan) fitting.push(product);
    else others.push(product);
  }
  return { offered: showAll ? [...fitting, ...others] : fitting, offPlan: showAll ? 0 : others.length, withheld };
}
