import { ZoneCalendar } from '../../core/scheduling/zone-calendar.js';
import type { CheckInRecord } from '../../core/records/index.js';
import { clinicTimeZone } from '../documents/clinic-zone.js';
import type { Repositories } from '../../storage/repositories/repositories.js';
import type { ScheduleEntry } from '../../storage/repositories/treatment-session-repository.js';
import { loadOwnLocation } from '../access/location-access.js';
import { userNames } from '../user-names.js';

/** A session of the day with the patient's contact details and, once they arrived, the check-in. */
export interface Arrival extends ScheduleEntry {
  checkIn: (CheckInRecord & { checkedInByName: string | null }) | null;
}

/** The most sessions one day's arrivals list shows. */
export const maxArrivals = 500;

/** The clinic's sessions in a window (a day), at one location or all, in time order, each with its check-in. */
export async function listArrivals(
  repos: Repositories,
  query: { clinicId: string; from: string; to: string; locationId?: string },
): Promise<Arrival[]> {
  if (query.locationId) await loadOwnLocation(repos, query, query.locationId);
  const entries = await repos.treatmentSessions.schedule({ ...query, limit: maxArrivals, offset: 0 });
  const checkIns = await repos.frontDesk.checkInsOf(entries.map((e) => e.session.id));
  const names = await userNames(
    repos,
    query.clinicId,
    checkIns.map((c) => c.checkedInBy),
  );
  const bySession = new Map(checkIns.map((c) => [c.sessionId, c]));
  return entries.map((entry) => {
    const checkIn = bySession.get(entry.session.id);
    return {
      ...entry,
      checkIn: checkIn
        ? { ...checkIn, checkedInByName: (checkIn.checkedInBy && names.get(checkIn.checkedInBy)) ?? null }
        : null,
    };
  });
}

/** Today where the location is (else the clinic's first location): the instants it starts and ends. */
export async function clinicToday(
  repos: Repositories,
  clinicId: string,
  now: Date,
  locationId?: string,
): Promise<{ from: string; to: string }> {
  const calendar = new ZoneCalendar(await clinicTimeZone(repos, clinicId, locationId));
  const today = calendar.day(calendar.dayOf(now.getTime()));
  return { from: new Date(today.startMs).toISOString(), to: new Date(today.endMs).toISOString() };
}
