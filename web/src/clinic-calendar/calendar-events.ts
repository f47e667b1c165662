import type {
  CalendarData,
  CalendarEvent,
  CalendarGrouping,
  CalendarResource,
  CalendarSession,
  CalendarView,
  ColumnFilter,
  MoveTarget,
} from './calendar-types';
import { shadeOf, unassigned, type SlotShade } from './calendar-shading';

export { unassigned };

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

/**
 * Columns a week shows at once unless asked for all: five practitioners' weeks are 35 day columns,
 * already three screens wide; all twenty at once are 140.
 */
export const columnsPerPage = 5;

/** The columns a view shows: a day shows all; a week a page of them (from 1), or all when asked. */
export interface ColumnPage {
  columns: CalendarResource[];
  /** The page shown (from 1); 1 when all are shown. */
  page: number;
  pages: number;
  /** Of all the columns, the first and last shown (from 1), and how many there are. */
  first: number;
  last: number;
  count: number;
  /** A week asked to show all its columns although they make several pages. */
  all: boolean;
}

export function columnPage(columns: CalendarResource[], view: CalendarView, page: number | 'all'): ColumnPage {
  const count = columns.length;
  const pages = view === 'week' ? Math.max(1, Math.ceil(count / columnsPerPage)) : 1;
  if (page === 'all' || pages === 1)
    return { columns, page: 1, pages, first: count ? 1 : 0, last: count, count, all: pages > 1 };
  const current = Math.min(Math.max(1, Math.floor(page)), pages);
  const first = (current - 1) * columnsPerPage;
  return {
    columns: columns.slice(first, first + columnsPerPage),
    page: current,
    pages,
    first: first + 1,
    last: Math.min(count, first + columnsPerPage),
    count,
    all: false,
  };
}

/**
 * What a week's page asks the server for: the location's practitioners (or rooms) among its columns,
 * as `known`, an earlier answer for the location, lists them; the server leaves out the sessions of
 * the others. Nothing to leave out (every session) for a day, for all columns at once, for a page of
 * only unlisted columns (someone from elsewhere, "not assigned") and while the location is unknown.
 */
export function pageColumns(
  known: CalendarData | undefined,
  view: { locationId: string | undefined; view: CalendarView; grouping: CalendarGrouping; page: number | 'all' },
): ColumnFilter | undefined {
  if (!known || view.view !== 'week' || view.page === 'all') return undefined;
  // Without a location the server shows the clinic's first.
  if ((view.locationId ?? known.locations[0]?.id) !== known.location.id) return undefined;
  const listed = new Set((view.grouping === 'practitioners' ? known.practitioners : known.rooms).map((c) => c.id));
  const shown = columnPage(calendarResources(known, view.grouping, ''), 'week', view.page);
  const ids = shown.columns.map((c) => c.id).filter((id) => listed.has(id));
  return ids.length === 0 || ids.length === listed.size ? undefined : { by: view.grouping, ids };
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
  return shadeOf(data, grouping)(resourceId, slot.getTime(), slotMs);
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
  const spans: { start: string; end: string }[] = [
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
