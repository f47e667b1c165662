import { moveOptions, type MoveOption } from '../../core/portal/move-options.js';
import { moveWindow, type MoveWindow } from '../../core/portal/move-window.js';
import { changeableUntilMs, earliestOnlineStartMs, isChangeableOnline } from '../../core/portal/notice-period.js';
import type { CourseRecord, LocationRecord, TreatmentSessionRecord, UserRecord } from '../../core/records/index.js';
import { prepareSchedule } from '../../core/scheduling/prepare-schedule.js';
import { ZoneCalendar } from '../../core/scheduling/zone-calendar.js';
import type { Repositories } from '../../storage/repositories/repositories.js';
import { loadAccessibleSession, loadSessionForChange } from '../access/session-access.js';
import { conflict, DomainError } from '../domain-errors.js';
import { found } from '../found.js';
import { assertWithinBookingWindow } from '../scheduling/booking-window.js';
import { closeSession } from '../scheduling/close-session.js';
import { callCore } from '../scheduling/core-call.js';
import { loadScheduleInput } from '../scheduling/load-schedule.js';
import { rescheduleInCourse, type Rescheduled } from '../scheduling/reschedule-course.js';
import { sessionEndMs } from '../scheduling/slot-claims.js';
import { inPatientWords } from './book-portal-course.js';
import { holdingSessions } from './portal-plan.js';

const dayMs = 86_400_000;
/** The portal offers a start every half hour, at most this many a day. */
const stepMinutes = 30;
const perDay = 12;

export interface PortalRules {
  noticeHours: number;
  now: string;
}

function planned(session: TreatmentSessionRecord): void {
  if (session.status !== 'planned')
    throw conflict('session_closed', `This session is ${session.status.replace('_', ' ')} and can no longer change.`, {
      next: 'see_plan',
    });
}

/** 409 once the session is within the clinic's notice period: from then on only the clinic changes it. */
export function assertChangeableOnline(session: TreatmentSessionRecord, rules: PortalRules): void {
  if (isChangeableOnline(session.scheduledAt, rules.noticeHours, Date.parse(rules.now))) return;
  throw conflict(
    'notice_period_passed',
    `Sessions can be moved or cancelled online until ${rules.noticeHours} hours before they start. ` +
      'This one is closer than that: please call the clinic to change it.',
    {
      next: 'call_clinic',
      noticeHours: rules.noticeHours,
      changeableUntil: new Date(changeableUntilMs(session.scheduledAt, rules.noticeHours)).toISOString(),
    },
  );
}

interface CourseFrame {
  course: CourseRecord;
  /** The course's sessions that hold a time, in order, and the session's place among them (1-based). */
  held: TreatmentSessionRecord[];
  number: number;
  location: LocationRecord;
  calendar: ZoneCalendar;
  window: MoveWindow | undefined;
}

/** The course around a session, where it was booked, and the days the session may move to online. */
async function courseFrame(
  repos: Repositories,
  session: TreatmentSessionRecord,
  rules: PortalRules,
): Promise<CourseFrame> {
  const course = found(await repos.courses.findById(session.courseId), 'session');
  const held = holdingSessions(await repos.treatmentSessions.listByCourse(course.id));
  const number = held.findIndex((s) => s.id === session.id) + 1;
  const locationId = (await repos.courses.findSchedule(course.id))?.locationId ?? session.locationId;
  const location = locationId ? await repos.clinics.findLocation(locationId) : undefined;
  if (!location || number < 1)
    throw conflict('incomplete_booking', 'This session cannot be moved online: please call the clinic.', {
      next: 'call_clinic',
    });
  const calendar = new ZoneCalendar(location.timeZone);
  const window = moveWindow({
    calendar,
    spacing: {
      intervalDays: course.plan.intervalDays,
      ...(course.plan.laterIntervalDays ? { laterIntervalDays: course.plan.laterIntervalDays } : {}),
      ...(await switchAfterOf(repos, course.id)),
    },
    starts: held.map((s) => Date.parse(s.scheduledAt)),
    session: number,
    notBeforeMs: earliestOnlineStartMs(Date.parse(rules.now), rules.noticeHours),
  });
  return { course, held, number, location, calendar, window };
}

async function switchAfterOf(repos: Repositories, courseId: string): Promise<{ switchAfter?: number }> {
  const switchAfter = (await repos.courses.findSchedule(courseId))?.switchAfter;
  return switchAfter == null ? {} : { switchAfter };
}

export interface MoveChoices {
  session: TreatmentSessionRecord;
  course: CourseRecord;
  window: MoveWindow | undefined;
  options: MoveOption[];
  practitionerId: string | null;
}

/**
 * Where the patient may move a session online: free times of its practitioner inside the course's
 * interval window, no sooner than the notice period from now. Refused (409) once the session itself
 * is within the notice period.
 */
