import type { KnowledgeBase } from '../knowledge/knowledge-base.js';
import type { ContraindicationRule, PrecautionRule } from '../knowledge/schema/rules-schema.js';
import { compileCondition, type CompiledCondition } from './evaluate-condition.js';

export interface CompiledRules {
  contraindications: { rule: ContraindicationRule; test: CompiledCondition }[];
  precautions: { rule: PrecautionRule; test: CompiledCondition }[];
}

const compiled = new WeakMap<KnowledgeBase, CompiledRules>();

/** The knowledge base's rules as functions, compiled on first use and kept with the knowledge base. */
export function compiledRules(kb: KnowledgeBase): CompiledRules {
  let rules = compiled.get(kb);
  if (!rules) {
    rules = {
      contraindications: kb.data.contraindications.contraindications.map((rule) => ({
        rule,
        test: compileCondition(rule.when),
      })),
      precautions: kb.data.precautions.precautions.map((rule) => ({ rule, test: compileCondition(rule.when) })),
    };
    compiled.set(kb, rules);
  }
  return rules;
}
