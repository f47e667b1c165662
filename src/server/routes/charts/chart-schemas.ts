import { z } from 'zod';
import type { KnowledgeBase } from '../../../core/knowledge/knowledge-base.js';
import { injectionTechniques } from '../../../storage/database-schema.js';
import { errorResponse, id, optionalText } from '../../validation/fields.js';

const number = (unit: string) => z.number({ error: (issue) => (issue.input === undefined ? 'required' : `must be a number${unit}`) });
const mapPosition = number(' from 0 to 1').min(0, { message: 'must be at least 0' }).max(1, { message: 'must be at most 1' });

/** The chart of a session. Areas are checked against the knowledge base the app runs with. */
export function chartBody(kb: KnowledgeBase) {
  const areaCodes = [...kb.areas.keys()];
  const point = z.object({
    area: z
      .string({ error: (issue) => (issue.input === undefined ? 'required' : 'must be an area code') })
      .refine((code) => kb.areas.has(code), { message: `must be an area code of the knowledge base (${areaCodes.join(', ')})` }),
    x: mapPosition.describe('from the left edge of the body map, 0..1'),
    y: mapPosition.describe('from the top edge of the body map, 0..1'),
    productId: id,
    lotId: id,
    volumeMl: number(' of millilitres').gt(0, { message: 'must be more than 0' }).max(10, { message: 'must be at most 10' }),
    depthMm: number(' of millimetres').min(0, { message: 'must be at least 0' }).max(13, { message: 'must be at most 13' }),
    technique: z.enum(injectionTechniques, { error: `must be one of: ${injectionTechniques.join(', ')}` }),
  });
  return z
    .object({
      anaesthesiaUsed: z.boolean({ error: (issue) => (issue.input === undefined ? 'required' : 'must be true or false') }),
      anaesthesiaAgent: optionalText(200),
      notes: optionalText(5000),
      points: z
        .array(point, { error: (issue) => (issue.input === undefined ? 'required' : 'must be a list of injection points') })
        .min(1, { message: 'must list at least one injection point' })
        .max(1000, { message: 'must list at most 1000 injection points' }),
    })
    .superRefine((chart, ctx) => {
      if (chart.anaesthesiaUsed && !chart.anaesthesiaAgent) ctx.addIssue({ code: 'custom', path: ['anaesthesiaAgent'], message: 'required when anaesthesiaUsed is true' });
      if (!chart.anaesthesiaUsed && chart.anaesthesiaAgent) ctx.addIssue({ code: 'custom', path: ['anaesthesiaAgent'], message: 'must be empty when anaesthesiaUsed is false' });
    });
}

export type ChartBody = z.output<ReturnType<typeof chartBody>>;
export type ChartPoint = ChartBody['points'][number];

const timestamp = z.string().describe('ISO 8601 timestamp');

export const chartView = z.object({
  id: z.string(),
  sessionId: z.string(),
  anaesthesiaUsed: z.boolean(),
  anaesthesiaAgent: z.string().nullable(),
  notes: z.string().nullable(),
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
});

/** A 409 of the chart route: a missing consent, a closed session, or unusable lots (`lot_unusable` names each in `lots`). */
export const chartConflictView = errorResponse.extend({
  lots: z.array(z.object({ lotId: z.string(), lotNumber: z.string(), reason: z.enum(['recalled', 'expired']) })).optional(),
});
