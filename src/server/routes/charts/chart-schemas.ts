import { z } from 'zod';
import { consentStandingView } from '../consents/consent-schemas.js';
import type { KnowledgeBase } from '../../../core/knowledge/knowledge-base.js';
import { injectionTechniques } from '../../../storage/database-schema.js';
import { errorResponse, id, optionalText, text } from '../../validation/fields.js';
import { assessmentResultView, timestamp } from '../../views.js';

const number = (unit: string) =>
  z.number({ error: (issue) => (issue.input === undefined ? 'required' : `must be a number${unit}`) });
const mapPosition = number(' from 0 to 1')
  .min(0, { message: 'must be at least 0' })
  .max(1, { message: 'must be at most 1' });

/** A clinician's decision to treat despite temporary reasons: why, in their words. */
export const overrideBody = z.object(
  { reason: text(2000).describe('Why the session goes ahead despite the reasons (e.g. the prescriber agreed)') },
  { error: (issue) => (issue.input === undefined ? 'required' : 'must be an object with a reason') },
);

/** The chart of a session. Areas are checked against the knowledge base the app runs with. */
export function chartBody(kb: KnowledgeBase) {
  const areaCodes = [...kb.areas.keys()];
  const point = z.object({
    area: z
      .string({ error: (issue) => (issue.input === undefined ? 'required' : 'must be an area code') })
      .refine((code) => kb.areas.has(code), {
        message: `must be an area code of the knowledge base (${areaCodes.join(', ')})`,
      }),
    x: mapPosition.describe('from the left edge of the body map, 0..1'),
    y: mapPosition.describe('from the top edge of the body map, 0..1'),
    productId: id,
    lotId: id,
    volumeMl: number(' of millilitres')
      .gt(0, { message: 'must be more than 0' })
      .max(10, { message: 'must be at most 10' }),
    depthMm: number(' of millimetres')
      .min(0, { message: 'must be at least 0' })
      .max(13, { message: 'must be at most 13' }),
    technique: z.enum(injectionTechniques, { error: `must be one of: ${injectionTechniques.join(', ')}` }),
  });
  return z
    .object({
      anaesthesiaUsed: z.boolean({
        error: (issue) => (issue.input === undefined ? 'required' : 'must be true or false'),
      }),
      anaesthesiaAgent: optionalText(200),
      notes: optionalText(5000),
      points: z
        .array(point, {
          error: (issue) => (issue.input === undefined ? 'required' : 'must be a list of injection points'),
        })
        .min(1, { message: 'must list at least one injection point' })
        .max(1000, { message: 'must list at most 1000 injection points' }),
      override: overrideBody
        .nullable()
        .optional()
        .describe('Treat despite temporary reasons (a deferred session), giving why'),
      confirmOutsidePlan: z
        .boolean({ error: 'must be true or false' })
        .optional()
        .describe('The clinician confirms depths or volumes outside the plan'),
    })
    .superRefine((chart, ctx) => {
      if (chart.anaesthesiaUsed && !chart.anaesthesiaAgent)
        ctx.addIssue({ code: 'custom', path: ['anaesthesiaAgent'], message: 'required when anaesthesiaUsed is true' });
      if (!chart.anaesthesiaUsed && chart.anaesthesiaAgent)
        ctx.addIssue({
          code: 'custom',
          path: ['anaesthesiaAgent'],
          message: 'must be empty when anaesthesiaUsed is false',
        });
    });
}

export type ChartBody = z.output<ReturnType<typeof chartBody>>;
export type ChartPoint = ChartBody['points'][number];

const sourced = { sources: z.array(z.string()), citations: z.array(z.string()) };
const range = z.object({ min: z.number(), max: z.number() });

export const overrideView = z
  .object({
    id: z.string(),
    sessionId: z.string(),
    chartEntryId: z.string().nullable().describe('Null when the session was marked done without a chart'),
    reason: z.string(),
    verdict: z.string().describe('The verdict overridden (defer)'),
    reasons: z.array(z.string()).describe('The reason codes overridden'),
    by: z.string().nullable().describe('User id'),
    byName: z.string().nullable().describe("The clinician's display name"),
    at: timestamp,
  })
  .describe('A clinician treated despite temporary reasons');

export const addendumView = z.object({
  id: z.string(),
  chartEntryId: z.string(),
  text: z.string(),
  createdBy: z.string().nullable(),
  createdByName: z.string().nullable(),
  createdAt: timestamp,
});

export const addendumBody = z.object({ text: text(5000) });

