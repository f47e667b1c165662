import { z } from 'zod';
import type { OutcomeRecord, Role } from '../../../core/records/index.js';
import type { SessionOutcome } from '../../../storage/repositories/outcome-repository.js';

const timestamp = z.string().describe('ISO 8601 timestamp');
const rating = z.number().int().min(1).max(10).nullable();

export const outcomeView = z.object({
  id: z.string(),
  sessionId: z.string(),
  patientRating: rating,
  practitionerRating: rating.optional().describe('Left out for reception'),
  notes: z.string().nullable().optional().describe("The practitioner's notes; left out for reception"),
  createdAt: timestamp,
  updatedAt: timestamp,
});

export const courseOutcomeView = outcomeView.extend({ courseId: z.string(), scheduledAt: timestamp });

/** Reception may pass on the patient's own rating, but sees nothing of the clinical judgement. */
export function outcomeFor(role: Role, outcome: OutcomeRecord): z.input<typeof outcomeView> {
  const { id, sessionId, patientRating, practitionerRating, notes, createdAt, updatedAt } = outcome;
  if (role === 'reception') return { id, sessionId, patientRating, createdAt, updatedAt };
  return { id, sessionId, patientRating, practitionerRating, notes, createdAt, updatedAt };
}

export function courseOutcomeFor(role: Role, outcome: SessionOutcome): z.input<typeof courseOutcomeView> {
  return { ...outcomeFor(role, outcome), courseId: outcome.courseId, scheduledAt: outcome.scheduledAt };
}
