import { z } from 'zod';
import { id } from './common.js';

/**
 * The small language in which contraindication and precaution rules are written over the intake.
 * Each condition is an object with exactly one key; see knowledge/README.md for examples.
 */

/** A value to match an optional intake attribute: exact boolean, or 'unknown' when it was not given. */
const attributeMatch = z.union([z.boolean(), z.literal('unknown')]);
const attributeMatches = z.union([attributeMatch, z.array(attributeMatch).min(1)]);

const conditionMatcher = z.strictObject({
  /** Condition codes; omitted = any condition. */
  codes: z.array(id).min(1).optional(),
  controlled: attributeMatches.optional(),
  insulinDependent: attributeMatches.optional(),
  active: attributeMatches.optional(),
  medicationCount: z.union([z.strictObject({ atLeast: z.number().int().nonnegative() }), z.literal('unknown')]).optional(),
});

const window = {
  withinDays: z.number().int().positive().optional(),
  withinMonths: z.number().int().positive().optional(),
};

export type RuleCondition =
  | { ageUnder: number }
  | { patientFlag: 'pregnant' | 'breastfeeding' | 'needleFear' }
  | { siteFlag: 'inflammation' | 'skinDamage' }
  | { condition: z.output<typeof conditionMatcher> }
  | { medication: { classes: string[]; withinDays?: number } }
  | { recentEvent: { procedures?: string[]; conditions?: string[]; withinDays?: number; withinMonths?: number } }
  | { requestArea: string[] }
  | { requestIndication: string[] }
  | { combinedProcedures: true }
  | { areaOutsideIndication: true }
  | { allergy: 'unavoidable' | 'excluded' | 'unrecognised' | { to: string[] } }
  | { screeningIncomplete: true }
  | { anyOf: RuleCondition[] }
  | { allOf: RuleCondition[] }
  | { not: RuleCondition };

export const ruleConditionSchema: z.ZodType<RuleCondition> = z.lazy(() =>
  z.union([
    z.strictObject({ ageUnder: z.number().int().positive() }),
    z.strictObject({ patientFlag: z.enum(['pregnant', 'breastfeeding', 'needleFear']) }),
    z.strictObject({ siteFlag: z.enum(['inflammation', 'skinDamage']) }),
    z.strictObject({ condition: conditionMatcher }),
    z.strictObject({ medication: z.strictObject({ classes: z.array(id).min(1), withinDays: z.number().int().positive().optional() }) }),
    z.strictObject({
      recentEvent: z
        .strictObject({ procedures: z.array(id).optional(), conditions: z.array(id).optional(), ...window })
        .refine((e) => (e.withinDays === undefined) !== (e.withinMonths === undefined), {
          message: 'give exactly one of withinDays and withinMonths',
        }),
    }),
    z.strictObject({ requestArea: z.array(id).min(1) }),
    z.strictObject({ requestIndication: z.array(id).min(1) }),
    z.strictObject({ combinedProcedures: z.literal(true) }),
    z.strictObject({ areaOutsideIndication: z.literal(true) }),
    z.strictObject({
      allergy: z.union([z.enum(['unavoidable', 'excluded', 'unrecognised']), z.strictObject({ to: z.array(id).min(1) })]),
    }),
    z.strictObject({ screeningIncomplete: z.literal(true) }),
    z.strictObject({ anyOf: z.array(ruleConditionSchema).min(1) }),
    z.strictObject({ allOf: z.array(ruleConditionSchema).min(1) }),
    z.strictObject({ not: ruleConditionSchema }),
  ]),
);
