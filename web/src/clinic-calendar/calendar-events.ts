import type {
  CalendarData,
  CalendarEvent,
  CalendarGrouping,
  CalendarResource,
  CalendarSession,
  MoveTarget,
} from './calendar-types';

/** The column a session without a practitioner or room goes to. */
export const unassigned = '';

/**
 * Where a drop into `column` takes the session besides its new time: that column's practitioner (or
 * room, in the room view) when it is another than the session's own; nothing for its own column or
 * "not assigned".
 */
export function dropTarget(grouping: CalendarGrouping, session: CalendarSession, column: unknown): MoveTarget {
  if (typeof column !== 'string' || column === unassigned) return {};
  if (grouping === 'rooms') return column === session.roomId ? {} : { roomId: column };
  return column === session.practitionerId ? {} : { practitionerId: column };
}

/** Columns: the location's practitioners (or rooms), then anyone only a session names, then "not assigned" if needed. */
export function calendarResources(
  data: CalendarData,
  grouping: CalendarGrouping,
  unassignedTitle: string,
): CalendarResource[] {
  const listed = (grouping === 'practitioners' ? data.practitioners : data.rooms).map((r) => ({
    id: r.id,
    title: r.name,
  }));
  const known = new Set(listed.map((r) => r.id));
  const extra: CalendarResource[] = [];
  for (const s of data.sessions) {
    const id = (grouping === 'practitioners' ? s.practitionerId : s.roomId) ?? unassigned;
    const name = grouping === 'practitioners' ? s.practitionerName : s.roomName;
    if (known.has(id)) continue;
    known.add(id);
    extra.push({ id, title: id === unassigned ? unassignedTitle : (name ?? unassignedTitle) });
  }
  return [...listed, ...extra.sort((a, b) => (a.id === unassigned ? 1 : b.id === unassigned ? -1 : 0))];
}

export function patientName(session: CalendarSession): string {
  return `${session.patient.firstName} ${session.patient.lastName}`;
}

/** The sessions as the calendar places them; cancelled ones only when asked for. */
export function calendarEvents(
  data: CalendarData,
  grouping: CalendarGrouping,
  now: Date,
  showClosed: boolean,
): CalendarEvent[] {
  return data.sessions
    .filter((s) => showClosed || (s.status !== 'cancelled' && s.status !== 'no_show'))
    .map((s) => ({
      id: s.id,
      title: patientName(s),
      start: new Date(s.scheduledAt),
      end: new Date(s.endsAt),
      resourceId: (grouping === 'practitioners' ? s.practitionerId : s.roomId) ?? unassigned,
      session: s,
      movable: s.status === 'planned' && Date.parse(s.scheduledAt) > now.getTime(),
    }));
}

type Span = { start: string; end: string };

/** Whether [at, at + length) lies inside one of the spans (instants, sorted). */
function inside(spans: readonly Span[], at: number, lengthMs: number): boolean {
  return spans.some((s) => Date.parse(s.start) <= at && at + lengthMs <= Date.parse(s.end));
}

export type SlotShade = 'closed' | 'off' | null;

/**
 * How a time slot of a column is shaded: the location closed (a holiday), outside the column's
 * hours (the practitioner's working time, or the location's opening hours for a room), or not at all.
 */
export function slotShade(
  data: CalendarData,
  grouping: CalendarGrouping,
  slot: Date,
  resourceId: string | undefined,
  slotMs: number,
): SlotShade {
  const at = slot.getTime();
  if (data.closures.some((c) => Date.parse(c.start) <= at && at < Date.parse(c.end))) return 'closed';
  if (grouping === 'practitioners' && resourceId !== undefined && resourceId !== unassigned) {
    const person = data.practitioners.find((p) => p.id === resourceId);
    return person && inside(person.working, at, slotMs) ? null : 'off';
  }
  return inside(data.open, at, slotMs) ? null : 'off';
}

/**
 * The hours the grid shows on every day: from the earliest working or booked time to the latest,
 * whole hours, at least 08:00 to 18:00.
 */
export function visibleHours(data: CalendarData): { min: Date; max: Date } {
  let first = 8 * 60;
  let last = 18 * 60;
  const minutes = (iso: string) => {
    const d = new Date(iso);
    return d.getHours() * 60 + d.getMinutes();
  };
  const spans: Span[] = [
    ...data.practitioners.flatMap((p) => p.working),
    ...data.sessions.map((s) => ({ start: s.scheduledAt, end: s.endsAt })),
  ];
  for (const s of spans) {
    const start = minutes(s.start);
    const sameDay = new Date(s.start).toDateString() === new Date(s.end).toDateString();
    const end = sameDay ? minutes(s.end) : 24 * 60;
    first = Math.min(first, start);
    last = Math.max(last, end);
  }
  const at = (m: number) => {
    const d = new Date(2000, 0, 1, 0, 0, 0, 0);
    d.setMinutes(m);
    return d;
  };
  return { min: at(Math.floor(first / 60) * 60), max: at(Math.min(24 * 60 - 1, Math.ceil(last / 60) * 60)) };
}
