import { engineOf } from '../create-database.js';
import { countedPanels } from './dashboard-counted-panels.js';
import type { DashboardRepository } from './dashboard-repository.js';
import { dashboardRowPanels } from './dashboard-row-panels.js';
import type { RepositoryContext } from './repository-context.js';

export function kyselyDashboardRepository({ db }: RepositoryContext): DashboardRepository {
  const postgres = engineOf(db) === 'postgres';
  return {
    ...countedPanels(db, postgres, dashboardRowPanels(db, postgres)),

    async clinicAvailability(clinicId, dates) {
      const locations = await db
        .selectFrom('locations')
        .select(['id', 'name', 'time_zone', 'created_at'])
        .where('clinic_id', '=', clinicId)
        .orderBy('created_at')
        .orderBy('id')
        .execute();
      const ids = locations.map((l) => l.id);
      if (ids.length === 0) return { locations: [], rooms: [], hours: [], openingHours: [], exceptions: [] };
      const rooms = await db
        .selectFrom('rooms')
        .select(['id', 'location_id', 'name', 'active'])
        .where('location_id', 'in', ids)
        .orderBy('name')
        .orderBy('id')
        .execute();
      const hours = await db
        .selectFrom('practitioner_availability as a')
        .innerJoin('users as u', 'u.id', 'a.practitioner_id')
        .select(['a.practitioner_id', 'u.display_name', 'a.location_id', 'a.weekly_hours', 'a.room_ids'])
        .where('a.location_id', 'in', ids)
        .where('u.clinic_id', '=', clinicId)
        .where('u.active', '=', 1)
        .where('u.role', 'in', ['admin', 'practitioner'])
        .execute();
      const opening = await db
        .selectFrom('location_opening_hours')
        .select(['location_id', 'weekly_hours'])
        .where('location_id', 'in', ids)
        .execute();
      // Day exceptions store dates and hour exceptions local date-times: compared as text with the
      // window's first date and the end of its last, they find every one touching the window.
      const exceptions = await db
        .selectFrom('availability_exceptions')
        .select(['location_id', 'practitioner_id', 'kind', 'starts', 'ends'])
        .where('location_id', 'in', ids)
        .where('starts', '<=', `${dates.to}T24:00`)
        .where('ends', '>=', dates.from)
        .execute();
      return {
        locations: locations.map((l) => ({ id: l.id, name: l.name, timeZone: l.time_zone, createdAt: l.created_at })),
        rooms: rooms.map((r) => ({
          id: r.id,
          locationId: r.location_id,
          name: r.name,
          active: Number(r.active) === 1,
        })),
        hours: hours.map((h) => ({
          practitionerId: h.practitioner_id,
          practitionerName: h.display_name,
          locationId: h.location_id,
          weeklyHours: parseJson(h.weekly_hours),
          roomIds: h.room_ids === null ? null : parseJson(h.room_ids),
        })),
        openingHours: opening.map((o) => ({ locationId: o.location_id, weeklyHours: parseJson(o.weekly_hours) })),
        exceptions: exceptions.map((e) =>
          e.kind === 'days'
            ? { locationId: e.location_id, practitionerId: e.practitioner_id, kind: 'days', from: e.starts, to: e.ends }
            : {
                locationId: e.location_id,
                practitionerId: e.practitioner_id,
                kind: 'hours',
                start: e.starts,
                end: e.ends,
              },
        ),
      };
    },

    async userNames(clinicId, ids) {
      if (ids.length === 0) return [];
      const rows = await db
        .selectFrom('users')
        .select(['id', 'display_name'])
        .where('clinic_id', '=', clinicId)
        .where('id', 'in', [...ids])
        .execute();
      return rows.map((r) => ({ id: r.id, name: r.display_name }));
    },
  };
}

/** Stored JSON the service validates; text that is not JSON reads as nothing, which it skips. */
function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}
