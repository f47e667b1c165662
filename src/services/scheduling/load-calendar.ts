import type { CalendarSessionRecord, LocationRecord, UserRecord } from '../../core/records/index.js';
import type { ScheduleInput } from '../../core/scheduling/availability.js';
import { calendarHours, type CalendarHours } from '../../core/scheduling/calendar-hours.js';
import type { Repositories } from '../../storage/repositories/repositories.js';
import { loadOwnLocation } from '../access/location-access.js';
import { notFound } from '../domain-errors.js';
import { callCore } from './core-call.js';
import { loadScheduleInput } from './load-schedule.js';

export interface ClinicCalendar {
  location: LocationRecord;
  /** The clinic's locations, to choose another. */
  locations: LocationRecord[];
  /** Who works at the location, with when (for the columns and their shading). */
  practitioners: { id: string; name: string; working: CalendarHours['practitioners'][number]['working'] }[];
  rooms: { id: string; name: string }[];
  open: CalendarHours['open'];
  closures: CalendarHours['closures'];
  sessions: CalendarSessionRecord[];
}

export interface CalendarWindow {
  locationId?: string;
  from: string;
  to: string;
  /** Only these of the location's practitioners (a page of the week's columns); all when absent. */
  practitionerIds?: readonly string[];
  /** Only these of the location's rooms; all when absent. */
  roomIds?: readonly string[];
}

/** The location's practitioners and rooms a page leaves out; anyone else's sessions always come. */
function hiddenColumns(input: ScheduleInput, query: CalendarWindow) {
  const hide = (all: string[], shown: readonly string[] | undefined) =>
    shown === undefined ? [] : all.filter((id) => !shown.includes(id));
  return {
    hidePractitionerIds: hide(
      input.practitioners.map((p) => p.practitionerId),
      query.practitionerIds,
    ),
    hideRoomIds: hide(
      input.location.rooms.map((r) => r.id),
      query.roomIds,
    ),
  };
}

/**
 * A location's calendar between two instants: its sessions (one query, names included), its
 * practitioners and rooms as columns, and when each practitioner works and the location is open,
 * with its closures, to shade the rest. Without a location, the clinic's first. Asked for some of
 * the location's practitioners or rooms, only their sessions (and those of no one or anyone else).
 */
export async function loadCalendar(
  repos: Repositories,
  user: UserRecord,
  query: CalendarWindow,
): Promise<ClinicCalendar> {
  const locations = await repos.clinics.listLocations(user.clinicId);
  const location = query.locationId ? await loadOwnLocation(repos, user, query.locationId) : locations[0];
  if (!location) throw notFound('location');
  const input = await loadScheduleInput(repos, location, null);
  const sessions = await repos.calendar.sessions({
    clinicId: user.clinicId,
    locationId: location.id,
    from: query.from,
    to: query.to,
    ...hiddenColumns(input, query),
  });
  const hours = callCore(() => calendarHours(input, { fromMs: Date.parse(query.from), toMs: Date.parse(query.to) }));
  const working = new Map(hours.practitioners.map((p) => [p.id, p.working]));
  return {
    location,
    locations,
    practitioners: input.practitioners.map((p) => ({
      id: p.practitionerId,
      name: p.name ?? p.practitionerId,
      working: working.get(p.practitionerId) ?? [],
    })),
    rooms: input.location.rooms.map((r) => ({ id: r.id, name: r.name ?? r.id })),
    open: hours.open,
    closures: hours.closures,
    sessions,
  };
}
