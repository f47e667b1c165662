import { plannedCourse } from '../treatment/planned-course.js';
import { addDays, dayNumber, type IsoDate } from '../../core/dates/iso-date.js';
import type { Plan } from '../../core/assessment/assessment-result.js';
import type { PatientRecord, TreatmentSessionRecord, UserRecord } from '../../core/records/index.js';
import type { WallClockSpan } from '../../core/scheduling/wall-clock.js';
import { demoPractitioners, type DemoPractitioner } from '../../storage/seed/demo-data.js';
import { afterSessionsChanged } from '../scheduling/after-sessions-changed.js';
import { bookCourse } from '../scheduling/book-course.js';
import { closeSession } from '../scheduling/close-session.js';
import { proposeCourse } from '../scheduling/propose-course.js';
import { audit, demoKnowledge, localInstant, minutes, type DemoContext } from './demo-context.js';
import { renderPngDataUrl, signatureSvg } from './demo-images.js';
import { demoIntake, recordIntake } from './demo-intake.js';
import type { DemoPatient } from './demo-patients.js';
import {
  chartHeldSession,
  endCourse,
  reportSideEffect,
  takePhoto,
  type DemoCourseState,
} from './demo-session-steps.js';

/** The patient's preferred half of the practitioner's day on that weekday. */
function preferredTimes(ctx: DemoContext, key: DemoPractitioner, date: IsoDate, half: 'morning' | 'afternoon') {
  const spans = demoPractitioners[key].hours[ctx.calendar.day(dayNumber(date)).weekday] ?? [];
  const span: WallClockSpan | undefined = half === 'morning' ? spans[0] : spans.at(-1);
  return span ? [span] : [];
}

/** Books the whole course with the course finder and the booking rules, as reception would, then plans what follows. */
async function bookAndFollow(ctx: DemoContext, story: DemoPatient, state: DemoCourseState, plan: Plan): Promise<void> {
  const { tx, setup, timeline } = ctx;
  const reception = setup.staff.reception;
  const course = state.plan;
  const firstDate = addDays(ctx.today, course.firstDay);
  const now = timeline.now.toISOString();
  const timesOfDay = preferredTimes(ctx, story.practitioner, firstDate, course.timeOfDay);
  const practitionerId = setup.staff[story.practitioner].id;
  const { result } = await proposeCourse(tx, {
    location: setup.location,
    plan,
    now,
    options: {
      sessions: course.sessions,
      earliestStart: firstDate,
      preferences: { practitionerId, timesOfDay },
    },
  });
  const found = result.status === 'found' ? result.course : result.alternatives[0]?.course;
  if (!found) throw new Error(`no course fits for ${story.firstName} ${story.lastName} from ${firstDate}`);
  const booked = await bookCourse(tx, {
    user: reception,
    courseId: state.course.id,
    booking: {
      locationId: setup.location.id,
      sessions: found.sessions.map((s) => ({ start: s.start, practitionerId: s.practitionerId, roomId: s.roomId })),
      preferences: { timesOfDay },
    },
    now,
  });
  const patientId = state.patient.id;
  const followUp = await afterSessionsChanged(
    tx,
    { messaging: ctx.messaging, knowledge: demoKnowledge(ctx), now: timeline.now },
    {
      patientId,
      sessions: booked.sessions,
      known: { course: booked.course, patient: booked.patient, location: booked.location },
      rescreen: true,
      confirmation: 'course',
    },
  );
  await audit(ctx, reception, [
    ...booked.sessions.map((s) => ({
      action: 'create' as const,
      entity: 'treatment_session',
      entityId: s.id,
      patientId,
    })),
    { action: 'update', entity: 'course', entityId: state.course.id, patientId },
    ...followUp,
  ]);
  followSessions(ctx, story, state, booked.sessions);
}

