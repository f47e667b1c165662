import { addDays } from '../../core/dates/iso-date.js';
import { localDate } from '../../core/dates/local-date.js';
import { shiftWeek } from '../../core/safety-signals/iso-week.js';
import { horizonWeeks, type DetectionInput, type DetectionSettings } from '../../core/safety-signals/signal-types.js';
import type { Repositories } from '../../storage/repositories/repositories.js';
import { clinicTimeZone } from '../documents/clinic-zone.js';

/**
 * What detection reads, as of `now`: the clinic's sessions held over the settings' horizon, each
 * dated where it took place (its location's zone, else the clinic's), and every report on them.
 */
export async function loadDetectionInput(
  repos: Repositories,
  clinicId: string,
  now: Date,
  settings: DetectionSettings,
): Promise<DetectionInput> {
  const [clinicZone, locations] = await Promise.all([
    clinicTimeZone(repos, clinicId),
    repos.clinics.listLocations(clinicId),
  ]);
  const zones = new Map(locations.map((l) => [l.id, l.timeZone]));
  const today = localDate(now.toISOString(), clinicZone);
  // A day early in UTC: no zone is more than 14 hours ahead, so the first local day is all there.
  const first = addDays(shiftWeek(today, -(horizonWeeks(settings) - 1)).monday, -1);
  const from = `${first}T00:00:00.000Z`;
  const to = now.toISOString();
  const [rows, reports] = await Promise.all([
    repos.safetySignals.heldSessions(clinicId, from, to),
    repos.safetySignals.reportsOnHeldSessions(clinicId, from, to),
  ]);
  const sessions = rows.map(({ scheduledAt, locationId, ...session }) => ({
    ...session,
    date: localDate(scheduledAt, (locationId && zones.get(locationId)) || clinicZone),
  }));
  return { today, sessions, reports };
}