export async function portalMoveChoices(
  repos: Repositories,
  user: UserRecord,
  sessionId: string,
  rules: PortalRules,
): Promise<MoveChoices> {
  const session = await loadAccessibleSession(repos, user, sessionId);
  planned(session);
  assertChangeableOnline(session, rules);
  const frame = await courseFrame(repos, session, rules);
  const { window, location, held } = frame;
  if (!window || !session.practitionerId)
    return { session, course: frame.course, window, options: [], practitionerId: session.practitionerId };
  const fromMs = frame.calendar.day(window.fromDay).startMs;
  const toMs = frame.calendar.day(window.toDay).endMs;
  const input = await loadScheduleInput(repos, location, { fromMs: fromMs - dayMs, toMs: toMs + dayMs });
  const prepared = callCore(() => prepareSchedule(input));
  const startMs = Date.parse(session.scheduledAt);
  const options = callCore(() =>
    moveOptions({
      schedule: prepared,
      practitionerId: session.practitionerId!,
      ownBookingIds: new Set(held.map((s) => s.id)),
      window,
      lengthMinutes: Math.round((sessionEndMs(startMs, session.durationMinutes) - startMs) / 60_000),
      notBeforeMs: earliestOnlineStartMs(Date.parse(rules.now), rules.noticeHours),
      stepMinutes,
      perDay,
      currentStartMs: startMs,
    }),
  );
  return { session, course: frame.course, window, options, practitionerId: session.practitionerId };
}

/**
 * Moves the patient's session to `start`, in the caller's transaction: only while the session is
 * outside the notice period, to a time no sooner than the notice period from now, and inside the
 * course's interval window; then the course re-flows as when the clinic moves it (rescheduleInCourse:
 * later sessions keep their intervals, the slot guard holds). Each refusal says what to do instead.
 */
export async function portalReschedule(
  tx: Repositories,
  input: { user: UserRecord; sessionId: string; start: string } & PortalRules,
): Promise<Rescheduled> {
  const { user, sessionId, start } = input;
  // A typo years out is a 400 naming the field, before the calendar is asked about a day it cannot name.
  assertWithinBookingWindow('start', Date.parse(start), Date.parse(input.now));
  const { courseId } = await loadAccessibleSession(tx, user, sessionId);
  // Course before session, as every re-flow takes them: concurrent changes queue, never deadlock.
  await tx.courses.lockForBooking(courseId);
  const session = await loadSessionForChange(tx, user, sessionId);
  planned(session);
  assertChangeableOnline(session, input);
  const startMs = Date.parse(start);
  if (startMs < earliestOnlineStartMs(Date.parse(input.now), input.noticeHours))
    throw conflict(
      'too_soon',
      `Online, a session can move to a time at least ${input.noticeHours} hours ahead: choose a later time, or call the clinic.`,
      { next: 'choose_again', noticeHours: input.noticeHours },
    );
  const { window, calendar, number } = await courseFrame(tx, session, input);
  const day = calendar.dayOf(startMs);
  if (!window || day < window.fromDay || day > window.toDay)
    throw conflict(
      'outside_interval_window',
      window
        ? `To keep the treatment's spacing, session ${number} must be between ${window.from} and ${window.to}: ` +
            'choose a day in that window, or call the clinic.'
        : `Session ${number} has no day left online that keeps the treatment's spacing: please call the clinic.`,
      { next: window ? 'choose_again' : 'call_clinic', ...(window ? { from: window.from, to: window.to } : {}) },
    );
  try {
    return await rescheduleInCourse(tx, { user, sessionId, newStart: start, now: input.now });
  } catch (error) {
    throw movedInPatientWords(error);
  }
}

/** The re-flow's refusals in the patient's words, its problems kept for the details. */
function movedInPatientWords(error: unknown): unknown {
  const worded = inPatientWords(error);
  if (worded !== error) return worded;
  if (!(error instanceof DomainError) || error.kind !== 'conflict' || error.code !== 'not_possible') return error;
  return conflict(
    'not_possible',
    'The course cannot keep its spacing around that time (a later session found no free time in its window). ' +
      'Nothing was moved: choose another time, or call the clinic.',
    { ...error.extra, next: 'choose_again' },
  );
}

/** Cancels the patient's session while it is outside the notice period, in the caller's transaction. */
export async function portalCancel(
  tx: Repositories,
  input: { user: UserRecord; sessionId: string } & PortalRules,
): Promise<TreatmentSessionRecord> {
  const session = await loadSessionForChange(tx, input.user, input.sessionId);
  planned(session);
  assertChangeableOnline(session, input);
  return closeSession(tx, { user: input.user, sessionId: session.id, status: 'cancelled', now: input.now });
}
