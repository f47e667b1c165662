import type { Plan, Range, Sourced } from '../assessment/assessment-result.js';
import type { KnowledgeBase } from '../knowledge/knowledge-base.js';
import { normaliseTerm } from '../knowledge/knowledge-base.js';
import { allergensNamedIn, ingredientIdOf, namesTerm, termsOf, type PatientAllergens } from './allergy-terms.js';

/** An anaesthetic the clinic may use, judged against the patient's allergies. */
export interface AnaesthesiaAgentView {
  name: string;
  /** The knowledge-base ingredient the agent contains (its normalised name when none is known). */
  ingredient: string;
  allowed: boolean;
  /** Why not, when not allowed. */
  why: string | null;
}

/** What the chart page needs of the plan for the session: the ranges, the mixture and the anaesthesia. */
export interface TreatmentPlanView {
  depthMm: Range & Sourced;
  /** Null: the knowledge base gives no volume range per point. */
  volumeMl: (Range & Sourced) | null;
  mixture: { id: string; name: string; ingredients: string[]; excluded: string[] } & Sourced;
  anaesthesia: { creamOffered: boolean; agents: string[] } & Sourced;
}

/** A clinic product judged against the plan and the patient's allergies. */
export interface JudgedProduct {
  id: string;
  name: string;
  ingredients: string[];
  fitsPlan: boolean;
  /** The patient's allergens among its ingredients (ingredient ids, or substances as written). */
  allergens: string[];
}

function unique(values: readonly string[]): string[] {
  return [...new Set(values)];
}

/**
 * The anaesthetics the knowledge base names (the numbing cream), each with the ingredient it
 * contains and whether this patient may have it: not when its name or its ingredient's names
 * (after aliases) name one of their allergens.
 */
export function anaesthesiaAgents(kb: KnowledgeBase, allergens: PatientAllergens): AnaesthesiaAgentView[] {
  const name = kb.data.procedure.anaesthesia.agent;
  const text = normaliseTerm(name);
  const ingredient =
    [...kb.ingredients.values()].find(
      (i) => i.group === 'anaesthetic' && termsOf(kb, i.id).some((term) => namesTerm(text, term)),
    )?.id ??
    ingredientIdOf(name, kb) ??
    text;
  const hits = unique([
    ...allergensNamedIn(name, allergens, kb),
    ...(allergens.ingredients.has(ingredient) ? [ingredient] : []),
  ]);
  return [
    {
      name,
      ingredient,
      allowed: hits.length === 0,
      why: hits.length ? `patient allergic to ${hits.join(', ')}` : null,
    },
  ];
}

/**
 * The plan's ranges, mixture (ingredient ids, allergens left out) and the anaesthetics this
 * patient may have. The numbing cream is offered only when the plan offers it and no agent is
 * ruled out by an allergy.
 */
export function treatmentPlanView(plan: Plan, agents: readonly AnaesthesiaAgentView[]): TreatmentPlanView {
  const allowedAgents = agents.filter((a) => a.allowed).map((a) => a.ingredient);
  return {
    depthMm: {
      min: plan.depthMm.min,
      max: plan.depthMm.max,
      sources: plan.depthMm.sources,
      citations: plan.depthMm.citations,
    },
    volumeMl: null,
    mixture: {
      id: plan.mixture.id,
      name: plan.mixture.name,
      ingredients: plan.mixture.ingredients.map((i) => i.id),
      excluded: plan.mixture.excluded.map((i) => i.id),
      sources: plan.mixture.sources,
      citations: plan.mixture.citations,
    },
    anaesthesia: {
      creamOffered: plan.anaesthesia.creamOffered && allowedAgents.length > 0,
      agents: plan.anaesthesia.creamOffered ? allowedAgents : [],
      sources: plan.anaesthesia.sources,
      citations: plan.anaesthesia.citations,
    },
  };
}

/**
 * Each product against the plan and the patient's allergies.
 *
 * `fitsPlan`: at least one of the product's ingredients is an ingredient of the plan's mixture, and
 * every ingredient the knowledge base recognises (by name or alias) is one; ingredients it does not
 * know (brand components such as biotin) cannot be judged and do not count against the product.
 * So a hair cocktail of B vitamins and zinc fits the scalp plan, a hyaluronic-acid booster does not,
 * and a product holding an ingredient the plan left out for an allergy never fits.
 *
 * `allergens`: the patient's allergens any ingredient names, after aliases.
 */
export function judgeProducts(
  products: readonly { id: string; name: string; ingredients: readonly string[] }[],
  plan: Plan | undefined,
  allergens: PatientAllergens,
  kb: KnowledgeBase,
): JudgedProduct[] {
  const mixture = new Set(plan?.mixture.ingredients.map((i) => i.id) ?? []);
  return products.map((product) => {
    const known = product.ingredients.map((i) => ingredientIdOf(i, kb)).filter((id): id is string => id !== null);
    const fitsPlan = known.length > 0 && known.every((id) => mixture.has(id));
    return {
      id: product.id,
      name: product.name,
      ingredients: [...product.ingredients],
      fitsPlan,
      allergens: unique(product.ingredients.flatMap((i) => allergensNamedIn(i, allergens, kb))),
    };
  });
}
