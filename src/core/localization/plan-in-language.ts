import type { MixtureIngredient, Plan, PlanExpectedEffect } from '../assessment/assessment-result.js';
import type { KnowledgeBase } from '../knowledge/knowledge-base.js';
import type { KnowledgeLibrary } from '../knowledge/knowledge-library.js';
import { instructionsIn } from './instructions-in-language.js';

/**
 * The list mapped; a list a plan stored before the knowledge base gave it (undefined, whatever the
 * type says) stays undefined rather than becoming an empty one.
 */
function each<T>(list: readonly T[], map: (item: T) => T): T[] {
  return (list as readonly T[] | undefined)?.map(map) ?? (list as T[]);
}

/** Where a text of a plan comes from in a knowledge base (undefined when that base has no such entry). */
type Pick = (kb: KnowledgeBase) => string | undefined;

/**
 * The text in the target base when `stored` is the text `pick` finds in one of the library's
 * languages; otherwise `stored` as it is (a text made for the patient, or from an earlier knowledge
 * base, has no translation).
 */
function swap(stored: string, library: KnowledgeLibrary, target: KnowledgeBase, pick: Pick): string {
  const known = library.languages.some((language) => pick(library.for(language)) === stored);
  return known ? (pick(target) ?? stored) : stored;
}

/**
 * A plan (an assessment's, or the one a course keeps) in the words of `language`: every text that is
 * a knowledge-base text is given in that language, found by its code or id; codes, numbers and
 * sources stay as they are, and so does every text the plan made for its patient. `bloodThinner`,
 * when known, decides the instructions again on their English (see `instructionsIn`). The stored
 * plan is not changed.
 */
export function planInLanguage(
  plan: Plan,
  library: KnowledgeLibrary,
  language: string,
  options: { bloodThinner?: boolean } = {},
): Plan {
  const target = library.for(language);
  if (target === library.base && library.languages.length === 1 && options.bloodThinner === undefined) return plan;
  const text = (stored: string, pick: Pick) => swap(stored, library, target, pick);
  const protocol = (kb: KnowledgeBase) => kb.protocols.get(plan.protocol.id);
  const mixture = (kb: KnowledgeBase) => kb.mixtures.get(plan.mixture.id);
  const anaesthesia = (kb: KnowledgeBase) => kb.data.procedure.anaesthesia;
  const ingredient = (i: MixtureIngredient): MixtureIngredient => ({
    ...i,
    name: text(i.name, (kb) => kb.ingredients.get(i.id)?.name),
  });
  const effect = (e: PlanExpectedEffect): PlanExpectedEffect => ({
    ...e,
    text: text(e.text, (kb) => kb.sideEffects.get(e.code)?.advice),
  });
  const localized: Plan = {
    ...plan,
    protocol: { ...plan.protocol, note: text(plan.protocol.note, (kb) => protocol(kb)?.note) },
    maintenance: {
      ...plan.maintenance,
      note: text(plan.maintenance.note, (kb) => protocol(kb)?.maintenance.note),
    },
    mixture: {
      ...plan.mixture,
      name: text(plan.mixture.name, (kb) => mixture(kb)?.name),
      note: text(plan.mixture.note, (kb) => mixture(kb)?.note),
      ingredients: each(plan.mixture.ingredients, ingredient),
      excluded: each(plan.mixture.excluded, ingredient),
    },
    anaesthesia: {
      ...plan.anaesthesia,
      agent: text(plan.anaesthesia.agent, (kb) => anaesthesia(kb).agent),
      note: text(plan.anaesthesia.note, (kb) =>
        plan.anaesthesia.creamOffered ? anaesthesia(kb).note : anaesthesia(kb).withoutCreamNote,
      ),
    },
    resultsExpected: {
      ...plan.resultsExpected,
      note: text(plan.resultsExpected.note, (kb) => protocol(kb)?.resultsAfterSession.note),
    },
    preparation: instructionsIn(plan.preparation, 'preparation', library, language, options.bloodThinner),
    aftercare: instructionsIn(plan.aftercare, 'aftercare', library, language, options.bloodThinner),
    expectedSideEffects: each(plan.expectedSideEffects, effect),
  };
  if (plan.laterIntervalDays) {
    const later = plan.laterIntervalDays;
    localized.laterIntervalDays = { ...later, note: text(later.note, (kb) => protocol(kb)?.laterIntervalDays?.note) };
  }
  return localized;
}
