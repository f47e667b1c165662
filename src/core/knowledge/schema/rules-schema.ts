import { z } from 'zod';
import { conflictRefs, sourced, text, upperCode } from './common.js';
import { ruleConditionSchema } from './rule-condition-schema.js';

export const contraindicationSchema = z.strictObject({
  code: upperCode,
  kind: z.enum(['absolute', 'temporary']),
  title: text,
  when: ruleConditionSchema,
  message: text,
  conflicts: conflictRefs,
  ...sourced,
});

export const precautionRuleSchema = z.strictObject({
  code: upperCode,
  title: text,
  when: ruleConditionSchema,
  message: text,
  conflicts: conflictRefs,
  ...sourced,
});

export const rulesSchemas = {
  contraindications: z.strictObject({ contraindications: z.array(contraindicationSchema).min(1) }),
  precautions: z.strictObject({ precautions: z.array(precautionRuleSchema).min(1) }),
};

export type ContraindicationRule = z.output<typeof contraindicationSchema>;
export type PrecautionRule = z.output<typeof precautionRuleSchema>;
