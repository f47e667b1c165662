import { z } from 'zod';
import { formatWallTime } from '../../../core/scheduling/wall-clock.js';
import type { CheckInRecord, WaitingListEntryRecord } from '../../../core/records/index.js';
import type { Arrival } from '../../../services/front-desk/arrivals.js';
import type { OpeningCandidate, OpenSlot } from '../../../services/front-desk/slot-openings.js';
import type { WaitingLine } from '../../../services/front-desk/waiting-list.js';
import { timePreferences } from '../../../services/scheduling/availability-fields.js';
import { id, isoTimestamp, optionalText, text } from '../../validation/fields.js';
import { patientView, sessionView, timestamp } from '../../views.js';
import { bookingBody, courseProposalView } from '../scheduling/scheduling-schemas.js';

/** A whole course as the course finder proposes it. */
const proposedCourse = courseProposalView.shape.course.unwrap();

const contact = patientView.pick({ id: true, firstName: true, lastName: true, phone: true, email: true });

export const checkInView = z.object({
  sessionId: z.string(),
  checkedInAt: timestamp,
  checkedInBy: z.string().nullable(),
  checkedInByName: z.string().nullable().describe('Who marked the patient arrived'),
});

export const arrivalsQuery = z.object({
  from: isoTimestamp
    .optional()
    .describe(
      "Start of the day asked about (the local midnight, as an instant); both absent: today, in the clinic's zone",
    ),
  to: isoTimestamp.optional().describe('Its end; at most two days after `from`'),
  locationId: id
    .optional()
    .describe('Only the sessions at this location (the desk’s own); every location of the clinic when absent'),
});

export const arrivalView = z.object({
  session: sessionView,
  patient: contact,
  checkIn: checkInView.nullable().describe('Null until the patient is checked in'),
});

export const newWaitingListEntryBody = z.object({
  patientId: id,
  indication: text(64).describe('What they wait for: an indication of the knowledge base, e.g. hair_loss'),
  ...timePreferences,
  note: optionalText(500).describe('Anything the desk should know: "can come at short notice"'),
});

export const waitingListQuery = z.object({
  indication: text(64).optional().describe('Only this indication; every one when absent'),
});

export const waitingEntryView = z.object({
  id: z.string(),
  patient: contact,
  indication: z.string(),
  weekdays: z.array(z.number().int()).describe('ISO weekdays they can come (1 = Monday); empty: any'),
  timesOfDay: z.array(z.object({ start: z.string(), end: z.string() })).describe('Local times; empty: any'),
  note: z.string().nullable(),
  status: z.enum(['waiting', 'booked', 'removed']),
  createdAt: timestamp,
  createdBy: z.string().nullable(),
  createdByName: z.string().nullable(),
  closedAt: timestamp.nullable(),
  bookedCourseId: z.string().nullable(),
  course: z
    .object({ id: z.string(), area: z.string() })
    .nullable()
    .describe('The course they would be booked into; null until a clinician starts one from their assessment'),
});

export const openingView = z.object({
  id: z.string(),
  startsAt: timestamp,
  durationMinutes: z.number().int().nullable(),
  reason: z.enum(['cancelled', 'moved']),
  practitionerId: z.string().nullable(),
  roomId: z.string().nullable(),
  locationId: z.string(),
  timeZone: z.string(),
  localDate: z.string(),
  localStart: z.string().describe('HH:MM on the clinic clock'),
  localEnd: z.string(),
});

export const fits = ['fits', 'starts_later', 'no_course', 'not_ready', 'outside_preferences', 'not_checked'] as const;

export const candidateView = z.object({
  entry: waitingEntryView,
  fit: z
    .enum(fits)
    .describe(
      'fits: a course keeping the intervals starts on the slot day; starts_later: the earliest one starts later; ' +
        'no_course: none keeps the intervals from that day; not_ready: no course ready to book (see reason); ' +
        'outside_preferences: not on their days or times; not_checked: beyond the courses searched for one slot',
    ),
  course: proposedCourse.optional().describe('The course offered (fits, starts_later): send its sessions back to book'),
  reason: z.string().optional(),
});

export const waitingListBookingBody = bookingBody.omit({ preferences: true });

export const waitingListBookedView = z.object({
  sessions: z.array(sessionView),
  entry: waitingEntryView,
});

export function checkInFor(checkIn: CheckInRecord, checkedInByName: string | null): z.input<typeof checkInView> {
  return { ...checkIn, checkedInByName };
}

export function arrivalFor(arrival: Arrival, session: z.input<typeof sessionView>): z.input<typeof arrivalView> {
  return {
    session,
    patient: arrival.patient,
    checkIn: arrival.checkIn && checkInFor(arrival.checkIn, arrival.checkIn.checkedInByName),
  };
}

export function waitingEntryFor(
  entry: WaitingListEntryRecord,
  more: Pick<WaitingLine, 'patient' | 'createdByName' | 'course'>,
): z.input<typeof waitingEntryView> {
  const { clinicId: _clinic, patientId: _patient, closedBy: _closer, ...fields } = entry;
  return {
    ...fields,
    patient: more.patient,
    createdByName: more.createdByName,
    course: more.course && { id: more.course.id, area: more.course.area },
  };
}

export function openingFor({ opening, location, local }: OpenSlot): z.input<typeof openingView> {
  return {
    id: opening.id,
    startsAt: opening.startsAt,
    durationMinutes: opening.durationMinutes,
    reason: opening.reason,
    practitionerId: opening.practitionerId,
    roomId: opening.roomId,
    locationId: location.id,
    timeZone: location.timeZone,
    localDate: local.date,
    localStart: formatWallTime(local.startMinute),
    localEnd: formatWallTime(local.endMinute),
  };
}

export function candidateFor(candidate: OpeningCandidate): z.input<typeof candidateView> {
  return {
    entry: waitingEntryFor(candidate.line.entry, candidate.line),
    fit: candidate.fit,
    ...(candidate.course ? { course: candidate.course } : {}),
    ...(candidate.reason ? { reason: candidate.reason } : {}),
  };
}
