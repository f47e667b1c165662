import type { SessionStatus, TreatmentSessionRecord } from '../../core/records/index.js';
import { intervalWindows, type IntervalWindow } from '../../core/scheduling/interval-windows.js';
import { ZoneCalendar } from '../../core/scheduling/zone-calendar.js';
import type { Repositories } from '../../storage/repositories/repositories.js';
import { planReschedule, type MoveProblem, type RescheduleInput } from './plan-reschedule.js';
import { movesOf, type SessionMove } from './reschedule-course.js';
import { sessionEndMs } from './slot-claims.js';

/** Where a session is or would be, in the location's zone too, with who and which room. */
export interface Placement {
  start: string;
  end: string;
  localDate: string;
  localStart: string;
  practitionerId: string | null;
  practitionerName: string | null;
  roomId: string | null;
  roomName: string | null;
}

export interface PreviewSession {
  id: string;
  /** 1-based position among the course's planned and done sessions. */
  number: number;
  status: SessionStatus;
  /** The session asked to move. */
  target: boolean;
  moves: boolean;
  current: Placement;
  /** Where it would be after the move; null when the move is not possible. */
  proposed: Placement | null;
  /** The interval it keeps after the session before it, as it would be placed (as it is, when not possible). */
  window: IntervalWindow | null;
}

export interface ReschedulePreview {
  status: 'possible' | 'not_possible';
  sessionId: string;
  /** The session's `updatedAt` the preview was made from: send it back as `expectedUpdatedAt`. */
  updatedAt: string;
  timeZone: string;
  sessions: PreviewSession[];
  /** What the move would write: send it back as `expectedMoves` so that exactly this is applied. */
  moves: SessionMove[];
  /** Why the move cannot be made (empty when it can). */
  problems: MoveProblem[];
}

/**
 * What a move would do, without writing anything: the same plan as the move itself (planReschedule),
 * shown session by session with the interval window each keeps, or why it cannot be made.
 */
export async function previewReschedule(
  repos: Repositories,
  input: RescheduleInput,
): Promise<{ preview: ReschedulePreview; sessions: TreatmentSessionRecord[] }> {
  const plan = await planReschedule(repos, input, { lock: false });
  const cal = new ZoneCalendar(plan.location.timeZone);
  const rooms = new Map((await repos.availability.listRooms(plan.location.id)).map((r) => [r.id, r.name]));
  const people = new Map<string, string | null>();
  const nameOf = async (id: string | null) => {
    if (id === null) return null;
    if (!people.has(id)) people.set(id, (await repos.users.findById(id))?.displayName ?? null);
    return people.get(id) ?? null;
  };
  const placement = async (
    start: string,
    end: string,
    practitionerId: string | null,
    roomId: string | null,
  ): Promise<Placement> => {
    const local = cal.local(Date.parse(start));
    return {
      start: new Date(Date.parse(start)).toISOString(),
      end: new Date(Date.parse(end)).toISOString(),
      localDate: local.date,
      localStart: local.time,
      practitionerId,
      practitionerName: await nameOf(practitionerId),
      roomId,
      roomName: roomId === null ? null : (rooms.get(roomId) ?? null),
    };
  };

  const proposed = plan.result.status === 'rescheduled' ? plan.result.sessions : null;
  const current = await Promise.all(
    plan.sessions.map((s) => {
      const startMs = Date.parse(s.scheduledAt);
      const end = new Date(sessionEndMs(startMs, s.durationMinutes)).toISOString();
      return placement(s.scheduledAt, end, s.practitionerId, s.roomId);
    }),
  );
  const after = proposed
    ? await Promise.all(proposed.map((p) => placement(p.start, p.end, p.practitionerId, p.roomId)))
    : null;
  const spacing = {
    intervalDays: plan.plan.intervalDays,
    ...(plan.plan.laterIntervalDays ? { laterIntervalDays: plan.plan.laterIntervalDays } : {}),
    ...(plan.switchAfter === undefined ? {} : { switchAfter: plan.switchAfter }),
  };
  const windows = intervalWindows(
    spacing,
    (after ?? current).map((p) => p.localDate),
  );

  const preview: ReschedulePreview = {
    status: plan.result.status === 'rescheduled' ? 'possible' : 'not_possible',
    sessionId: plan.session.id,
    updatedAt: plan.session.updatedAt,
    timeZone: plan.location.timeZone,
    sessions: plan.sessions.map((s, i) => ({
      id: s.id,
      number: i + 1,
      status: s.status,
      target: s.id === plan.session.id,
      moves: plan.moved.includes(s.id),
      current: current[i]!,
      proposed: after?.[i] ?? null,
      window: windows[i] ?? null,
    })),
    moves: movesOf(plan),
    problems: plan.result.status === 'not_possible' ? plan.result.problems : [],
  };
  return { preview, sessions: plan.sessions };
}
