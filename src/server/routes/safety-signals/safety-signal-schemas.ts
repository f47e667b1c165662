import { z } from 'zod';
import type { SafetySignalDetail } from '../../../core/safety-signals/signal-record.js';
import { signalStatuses } from '../../../core/safety-signals/signal-record.js';
import { signalKinds, signalUnitTypes } from '../../../core/safety-signals/signal-types.js';
import { optionalText, pageQuery } from '../../validation/fields.js';
import { patientToContact } from '../../views.js';

export const statusFilters = ['active', 'open', 'acknowledged', 'closed', 'all'] as const;

export const signalListQuery = z.object({
  status: z
    .enum(statusFilters, { error: `must be one of ${statusFilters.join(', ')}` })
    .default('active')
    .describe('`active` (the default): open and acknowledged; `all`: every status'),
  ...pageQuery,
});

export const statusChangeBody = z.object({
  note: optionalText(1000).describe('What was done or decided, e.g. "lot A-100 quarantined, 12 patients called"'),
});

const person = z.object({ id: z.string(), name: z.string() }).nullable();

export const signalView = z.object({
  id: z.string(),
  key: z.string(),
  kind: z.enum(signalKinds),
  unit: z.object({ type: z.enum(signalUnitTypes), id: z.string().nullable(), label: z.string() }),
  window: z.object({ from: z.string(), to: z.string(), week: z.string().nullable() }),
  exposure: z.number().describe('Sessions of the unit in the window'),
  observed: z
    .number()
    .describe('Rate signal: sessions followed by a report; infection cluster: patients with a late lump or discharge'),
  expected: z.number().nullable().describe("Exposure × the clinic's baseline rate; null for an infection cluster"),
  pValue: z.number().nullable().describe('One-sided exact Poisson p-value; null for an infection cluster'),
  threshold: z.number().nullable().describe('The p-value the test had to reach in its run'),
  reportIds: z.array(z.string()),
  status: z.enum(signalStatuses),
  raisedAt: z.string(),
  acknowledgedAt: z.string().nullable(),
  acknowledgedBy: person,
  closedAt: z.string().nullable(),
  closedBy: person,
  acknowledgedNote: z.string().nullable(),
  closedNote: z.string().nullable(),
  patients: z
    .array(z.object(patientToContact))
    .describe('Every patient to contact: all treated with the unit in its scope, not only those who reported'),
  lots: z
    .array(
      z.object({
        lotId: z.string(),
        lotNumber: z.string(),
        productId: z.string(),
        productName: z.string(),
        recalled: z.boolean(),
      }),
    )
    .describe('The lots to quarantine'),
});

export type SignalView = z.infer<typeof signalView>;

export const signalCounts = z.object({ open: z.number(), acknowledged: z.number(), closed: z.number() });

/** A stored signal as the API shows it, with the names of who acknowledged and closed it. */
export function signalFor(detail: SafetySignalDetail, names: ReadonlyMap<string, string>): SignalView {
  const who = (id: string | null) => (id === null ? null : { id, name: names.get(id) ?? '' });
  return { ...detail, acknowledgedBy: who(detail.acknowledgedBy), closedBy: who(detail.closedBy) };
}
