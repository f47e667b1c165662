import { z } from 'zod';
import type { OutcomeRecord, Role } from '../../../core/records/index.js';
import type { SessionOutcome } from '../../../storage/repositories/outcome-repository.js';
import { timestamp } from '../../views.js';

const rating = z.number().int().min(1).max(10).nullable();

export const outcomeView = z.object({
  id: z.string(),
  sessionId: z.string(),
  patientRating: rating,
  patientRatingBy: z
    .enum(['patient', 'staff'])
    .nullable()
    .describe(
      'Who gave patientRating: the patient (then only they may change it) or staff passing it on; null without one',
    ),
  practitionerRating: rating.optional().describe('Left out for reception'),
  notes: z
    .string()
    .nullable()
    .optional()
    .describe("The practitioner's notes, for clinicians only: left out for reception and for the patient"),
  createdAt: timestamp,
  updatedAt: timestamp,
});

export const courseOutcomeView = outcomeView.extend({ courseId: z.string(), scheduledAt: timestamp });

/**
 * Reception may pass on the patient's own rating, but sees nothing of the clinical judgement. The
 * patient sees both ratings of their session, not the practitioner's notes, which are written for
 * clinicians.
 */
export function outcomeFor(role: Role, outcome: OutcomeRecord): z.input<typeof outcomeView> {
  const { id, sessionId, patientRating, patientRatingBy, practitionerRating, notes, createdAt, updatedAt } = outcome;
  const shown = { id, sessionId, patientRating, patientRatingBy, createdAt, updatedAt };
  if (role === 'reception') return shown;
  if (role === 'patient') return { ...shown, practitionerRating };
  return { ...shown, practitionerRating, notes };
}

export function courseOutcomeFor(role: Role, outcome: SessionOutcome): z.input<typeof courseOutcomeView> {
  return { ...outcomeFor(role, outcome), courseId: outcome.courseId, scheduledAt: outcome.scheduledAt };
}
