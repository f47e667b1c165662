import type { CourseRecord, TreatmentSessionRecord } from '../../core/records/index.js';
import type { Repositories } from '../../storage/repositories/repositories.js';
import { conflict, notFound } from '../domain-errors.js';
import { assertWithinBookingWindow } from './booking-window.js';
import { planReschedule, type ReschedulePlan, type RescheduleInput } from './plan-reschedule.js';
import { bookingConflict, holdSlots } from './slot-guard.js';

export type { RescheduleInput } from './plan-reschedule.js';

/** Where a session lands in a re-flow, as a preview shows it and a confirmation sends it back. */
export interface SessionMove {
  sessionId: string;
  start: string;
  practitionerId: string;
  roomId: string;
}

export interface Rescheduled {
  course: CourseRecord;
  /** The course's planned and done sessions after the move, in order. */
  sessions: TreatmentSessionRecord[];
  /** Ids of the sessions whose time, practitioner or room changed. */
  moved: string[];
}

/** The sessions a plan moves and where to: what a preview shows and a move writes. */
export function movesOf(plan: ReschedulePlan): SessionMove[] {
  if (plan.result.status !== 'rescheduled') return [];
  return plan.result.sessions.flatMap((s) => {
    const before = plan.sessions[s.number - 1]!;
    if (!plan.moved.includes(before.id)) return [];
    const start = new Date(Date.parse(s.start)).toISOString();
    return [{ sessionId: before.id, start, practitionerId: s.practitionerId, roomId: s.roomId }];
  });
}

const sameMoves = (a: readonly SessionMove[], b: readonly SessionMove[]) => {
  const key = (m: SessionMove) => `${m.sessionId} ${Date.parse(m.start)} ${m.practitionerId} ${m.roomId}`;
  const keys = (list: readonly SessionMove[]) => list.map(key).sort().join('\n');
  return keys(a) === keys(b);
};

/**
 * Moves one planned session and re-flows the later ones so every interval of the plan still holds
 * (planReschedule), in the caller's transaction. Moved sessions give up their slots before any
 * of them claims new ones, so a session may move onto its own or a sibling's old time. With
 * `expectedMoves` (what a preview showed), a re-flow that came out otherwise is refused whole.
 */
export async function rescheduleInCourse(
  tx: Repositories,
  input: RescheduleInput & { expectedMoves?: readonly SessionMove[] },
): Promise<Rescheduled> {
  assertWithinBookingWindow('start', Date.parse(input.newStart), Date.parse(input.now));
  const plan = await planReschedule(tx, input, { lock: true });
  if (plan.result.status === 'not_possible')
    throw bookingConflict(
      'not_possible',
      plan.result.problems.map((p) => ({ ...p })),
    );
  const moves = movesOf(plan);
  if (input.expectedMoves && !sameMoves(moves, input.expectedMoves))
    throw conflict(
      'reflow_changed',
      'the course would now re-flow differently from the preview (its sessions or the schedule changed meanwhile); nothing was moved: preview the move again and confirm the new re-flow',
      { moves },
    );

  const { sessions } = plan;
  const byId = new Map(sessions.map((s, i) => [s.id, i]));
  for (const m of moves) await tx.availability.releaseSlots(m.sessionId);
  const after = [...sessions];
  for (const m of moves) {
    const index = byId.get(m.sessionId)!;
    const updated = await tx.treatmentSessions.update(m.sessionId, {
      scheduledAt: m.start,
      practitionerId: m.practitionerId,
      roomId: m.roomId,
    });
    if (!updated) throw notFound('session');
    await holdSlots(tx, updated, index + 1);
    after[index] = updated;
  }
  return { course: plan.course, sessions: after, moved: moves.map((m) => m.sessionId) };
}
