import type { KnowledgeBase } from '../../core/knowledge/knowledge-base.js';
import type { KnowledgeLibrary } from '../../core/knowledge/knowledge-library.js';
import { instructionsIn } from '../../core/localization/instructions-in-language.js';
import { changeableUntilMs, isChangeableOnline } from '../../core/portal/notice-period.js';
import type { CourseRecord, PatientRecord, TreatmentSessionRecord } from '../../core/records/index.js';
import { ZoneCalendar } from '../../core/scheduling/zone-calendar.js';
import type { Repositories } from '../../storage/repositories/repositories.js';
import { sessionEndMs } from '../scheduling/slot-claims.js';
import { PlanNames } from './plan-names.js';

const hourMs = 3_600_000;

/** One step of what to do before a session, from when (the knowledge base's window before it). */
export interface PreparationStep {
  code: string;
  text: string;
  /** From this instant on; "now" once it has passed. */
  from: string;
  sources: string[];
}

/** A session as the patient reads it: "session 2 of 6, 14 Jan, 10:00, with Dr Weber, Room 2, face". */
export interface PortalSession {
  id: string;
  courseId: string;
  /** Its place among the course's sessions that hold a time (planned or done), and how many those are. */
  number: number;
  of: number;
  status: TreatmentSessionRecord['status'];
  scheduledAt: string;
  endsAt: string;
  /** The location's zone, in which `localDate` and `localTime` are given. */
  timeZone: string;
  localDate: string;
  localTime: string;
  practitionerName: string | null;
  locationName: string | null;
  roomName: string | null;
  indication: string;
  indicationName: string;
  area: string;
  areaName: string;
  /** Until when it may be moved or cancelled online; whether it still may (planned, and before then). */
  changeableUntil: string;
  changeable: boolean;
  /** For a planned session still ahead: the knowledge base's preparation, each step with its start. */
  preparation: PreparationStep[];
}

export interface PortalCourse {
  id: string;
  status: CourseRecord['status'];
  indication: string;
  indicationName: string;
  area: string;
  areaName: string;
  /** The plan's initial course and spacing, for "4 to 10 sessions, 7 to 14 days apart". */
  plannedSessions: { min: number; max: number };
  intervalDays: { min: number; max: number };
  sessions: PortalSession[];
}

export interface PlanContext {
  /** The knowledge base in every language: names and preparation are given in the patient's. */
  knowledge: KnowledgeLibrary;
  /** The patient's language. */
  language: string;
  noticeHours: number;
  nowMs: number;
}

/** The knowledge base's words for a course's indication and area (the code itself if it has none). */
function namesOf(knowledgeBase: KnowledgeBase, course: CourseRecord): { indicationName: string; areaName: string } {
  return {
    indicationName: knowledgeBase.indications.get(course.indication)?.name ?? course.indication,
    areaName: knowledgeBase.areas.get(course.area)?.name ?? course.area,
  };
}

/** The course's sessions that hold a time, in order: the ones a plan counts. */
export function holdingSessions(sessions: readonly TreatmentSessionRecord[]): TreatmentSessionRecord[] {
  return sessions
    .filter((s) => s.status === 'planned' || s.status === 'done')
    .sort((a, b) => a.scheduledAt.localeCompare(b.scheduledAt));
}

/** The course's sessions described for the patient; `names` caches the lookups across courses. */
export async function describeCourseSessions(
  names: PlanNames,
  course: CourseRecord,
  sessions: readonly TreatmentSessionRecord[],
  context: PlanContext,
): Promise<PortalSession[]> {
  const held = holdingSessions(sessions);
  const { indicationName, areaName } = namesOf(context.knowledge.for(context.language), course);
  // The preparation as the plan stored it (for the area, and safe for anyone on a blood thinner), in
  // the patient's language where it is the knowledge base's text.
  const preparation = instructionsIn(course.plan.preparation, 'preparation', context.knowledge, context.language);
  const out: PortalSession[] = [];
  for (const [i, session] of held.entries()) {
    const location = await names.location(session.locationId ?? (await names.courseLocationId(course.id)));
    const timeZone = location?.timeZone ?? 'UTC';
    const startMs = Date.parse(session.scheduledAt);
    const local = new ZoneCalendar(timeZone).local(startMs);
    const ahead = session.status === 'planned' && startMs > context.nowMs;
    out.push({
      id: session.id,
      courseId: course.id,
      number: i + 1,
      of: held.length,
      status: session.status,
      scheduledAt: session.scheduledAt,
      endsAt: new Date(sessionEndMs(startMs, session.durationMinutes)).toISOString(),
      timeZone,
      localDate: local.date,
      localTime: local.time,
      practitionerName: await names.practitioner(session.practitionerId),
      locationName: location?.name ?? null,
      roomName: await names.room(session.roomId),
      indication: course.indication,
      indicationName,
      area: course.area,
      areaName,
      changeableUntil: new Date(changeableUntilMs(session.scheduledAt, context.noticeHours)).toISOString(),
      changeable: ahead && isChangeableOnline(session.scheduledAt, context.noticeHours, context.nowMs),
      preparation: ahead
        ? preparation.map((step) => ({
            code: step.code,
            text: step.text,
            from: new Date(startMs - step.hours.max * hourMs).toISOString(),
            sources: step.sources,
          }))
        : [],
    });
  }
  return out;
}

/** One course of the plan: its plan in brief and its sessions as they now stand (read when not given). */
export async function describeCourse(
  repos: Repositories,
  course: CourseRecord,
  context: PlanContext,
  options: { names?: PlanNames; sessions?: readonly TreatmentSessionRecord[] } = {},
): Promise<PortalCourse> {
  const knowledgeBase = context.knowledge.for(context.language);
  const sessions = options.sessions ?? (await repos.treatmentSessions.listByCourse(course.id));
  return {
    id: course.id,
    status: course.status,
    indication: course.indication,
    area: course.area,
    ...namesOf(knowledgeBase, course),
    plannedSessions: { min: course.plan.sessions.min, max: course.plan.sessions.max },
    intervalDays: { min: course.plan.intervalDays.min, max: course.plan.intervalDays.max },
    sessions: await describeCourseSessions(options.names ?? new PlanNames(repos), course, sessions, context),
  };
}

/**
 * The patient's whole plan: every course with a session, newest first, each session in words. The
 * knowledge base wrote the preparation into the plan when the patient was assessed (for the area,
 * and safe for anyone on a blood thinner), so its steps are shown as they stand, in the patient's
 * language.
 */
export async function describePortalPlan(
  repos: Repositories,
  patient: PatientRecord,
  context: PlanContext,
): Promise<{ courses: PortalCourse[]; sessions: TreatmentSessionRecord[] }> {
  const names = new PlanNames(repos);
  const [courses, sessions] = await Promise.all([
    repos.courses.listByPatient(patient.id),
    repos.treatmentSessions.listByPatient(patient.id),
  ]);
  const out: PortalCourse[] = [];
  for (const course of courses) {
    const own = sessions.filter((s) => s.courseId === course.id);
    const described = await describeCourse(repos, course, context, { names, sessions: own });
    if (described.sessions.length > 0 || course.status === 'active') out.push(described);
  }
  const shown = new Set(out.flatMap((c) => c.sessions.map((s) => s.id)));
  return { courses: out, sessions: sessions.filter((s) => shown.has(s.id)) };
}
