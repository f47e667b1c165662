import { intakeView, timestamp } from '../../views.js';
import { z } from 'zod';
import { consultationReasons, consultationStatuses } from '../../../core/portal/consultation-values.js';
import { maxNoticeHours } from '../../../core/portal/notice-period.js';
import { portalOutcomes } from '../../../core/portal/portal-outcome.js';
import { timePreferences } from '../../../services/scheduling/availability-fields.js';
import { id, isoDate, isoTimestamp, optionalText, wholeNumber } from '../../validation/fields.js';
import { proposedSessionTimes, sessionsToBook } from '../scheduling/scheduling-schemas.js';

const range = z.object({ min: z.number(), max: z.number() });

/** Every 409 of the portal: what went wrong in the patient's words, and what to do next. */
export const portalConflictView = z.object({
  error: z.string(),
  message: z.string(),
  next: z
    .enum([
      'find_again',
      'choose_again',
      'call_clinic',
      'request_consultation',
      'answer_again',
      'see_plan',
      'wait_for_call',
    ])
    .optional()
    .describe('What the patient can do instead'),
  outcome: z.enum(portalOutcomes).optional(),
  changeableUntil: timestamp.optional(),
  noticeHours: z.number().int().optional().describe("The clinic's notice period, when the refusal is about it"),
  from: z.string().optional(),
  to: z.string().optional(),
  problems: z.array(z.object({ code: z.string().optional(), message: z.string() }).loose()).optional(),
});

const preparationStep = z.object({
  code: z.string(),
  text: z.string(),
  from: timestamp,
  sources: z.array(z.string()),
});

export const portalSessionView = z.object({
  id: z.string(),
  courseId: z.string(),
  number: z.number().int(),
  of: z.number().int(),
  status: z.enum(['planned', 'done', 'cancelled', 'no_show']),
  scheduledAt: timestamp,
  endsAt: timestamp,
  timeZone: z.string(),
  localDate: z.string(),
  localTime: z.string(),
  practitionerName: z.string().nullable(),
  locationName: z.string().nullable(),
  roomName: z.string().nullable(),
  indication: z.string(),
  indicationName: z.string(),
  area: z.string(),
  areaName: z.string(),
  changeableUntil: timestamp,
  changeable: z.boolean(),
  preparation: z.array(preparationStep),
});

export const portalCourseView = z.object({
  id: z.string(),
  status: z.enum(['active', 'completed', 'cancelled']),
  indication: z.string(),
  indicationName: z.string(),
  area: z.string(),
  areaName: z.string(),
  plannedSessions: range,
  intervalDays: range,
  sessions: z.array(portalSessionView),
});

export const portalPlanView = z.object({
  noticeHours: z.number().int().describe('Hours before a session until which it may be moved or cancelled online'),
  courses: z.array(portalCourseView),
});

const locationChoice = z.object({
  id: z.string(),
  name: z.string(),
  address: z.string().nullable(),
  timeZone: z.string(),
});

export const screeningView = z.object({
  intakeId: z.string(),
  assessmentId: z.string(),
  verdict: z.string(),
  outcome: z.enum(portalOutcomes).describe('bookable: courses may be booked online; otherwise a consultation request'),
  reasons: z.array(z.object({ code: z.string(), kind: z.string(), until: z.string().optional(), message: z.string() })),
  precautions: z.array(z.object({ code: z.string(), message: z.string() })),
  openQuestions: z.array(z.string()).describe('The screening questions left open, by field path'),
  plan: z
    .object({
      indication: z.string(),
      indicationName: z.string(),
      area: z.string(),
      areaName: z.string(),
      sessions: range,
      intervalDays: range,
      durationMinutes: range,
    })
    .nullable(),
  requestDate: z.string().describe('The day the patient asked to start from'),
  noticeHours: z.number().int().describe('No session is offered online sooner than this many hours from now'),
  locations: z.array(locationChoice).describe('Where a course may be booked (bookable only)'),
  intake: intakeView.describe('The answers as the clinic keeps them'),
});

const preferences = z.object(timePreferences, { error: 'must be an object' });

export const portalFinderBody = z.object({
  assessmentId: id,
  locationId: id,
  sessions: wholeNumber(1, 100).optional().describe("Sessions to book; the plan's minimum when absent"),
  earliestStart: isoDate.optional().describe('No session before this local date'),
  preferences: preferences.optional(),
});

const offeredSession = z.object({
  number: z.number().int(),
  ...proposedSessionTimes,
  practitionerId: z.string(),
  practitionerName: z.string(),
  roomId: z.string(),
  roomName: z.string(),
});

export const portalProposalView = z.object({
  status: z.enum(['found', 'not_found']),
  courses: z
    .array(
      z.object({
        label: z.enum(['earliest', 'later', 'alternative']),
        relaxed: z.array(z.string()).describe("An alternative's wishes given up (practitioner, time_of_day, weekdays)"),
        sessions: z.array(offeredSession),
      }),
    )
    .describe('The earliest course that keeps the intervals, then later ones (or alternatives); each books as offered'),
  explanation: z.array(z.object({ code: z.string(), message: z.string() })).describe('not_found: why nothing fits'),
  timeZone: z.string(),
});

export const portalBookingBody = z.object({
  assessmentId: id,
  locationId: id,
  sessions: sessionsToBook.describe("An offered course's sessions, sent back"),
  preferences: preferences.optional().describe('Kept for re-flows after a move'),
});

export const portalBookedView = z.object({ course: portalCourseView });

export const moveChoicesView = z.object({
  session: portalSessionView,
  noticeHours: z.number().int(),
  window: z
    .object({ from: z.string(), to: z.string(), interval: range })
    .nullable()
    .describe("The local days that keep the course's interval (null: none left online)"),
  options: z.array(
    z.object({
      start: timestamp,
      localDate: z.string(),
      localTime: z.string(),
      roomName: z.string().nullable(),
    }),
  ),
});

export const portalRescheduleBody = z.object({ start: isoTimestamp });

export const portalMovedView = z.object({
  course: portalCourseView,
  moved: z.array(z.string()).describe('Ids of the sessions that moved (later ones re-flow to keep their intervals)'),
});

export const consultationRequestBody = z.object({
  assessmentId: id.optional().describe('The screening that led to the request'),
  reason: z
    .enum(['no_suitable_time', 'patient_choice'], { error: 'must be no_suitable_time or patient_choice' })
    .optional()
    .describe('Used when the screening itself does not need a clinician (then its outcome is the reason)'),
  note: optionalText(1000).describe('What the patient would like the clinic to know'),
});

export const consultationRequestView = z.object({
  id: z.string(),
  assessmentId: z.string().nullable(),
  reason: z.enum(consultationReasons),
  note: z.string().nullable(),
  status: z.enum(consultationStatuses),
  createdAt: timestamp,
  handledAt: timestamp.nullable(),
});

export const deskConsultationRequestView = consultationRequestView.extend({
  patientId: z.string(),
  patientName: z.string(),
  phone: z.string().nullable(),
  email: z.string().nullable(),
});

export const portalSettingsBody = z.object({
  noticeHours: wholeNumber(0, maxNoticeHours).describe(
    'Hours before a session until which patients may move or cancel it online (0 to 720)',
  ),
});

export const portalSettingsView = z.object({
  noticeHours: z.number().int(),
  isDefault: z.boolean().describe('True while the clinic keeps the default (24 hours)'),
});
