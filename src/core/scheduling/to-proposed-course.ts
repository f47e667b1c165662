import type { ProposedCourse, ScheduledSession } from './course-result.js';
import type { FoundSession } from './course-search.js';
import { formatInstant } from './instant.js';
import type { PreparedSchedule } from './prepare-schedule.js';

const MS_PER_MINUTE = 60_000;

/** Plain-data sessions (instants in UTC plus the local reading) from search indexes. */
function toScheduledSessions(
  schedule: PreparedSchedule,
  found: readonly FoundSession[],
  lengthMs: readonly number[] | number,
  firstNumber = 1,
): ScheduledSession[] {
  const cal = schedule.calendar;
  let previousDay: number | undefined;
  return found.map((s, i) => {
    const endMs = s.startMs + (typeof lengthMs === 'number' ? lengthMs : lengthMs[i]!);
    const start = cal.local(s.startMs);
    const session: ScheduledSession = {
      number: firstNumber + i,
      practitionerId: schedule.practitioners[s.practitioner]!.id,
      roomId: schedule.rooms[s.roomIndex]!.id,
      start: formatInstant(s.startMs),
      end: formatInstant(endMs),
      localDate: start.date,
      localStart: start.time,
      localEnd: cal.local(endMs).time,
    };
    if (previousDay !== undefined) session.daysAfterPrevious = s.day - previousDay;
    previousDay = s.day;
    return session;
  });
}

export function toProposedCourse(
  schedule: PreparedSchedule,
  found: readonly FoundSession[],
  sessionMinutes: number,
): ProposedCourse {
  const sessions = toScheduledSessions(schedule, found, sessionMinutes * MS_PER_MINUTE);
  const practitionerIds = [...new Set(sessions.map((s) => s.practitionerId))];
  return {
    sessions,
    practitionerIds,
    singlePractitioner: practitionerIds.length === 1,
    sessionMinutes,
    firstDate: sessions[0]!.localDate,
    lastDate: sessions[sessions.length - 1]!.localDate,
  };
}
