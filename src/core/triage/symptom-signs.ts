import type { KnowledgeBase } from '../knowledge/knowledge-base.js';
import type { SideEffect, SideEffectSign } from '../knowledge/schema/care-schema.js';

/** A sign a report can name, with the side effect it belongs to. */
export interface SymptomSign {
  sign: SideEffectSign;
  effect: SideEffect;
}

const signIndexes = new WeakMap<KnowledgeBase, Map<string, SymptomSign>>();

/** Every sign of the knowledge base's side effects, by its code (the codes a report's `symptoms` take), in file order. */
export function symptomSigns(kb: KnowledgeBase): Map<string, SymptomSign> {
  let index = signIndexes.get(kb);
  if (!index) {
    index = new Map(
      kb.data.sideEffects.sideEffects.flatMap((effect) =>
        effect.signs.map((sign) => [sign.code, { sign, effect }] as const),
      ),
    );
    signIndexes.set(kb, index);
  }
  return index;
}

/** The sign codes a report may name, in file order. */
export function symptomCodes(kb: KnowledgeBase): string[] {
  return [...symptomSigns(kb).keys()];
}
