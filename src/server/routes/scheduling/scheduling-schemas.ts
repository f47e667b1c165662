import { z } from 'zod';
import { timePreferences } from '../../../services/scheduling/availability-fields.js';
import { id, isoDate, isoTimestamp, text, wholeNumber } from '../../validation/fields.js';
import { sessionView } from '../../views.js';

const range = (min: number, max: number) =>
  z
    .object({ min: wholeNumber(min, max), max: wholeNumber(min, max) }, { error: 'must be { min, max }' })
    .refine((r) => r.max >= r.min, { message: 'must not be below min', path: ['max'] });

/** The parts of an assessment plan the course finder reads (a whole stored plan fits too). */
export const coursePlan = z.object({
  sessions: range(1, 100),
  intervalDays: range(1, 365),
  laterIntervalDays: range(1, 365).optional(),
  durationMinutes: range(1, 480),
  anaesthesia: z.object({ creamOffered: z.boolean({ error: 'must be true or false' }), leadMinutes: range(0, 240) }),
});

const preferences = z.object({ ...timePreferences, practitionerId: id.optional() }, { error: 'must be an object' });

const finderOptions = {
  locationId: id,
  sessions: wholeNumber(1, 100).optional().describe("Sessions to book; the plan's minimum when absent"),
  switchAfter: wholeNumber(1, 100).optional().describe("Sessions after this many follow the plan's later interval"),
  earliestStart: isoDate
    .optional()
    .describe("No session before this local date (the assessment's deferral applies as well)"),
  horizonDays: wholeNumber(7, 730).optional().describe('Days searched; 365 when absent'),
  preferences: preferences.optional(),
};

export const courseFinderBody = z.object(finderOptions);
export const planFinderBody = z.object({ ...finderOptions, plan: coursePlan });

/** The sessions of a course to book, as the finder (or the portal's offer) gave them. */
export const sessionsToBook = z
  .array(z.object({ start: isoTimestamp, practitionerId: id, roomId: id }), {
    error: 'must be a list of { start, practitionerId, roomId }',
  })
  .min(1, { message: 'must list at least one session' })
  .max(100, { message: 'must list at most 100 sessions' });

export const bookingBody = z.object({
  locationId: id,
  sessions: sessionsToBook.describe("Usually the finder's proposed sessions, sent back"),
  switchAfter: finderOptions.switchAfter,
  preferences: z.object(timePreferences).optional().describe('Kept for re-flows after a reschedule'),
});

export const rescheduleBody = z.object({
  start: isoTimestamp,
  practitionerId: id.optional().describe('Another practitioner for this session'),
  roomId: id
    .optional()
    .describe(
      "Another room of the session's location (a drop into its column): one the practitioner works in, else 409 not_possible room_not_allowed; booked then, 409 not_possible room_taken",
    ),
  preferences: z
    .object(timePreferences)
    .optional()
    .describe('Instead of those stored at booking, for later sessions that have to move'),
  expectedUpdatedAt: isoTimestamp
    .optional()
    .describe("The session's updatedAt as last seen: 409 session_changed when someone changed it since"),
  expectedMoves: z
    .array(z.object({ sessionId: id, start: isoTimestamp, practitionerId: id, roomId: id }), {
      error: 'must be a list of { sessionId, start, practitionerId, roomId }',
    })
    .max(100, { message: 'must list at most 100 moves' })
    .optional()
    .describe(
      "The preview's `moves` (GET /api/sessions/:id/reschedule-preview): 409 reflow_changed, nothing moved, when the re-flow now comes out otherwise",
    ),
});

export const closeSessionBody = z
  .object({
    reason: text(500).optional().describe('Why (kept with who gave it and when)'),
    expectedUpdatedAt: isoTimestamp
      .optional()
      .describe("The session's updatedAt as last seen: 409 session_changed when someone changed it since"),
  })
  .describe('May be left out: the calendar asks for a reason, other clients need not send one');

/** When a proposed session falls: in UTC, on the location's clock, and its distance from the one before. */
export const proposedSessionTimes = {
  start: z.string(),
  end: z.string(),
  localDate: z.string(),
  localStart: z.string(),
  localEnd: z.string(),
  daysAfterPrevious: z.number().int().optional(),
};

const scheduledSession = z.object({
  number: z.number().int(),
  practitionerId: z.string(),
  roomId: z.string(),
  ...proposedSessionTimes,
});

const proposedCourse = z.object({
  sessions: z.array(scheduledSession),
  practitionerIds: z.array(z.string()),
  singlePractitioner: z.boolean(),
  sessionMinutes: z.number().int(),
  firstDate: z.string(),
  lastDate: z.string(),
});

const problem = z.object({
  code: z.string(),
  message: z.string(),
  session: z.number().int().optional(),
  practitionerId: z.string().optional(),
  from: z.string().optional(),
  to: z.string().optional(),
  days: z.record(z.string(), z.number()).optional(),
});

export const courseProposalView = z.object({
  status: z.enum(['found', 'not_found']),
  course: proposedCourse.optional().describe('found: the earliest course that fits'),
  explanation: z.array(problem).optional().describe('not_found: why nothing fits'),
  alternatives: z
    .array(z.object({ relaxed: z.array(z.string()), message: z.string(), course: proposedCourse }))
    .optional(),
  searched: z.object({ from: z.string(), to: z.string() }),
  earliestStart: z.string().nullable().describe('The earliest start applied'),
  timeZone: z.string().describe("The location's zone, in which local dates and times are given"),
});

export const bookingConflictView = z.object({
  error: z.string(),
  message: z.string(),
  problems: z
    .array(problem.extend({ sessionId: z.string().optional(), roomId: z.string().optional() }))
    .optional()
    .describe("Every reason the booking cannot be made; `session` is a 1-based position in the request's sessions"),
});

export const bookedCourseView = z.object({
  sessions: z.array(sessionView),
  schedule: z.object({
    courseId: z.string(),
    locationId: z.string(),
    switchAfter: z.number().int().nullable(),
    preferences: z.unknown(),
    createdAt: z.string().describe('ISO 8601 timestamp'),
    updatedAt: z.string().describe('ISO 8601 timestamp'),
  }),
});

export const closedSessionView = sessionView.extend({
  closure: z
    .object({ reason: z.string(), recordedBy: z.string().nullable(), recordedAt: z.string() })
    .optional()
    .describe('The reason given, as stored'),
});

export const rescheduledView = z.object({
  sessions: z.array(sessionView),
  moved: z.array(z.string()).describe('Ids of the sessions that moved'),
});
