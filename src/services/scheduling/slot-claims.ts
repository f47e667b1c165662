import type { SlotClaim, TreatmentSessionRecord } from '../../core/records/index.js';

/**
 * The double-booking guard's grid. Slots are counted from the epoch, which is also every clinic's
 * local quarter-hour grid (all IANA zones today sit at whole quarter hours from UTC), so courses
 * the finder places on its 15-minute grid claim exactly the slots they use.
 */
export const slotMinutes = 15;
const slotMs = slotMinutes * 60_000;

/** A session booked without a length blocks this long: a guess on the safe side, never zero. */
export const unknownLengthMinutes = 60;

/** The statuses that hold a practitioner and a room; cancelled and no-show sessions free them. */
const holdingStatuses: ReadonlySet<TreatmentSessionRecord['status']> = new Set(['planned', 'done']);

export function sessionEndMs(startMs: number, durationMinutes: number | null): number {
  return startMs + (durationMinutes ?? unknownLengthMinutes) * 60_000;
}

/**
 * [start, end) rounded out to whole slots. Two intervals overlap only if their widened spans share a
 * slot, so the finder, fed widened bookings, never proposes what the guard would refuse.
 */
export function widenToSlots(startMs: number, endMs: number): [number, number] {
  return [Math.floor(startMs / slotMs) * slotMs, Math.ceil(endMs / slotMs) * slotMs];
}

/** The start of every slot [start, end) touches, as ISO text (the stored form). */
export function slotStarts(startMs: number, endMs: number): string[] {
  const [from, to] = widenToSlots(startMs, endMs);
  const out: string[] = [];
  for (let slot = from; slot < to; slot += slotMs) out.push(new Date(slot).toISOString());
  return out;
}

type ClaimSource = Pick<
  TreatmentSessionRecord,
  'id' | 'scheduledAt' | 'durationMinutes' | 'practitionerId' | 'roomId' | 'status'
>;

/** The claims a session must hold in its current state: none when it holds nobody or is closed. */
export function claimsFor(session: ClaimSource): SlotClaim[] {
  if (!holdingStatuses.has(session.status) || (session.practitionerId === null && session.roomId === null)) return [];
  const start = Date.parse(session.scheduledAt);
  return slotStarts(start, sessionEndMs(start, session.durationMinutes)).map((slotStart) => ({
    sessionId: session.id,
    slotStart,
    practitionerId: session.practitionerId,
    roomId: session.roomId,
  }));
}
