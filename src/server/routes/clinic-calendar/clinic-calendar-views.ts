import { z } from 'zod';
import { id, idList, isoTimestamp } from '../../validation/fields.js';

const timestamp = z.string().describe('ISO 8601 timestamp');
const span = z.object({ start: timestamp, end: timestamp });
const date = z.string().describe('Local date (YYYY-MM-DD) in the location’s zone');

export const calendarQuery = z.object({
  from: isoTimestamp
    .optional()
    .describe('First instant shown (included); a week before `to`, or the start of today (UTC), when absent'),
  to: isoTimestamp
    .optional()
    .describe('Last instant shown (excluded), at most 14 days after `from`; a week after `from` when absent'),
  locationId: id.optional().describe('The clinic’s first location when absent'),
  practitionerIds: idList(100)
    .optional()
    .describe(
      'Only these of the location’s practitioners, separated by commas (a page of the week’s columns): the sessions of its other practitioners are left out; those of no one or of someone not listed at the location always come',
    ),
  roomIds: idList(100)
    .optional()
    .describe('Only these of the location’s rooms, separated by commas, as `practitionerIds` for practitioners'),
});

const calendarSession = z.object({
  id: z.string(),
  courseId: z.string(),
  patient: z.object({ id: z.string(), firstName: z.string(), lastName: z.string() }),
  scheduledAt: timestamp,
  endsAt: timestamp.describe('Start plus the length (the default length when the session has none)'),
  durationMinutes: z.number().int().nullable(),
  practitionerId: z.string().nullable(),
  practitionerName: z.string().nullable(),
  locationId: z.string().nullable(),
  roomId: z.string().nullable(),
  roomName: z.string().nullable(),
  status: z.enum(['planned', 'done', 'cancelled', 'no_show']),
  flagVerdict: z
    .string()
    .nullable()
    .optional()
    .describe('Re-screening verdict asking a clinician to look; left out for reception'),
  course: z
    .object({ indication: z.string(), area: z.string() })
    .optional()
    .describe('What the course treats; left out for reception'),
  number: z.number().int().nullable().describe('Place among the course’s planned and done sessions; null when closed'),
  of: z.number().int().describe('The course’s planned and done sessions'),
  closure: z
    .object({ reason: z.string(), recordedAt: timestamp })
    .nullable()
    .describe('Why it was cancelled or missed, when a reason was given'),
  updatedAt: timestamp.describe('Send back as `expectedUpdatedAt` when moving, cancelling or marking a no-show'),
});

export const calendarView = z.object({
  location: z.object({ id: z.string(), name: z.string(), timeZone: z.string() }),
  locations: z.array(z.object({ id: z.string(), name: z.string() })),
  practitioners: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      working: z
        .array(span)
        .describe('When they can be booked here: their hours within the opening hours, less time off'),
    }),
  ),
  rooms: z.array(z.object({ id: z.string(), name: z.string() })),
  open: z.array(span).describe('When the location is open, less its closures'),
  closures: z.array(span.extend({ reason: z.string().nullable() })),
  sessions: z.array(calendarSession),
});

export const previewQuery = z.object({
  start: isoTimestamp
    .optional()
    .describe('Where the session would move; where it is now when absent (the course as it stands)'),
  practitionerId: id.optional().describe('Another practitioner for the session'),
  roomId: id
    .optional()
    .describe(
      "Another room of the session's location for it: the preview is not_possible (room_taken, room_not_allowed) when it cannot be had",
    ),
  expectedUpdatedAt: isoTimestamp
    .optional()
    .describe('The session’s updatedAt as last seen: 409 session_changed when it changed since'),
});

const placement = z.object({
  start: timestamp,
  end: timestamp,
  localDate: date,
  localStart: z.string().describe('Local wall-clock time (HH:MM)'),
  practitionerId: z.string().nullable(),
  practitionerName: z.string().nullable(),
  roomId: z.string().nullable(),
  roomName: z.string().nullable(),
});

const problem = z.object({
  code: z.string(),
  message: z.string(),
  session: z.number().int().optional().describe('1-based place in the course'),
  practitionerId: z.string().optional(),
  from: z.string().optional(),
  to: z.string().optional(),
  days: z.record(z.string(), z.number()).optional(),
  reason: z.string().optional().describe('clinic_closed: why the clinic is closed'),
});

export const sessionMove = z.object({
  sessionId: z.string(),
  start: timestamp,
  practitionerId: z.string(),
  roomId: z.string(),
});

export const previewView = z.object({
  status: z.enum(['possible', 'not_possible']),
  sessionId: z.string(),
  updatedAt: timestamp.describe('Send back as `expectedUpdatedAt` with the move'),
  timeZone: z.string(),
  sessions: z.array(
    z.object({
      id: z.string(),
      number: z.number().int(),
      status: z.enum(['planned', 'done', 'cancelled', 'no_show']),
      target: z.boolean().describe('The session asked to move'),
      moves: z.boolean(),
      current: placement,
      proposed: placement.nullable().describe('Where it would be; null when the move is not possible'),
      window: z
        .object({
          minDays: z.number().int(),
          maxDays: z.number().int(),
          from: date,
          to: date,
          days: z.number().int(),
          kept: z.boolean(),
        })
        .nullable()
        .describe('The interval after the session before it, as it would be (null for the first)'),
    }),
  ),
  moves: z.array(sessionMove).describe('What the move would write: send back as `expectedMoves`'),
  problems: z.array(problem).describe('Why the move cannot be made'),
});

/** A refused move, cancellation or no-show: why, and what the caller needs to try again. */
export const changeConflictView = z.object({
  error: z.string(),
  message: z.string(),
  problems: z.array(problem.extend({ sessionId: z.string().optional(), roomId: z.string().optional() })).optional(),
  sessionId: z.string().optional().describe('session_changed: the session, as it is now'),
  updatedAt: timestamp.optional(),
  status: z.string().optional(),
  scheduledAt: timestamp.optional(),
  moves: z.array(sessionMove).optional().describe('reflow_changed: what the move would now write'),
});
