import type {
  AvailabilityException,
  Booking,
  PractitionerAvailability,
  ScheduleInput,
  WeeklyHours,
} from '../../core/scheduling/availability.js';
import type { AvailabilityExceptionRecord, LocationRecord } from '../../core/records/index.js';
import type { Repositories } from '../../storage/repositories/repositories.js';
import { conflict } from '../domain-errors.js';
import { clinicalRoles } from '../access/roles.js';
import { toWeeklyHours, weeklyHours } from './availability-fields.js';
import { sessionEndMs, widenToSlots } from './slot-claims.js';

const dayMs = 86_400_000;

function toException(record: AvailabilityExceptionRecord): AvailabilityException {
  const reason = record.reason === null ? {} : { reason: record.reason };
  return record.kind === 'days'
    ? { kind: 'days', from: record.from, to: record.to, ...reason }
    : { kind: 'hours', start: record.start, end: record.end, ...reason };
}

/**
 * The clinic's sessions that can block anyone here between `fromMs` and `toMs`, widened to the
 * guard's slots so the finder never proposes what the guard refuses. A session without a
 * practitioner or room gets '' there, an id nothing has, so it blocks only what it names.
 */
async function loadBookings(repos: Repositories, clinicId: string, fromMs: number, toMs: number): Promise<Booking[]> {
  // A day earlier: sessions that started before the window may still run into it.
  const slots = await repos.availability.bookedSlots({
    clinicId,
    from: new Date(fromMs - dayMs).toISOString(),
    to: new Date(toMs).toISOString(),
  });
  const bookings: Booking[] = [];
  for (const slot of slots) {
    const startMs = Date.parse(slot.start);
    if (Number.isNaN(startMs) || (slot.practitionerId === null && slot.roomId === null)) continue;
    const [start, end] = widenToSlots(startMs, sessionEndMs(startMs, slot.durationMinutes));
    if (end <= start) continue;
    bookings.push({
      id: slot.sessionId,
      practitionerId: slot.practitionerId ?? '',
      roomId: slot.roomId ?? '',
      start: new Date(start).toISOString(),
      end: new Date(end).toISOString(),
    });
  }
  return bookings;
}

/**
 * The course finder's input for one location, read from the database (pass the transaction's
 * repositories when booking): its zone, opening hours and active rooms, the working weeks of its
 * active practitioners with their time off, its closures, and the clinic's bookings in the window
 * (none without a window: a calendar shading working hours needs no bookings).
 */
export async function loadScheduleInput(
  repos: Repositories,
  location: LocationRecord,
  window: { fromMs: number; toMs: number } | null,
): Promise<ScheduleInput> {
  // Asked together: PostgreSQL answers them on the pool's connections at once, rather than a round
  // trip each in turn (twenty practitioners were twenty-four trips).
  const [rooms, hours, exceptions, opening] = await Promise.all([
    repos.availability.listRooms(location.id),
    repos.availability.listPractitionerHours(location.id),
    repos.availability.listExceptions(location.id),
    repos.availability.findOpeningHours(location.id),
  ]);
  const users = await Promise.all(hours.map((entry) => repos.users.findById(entry.practitionerId)));
  const roomIds = new Set(rooms.map((r) => r.id));

  const practitioners: PractitionerAvailability[] = [];
  for (const [i, entry] of hours.entries()) {
    const user = users[i];
    if (!user || !user.active || user.clinicId !== location.clinicId || !clinicalRoles.includes(user.role)) continue;
    const week = weeklyHours.safeParse(entry.weeklyHours);
    if (!week.success)
      throw conflict(
        'availability_invalid',
        `the stored working hours of ${user.displayName} at ${location.name} are not valid; set them again`,
      );
    practitioners.push({
      practitionerId: user.id,
      name: user.displayName,
      locationId: location.id,
      weeklyHours: toWeeklyHours(week.data),
      exceptions: exceptions.filter((e) => e.practitionerId === user.id).map(toException),
      // Rooms taken out of use since the hours were set are simply no longer offered.
      ...(entry.roomIds ? { roomIds: entry.roomIds.filter((id) => roomIds.has(id)) } : {}),
    });
  }

  let openingHours: WeeklyHours | undefined;
  if (opening) {
    const week = weeklyHours.safeParse(opening.weeklyHours);
    if (!week.success)
      throw conflict(
        'availability_invalid',
        `the stored opening hours of ${location.name} are not valid; set them again`,
      );
    openingHours = toWeeklyHours(week.data);
  }

  return {
    location: {
      id: location.id,
      timeZone: location.timeZone,
      rooms: rooms.map((r) => ({ id: r.id, name: r.name })),
      closures: exceptions.filter((e) => e.practitionerId === null).map(toException),
      ...(openingHours ? { openingHours } : {}),
    },
    practitioners,
    bookings: window ? await loadBookings(repos, location.clinicId, window.fromMs, window.toMs) : [],
  };
}
