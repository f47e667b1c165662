import type { CalendarSessionRecord, LocationRecord, UserRecord } from '../../core/records/index.js';
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

/**
 * A location's calendar between two instants: its sessions (one query, names included), its
 * practitioners and rooms as columns, and when each practitioner works and the location is open,
 * with its closures, to shade the rest. Without a location, the clinic's first.
 */
export async function loadCalendar(
  repos: Repositories,
  user: UserRecord,
  query: { locationId?: string; from: string; to: string },
): Promise<ClinicCalendar> {
  const locations = await repos.clinics.listLocations(user.clinicId);
  const location = query.locationId ? await loadOwnLocation(repos, user, query.locationId) : locations[0];
  if (!location) throw notFound('location');
  const sessions = await repos.calendar.sessions({
    clinicId: user.clinicId,
    locationId: location.id,
    from: query.from,
    to: query.to,
  });
  const input = await loadScheduleInput(repos, location, null);
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