export const chartView = z.object({
  id: z.string(),
  sessionId: z.string(),
  anaesthesiaUsed: z.boolean(),
  anaesthesiaAgent: z.string().nullable(),
  notes: z.string().nullable().optional().describe("The clinician's notes; left out for the patient"),
  createdBy: z.string().nullable(),
  createdAt: timestamp,
  updatedAt: timestamp,
  points: z.array(
    z.object({
      id: z.string(),
      chartEntryId: z.string(),
      area: z.string(),
      x: z.number(),
      y: z.number(),
      productId: z.string().nullable(),
      lotId: z.string().nullable(),
      volumeMl: z.number().nullable(),
      depthMm: z.number().nullable(),
      technique: z.enum(injectionTechniques),
    }),
  ),
  override: overrideView.nullable(),
  outsidePlanConfirmed: z.boolean().describe('The clinician confirmed depths or volumes outside the plan'),
  screening: z
    .object({ verdict: z.string(), knowledgeBaseVersion: z.string(), sessionDate: z.string() })
    .nullable()
    .describe('The screening the chart was written under (null on charts from before the treatment gate)'),
  addenda: z
    .array(addendumView)
    .optional()
    .describe('Later notes, oldest first (the chart itself never changes); left out for the patient'),
});

export const blockerView = z.object({
  code: z.string(),
  kind: z.enum(['absolute', 'temporary']),
  until: z.string().optional(),
  message: z.string(),
  questions: z
    .array(z.string())
    .optional()
    .describe('SCREENING_INCOMPLETE: each open screening question by field path'),
  ...sourced,
  overridable: z.boolean().describe('Whether a clinician may override this reason'),
});

const outsidePlanPoint = z.object({
  index: z.number().int(),
  field: z.string().describe('e.g. points[3].depthMm'),
  value: z.number(),
  range,
});

/** The chart's refusals (409) carry their details beside `error` and `message`. */
export const chartRefusalResponse = errorResponse.extend({
  verdict: z.string().nullable().optional().describe('treatment_blocked: the assessment verdict (null without one)'),
  reasons: z.array(blockerView).optional().describe('treatment_blocked: every blocker'),
  overridable: z
    .boolean()
    .optional()
    .describe('treatment_blocked: whether an override with a reason would be accepted'),
  points: z.array(outsidePlanPoint).optional().describe('outside_plan: each value outside the plan'),
  allergen: z
    .string()
    .optional()
    .describe('anaesthetic_allergy, product_allergy: the first allergen the agent or a product names'),
  allergens: z
    .array(z.string())
    .optional()
    .describe('anaesthetic_allergy, product_allergy: every allergen the agent or the products name'),
  products: z
    .array(z.object({ productId: z.string(), productName: z.string(), ingredient: z.string(), allergy: z.string() }))
    .optional()
    .describe("product_allergy: each product, the ingredient in it and the patient's allergy it meets"),
  lots: z
    .array(
      z.object({
        lotId: z.string(),
        lotNumber: z.string(),
        reason: z.enum(['recalled', 'expired', 'out_of_stock']),
        remainingMl: z.number().optional().describe('out_of_stock: what the lot holds'),
        drawnMl: z.number().optional().describe('out_of_stock: what the chart would draw from it'),
      }),
    )
    .optional()
    .describe('lot_unusable, lot_out_of_stock: each lot that cannot be charted'),
  consent: consentStandingView
    .omit({ status: true })
    .optional()
    .describe('consent_outdated, consent_missing: the consent, the version the patient signed and the one to sign'),
});

export const treatmentCheckView = z.object({
  sessionId: z.string(),
  sessionDate: z.string().describe("The session's calendar date where it takes place"),
  today: z.string().describe('Today in the same time zone'),
  timeZone: z.string(),
  future: z.boolean(),
  assessment: assessmentResultView
    .nullable()
    .describe(
      "The patient's latest intake assessed for the course's treatment on the session's date; null without an intake",
    ),
  intakeId: z.string().nullable(),
  allergies: z.array(z.object({ substance: z.string() })),
  blockers: z.array(blockerView),
  allowed: z.boolean(),
  overridable: z.boolean().describe('Every blocker may be overridden with a reason'),
  flag: z.object({ verdict: z.string(), reasons: z.unknown() }).nullable().describe('The stored re-screening flag'),
  plan: z
    .object({
      depthMm: range.extend(sourced),
      volumeMl: range.extend(sourced).nullable().describe('Null where the knowledge base gives no volume range'),
      mixture: z.object({
        id: z.string(),
        name: z.string(),
        ingredients: z.array(z.string()),
        excluded: z.array(z.string()),
        ...sourced,
      }),
      anaesthesia: z.object({
        creamOffered: z.boolean(),
        agents: z.array(z.string()).describe('Ingredient ids of the agents the patient may have'),
        ...sourced,
      }),
    })
    .nullable()
    .describe('Null when the assessment has no plan (contraindicated, or no intake)'),
  products: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      ingredients: z.array(z.string()),
      fitsPlan: z
        .boolean()
        .describe("Something in it is in the plan's mixture and nothing the knowledge base recognises is outside it"),
      allergens: z.array(z.string()).describe("The patient's allergens among its ingredients"),
    }),
  ),
  anaesthesiaAgents: z.array(
    z.object({ name: z.string(), ingredient: z.string(), allowed: z.boolean(), why: z.string().nullable() }),
  ),
});
