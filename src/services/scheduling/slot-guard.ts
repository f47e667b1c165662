import type { TreatmentSessionRecord } from '../../core/records/index.js';
import type { Repositories } from '../../storage/repositories/repositories.js';
import { DomainError } from '../domain-errors.js';
import { databaseErrorKind } from '../../storage/database-errors.js';
import { claimsFor } from './slot-claims.js';

/** One reason a booking cannot be made, as the 409 body lists it. */
export interface BookingProblem {
  /** 1-based position in the request's sessions, when the request had several. */
  session?: number;
  code: string;
  message: string;
  sessionId?: string;
  practitionerId?: string;
  roomId?: string;
}

/** 409 listing every problem found; nothing was written (the transaction rolls back on it). */
export function bookingConflict(code: string, problems: BookingProblem[]): DomainError {
  return new DomainError(
    'conflict',
    code,
    problems.map((p) => p.message).join(' ') || 'the booking conflicts with the schedule',
    { problems },
  );
}

function collidedOn(error: unknown): 'practitioner' | 'room' {
  const { constraint, message } = error as { constraint?: unknown; message?: unknown };
  // PostgreSQL names the index in `constraint`; SQLite names the columns in the message.
  const text = `${typeof constraint === 'string' ? constraint : ''} ${typeof message === 'string' ? message : ''}`;
  return text.includes('room') ? 'room' : 'practitioner';
}

type Guarded = Pick<
  TreatmentSessionRecord,
  'id' | 'scheduledAt' | 'durationMinutes' | 'practitionerId' | 'roomId' | 'status'
>;

/**
 * Claims the slots the session needs in its current state. This is the guard itself: whatever the
 * checks before it saw, a slot another transaction holds (or has just taken and not yet committed)
 * makes the insert fail on a unique index, and the request becomes a 409 that writes nothing.
 * Call inside the booking's transaction.
 */
export async function holdSlots(repos: Repositories, session: Guarded, number?: number): Promise<void> {
  const claims = claimsFor(session);
  if (claims.length === 0) return;
  try {
    await repos.availability.claimSlots(claims);
  } catch (error) {
    if (databaseErrorKind(error) !== 'unique') throw error;
    const resource = collidedOn(error);
    const prefix = number === undefined ? '' : `Session ${number}: `;
    const problem: BookingProblem = {
      ...(number === undefined ? {} : { session: number }),
      code: resource === 'room' ? 'room_booked' : 'practitioner_booked',
      message: `${prefix}the ${resource} is already booked at ${session.scheduledAt} (or within its time).`,
      sessionId: session.id,
      ...(resource === 'room'
        ? { roomId: session.roomId ?? undefined }
        : { practitionerId: session.practitionerId ?? undefined }),
    };
    throw bookingConflict('slot_taken', [problem]);
  }
}

/** Frees what the session held and claims what it holds now (after a move, a cancel, a no-show). */
export async function syncSlots(repos: Repositories, session: Guarded, number?: number): Promise<void> {
  await repos.availability.releaseSlots(session.id);
  await holdSlots(repos, session, number);
}