/** Schedules what happened at and after each booked session, up to now. */
function followSessions(
  ctx: DemoContext,
  story: DemoPatient,
  state: DemoCourseState,
  sessions: readonly TreatmentSessionRecord[],
): void {
  const { timeline } = ctx;
  const course = state.plan;
  const ends = sessions.map((s) => Date.parse(s.scheduledAt) + minutes(s.durationMinutes ?? 60));
  const held: TreatmentSessionRecord[] = [];
  sessions.forEach((session, i) => {
    const start = Date.parse(session.scheduledAt);
    const end = ends[i] ?? start;
    if (course.noShow === i + 1) {
      timeline.at(start + minutes(20), async () => {
        const reception = ctx.setup.staff.reception;
        const closed = await closeSession(ctx.tx, {
          user: reception,
          sessionId: session.id,
          status: 'no_show',
          now: timeline.now.toISOString(),
        });
        const followUp = await afterSessionsChanged(
          ctx.tx,
          { messaging: ctx.messaging, knowledge: demoKnowledge(ctx), now: timeline.now },
          { patientId: state.patient.id, sessions: [closed], rescreen: false },
        );
        await audit(ctx, reception, [
          { action: 'update', entity: 'treatment_session', entityId: session.id, patientId: state.patient.id },
          ...followUp,
        ]);
      });
      return;
    }
    if (story.photos && held.length === 0)
      timeline.at(start + minutes(5), () => takePhoto(ctx, state, session, 'before'));
    const number = held.length + 1;
    if (timeline.at(end, () => chartHeldSession(ctx, state, session, number))) held.push(session);
  });
  const last = held.at(-1);
  const lastEnd = last ? Date.parse(last.scheduledAt) + minutes(last.durationMinutes ?? 60) : 0;
  if (story.photos && last && held.length >= 3)
    timeline.at(lastEnd + minutes(2), () => takePhoto(ctx, state, last, 'after'));
  if (course.end && last && held.length + (course.noShow ? 1 : 0) === sessions.length)
    timeline.at(lastEnd + minutes(30), () => endCourse(ctx, state));

  const report = story.sideEffect;
  const reported = report && sessions[report.afterSession - 1];
  if (report && reported) {
    const sessionDay = ctx.calendar.local(Date.parse(reported.scheduledAt)).day - dayNumber(ctx.today);
    const reporterId = report.reportedBy === 'patient' ? state.portalUserId : state.practitionerId;
    if (!reporterId) throw new Error(`${story.firstName} ${story.lastName} reports without a portal login`);
    timeline.at(localInstant(ctx, sessionDay + report.reportedAfterDays, '10:15'), () =>
      reportSideEffect(ctx, state, reported.id, report, reporterId),
    );
  }
}

/** The patient's signature of the current consent text, drawn on the clinic's tablet. */
async function signConsent(ctx: DemoContext, by: UserRecord, patient: PatientRecord): Promise<void> {
  const signature = await ctx.tx.consent.sign({
    patientId: patient.id,
    consentTextId: ctx.setup.consentText.id,
    typedName: `${patient.firstName} ${patient.lastName}`,
    signatureImage: await renderPngDataUrl(signatureSvg(ctx.random)),
    userAgent: null,
    userId: by.id,
  });
  await audit(ctx, by, [
    { action: 'create', entity: 'consent_signature', entityId: signature.id, patientId: patient.id },
  ]);
}

/**
 * One patient's story: registered, screened and (with a course) consented and booked on the day
 * they were first seen; then each session, photo, report and later intake at its own time.
 */
export function scheduleStory(ctx: DemoContext, story: DemoPatient, index: number): void {
  const { tx, setup, timeline } = ctx;
  const seenAt = localInstant(ctx, story.seenDay, '12:30') + minutes(index);
  timeline.at(seenAt, async () => {
    const reception = setup.staff.reception;
    const practitioner = setup.staff[story.practitioner];
    const patient = await tx.patients.create({
      clinicId: setup.clinic.id,
      firstName: story.firstName,
      lastName: story.lastName,
      birthDate: story.birthDate,
      sex: story.sex,
      phone: story.phone,
      email: story.email,
    });
    await audit(ctx, reception, [{ action: 'create', entity: 'patient', entityId: patient.id, patientId: patient.id }]);
    const seenDate = addDays(ctx.today, story.seenDay);
    const { assessment, result } = await recordIntake(ctx, practitioner, patient, demoIntake(story, seenDate));

    let portalUserId: string | undefined;
    if (story.portal && story.email) {
      const passwordHash = ctx.portalPasswordHashes.get(story.email);
      if (!passwordHash) throw new Error(`no portal password for ${story.email}`);
      const user = await tx.users.create({
        clinicId: setup.clinic.id,
        email: story.email,
        displayName: `${story.firstName} ${story.lastName}`,
        passwordHash,
        role: 'patient',
        patientId: patient.id,
      });
      portalUserId = user.id;
      await audit(ctx, setup.staff.admin, [
        { action: 'create', entity: 'user', entityId: user.id, patientId: patient.id },
      ]);
    }

    const later = story.newIntake;
    if (later)
      timeline.at(localInstant(ctx, later.day, '12:45'), async () => {
        const date = addDays(ctx.today, later.day);
        await recordIntake(ctx, practitioner, patient, demoIntake(story, date, later.history(date)));
      });

    const plan = result.plan;
    if (!story.course || !plan) return;
    await signConsent(ctx, practitioner, patient);
    const course = await tx.courses.create(plannedCourse(patient.id, assessment.id, plan, practitioner.id));
    await audit(ctx, practitioner, [
      { action: 'create', entity: 'course', entityId: course.id, patientId: patient.id },
    ]);
    const state: DemoCourseState = {
      patient,
      course,
      plan: story.course,
      practitionerId: practitioner.id,
      ...(portalUserId ? { portalUserId } : {}),
    };
    timeline.at(timeline.now.getTime() + minutes(10), () => bookAndFollow(ctx, story, state, plan));
  });
}
