import type { Selectable } from 'kysely';
import type { AvailabilityExceptionsTable, PractitionerAvailabilityTable, RoomsTable } from '../database-schema.js';
import { newId } from '../ids.js';
import { fromJsonText, fromNullableJsonText, toJsonText } from '../json-text.js';
import type { AvailabilityRepository, OpeningHoursRecord } from './availability-repository.js';
import { definedFields } from './defined-fields.js';
import type { AvailabilityExceptionRecord, PractitionerHoursRecord, RoomRecord } from '../../core/records/index.js';
import type { RepositoryContext } from './repository-context.js';
import { firstRecord } from './first-record.js';
import { tableRows, upsertRow } from './table-rows.js';
import { isSet, rowMapper } from './row-mapper.js';

const toRoom = rowMapper<Selectable<RoomsTable>, RoomRecord>()(
  'id, location_id, name, active, created_at, updated_at',
  {
    active: isSet,
  },
);

const toHours = rowMapper<Selectable<PractitionerAvailabilityTable>, PractitionerHoursRecord>()(
  'id, practitioner_id, location_id, weekly_hours, room_ids, updated_at',
  { weeklyHours: fromJsonText, roomIds: fromNullableJsonText },
);

function toException(row: Selectable<AvailabilityExceptionsTable>): AvailabilityExceptionRecord {
  const common = {
    id: row.id,
    locationId: row.location_id,
    practitionerId: row.practitioner_id,
    reason: row.reason,
    createdAt: row.created_at,
  };
  return row.kind === 'days'
    ? { ...common, kind: 'days', from: row.starts, to: row.ends }
    : { ...common, kind: 'hours', start: row.starts, end: row.ends };
}

const toOpeningHours = rowMapper<
  { location_id: string; weekly_hours: string; updated_at: string },
  OpeningHoursRecord
>()('location_id, weekly_hours, updated_at', { weeklyHours: fromJsonText });

export function kyselyAvailabilityRepository({ db, now }: RepositoryContext): AvailabilityRepository {
  const rooms = tableRows(db, 'rooms', toRoom);
  const hours = tableRows(db, 'practitioner_availability', toHours);
  const exceptions = tableRows(db, 'availability_exceptions', toException);
  return {
    async createRoom({ locationId, name }) {
      const at = now();
      return rooms.insert({ id: newId(), location_id: locationId, name, active: 1, created_at: at, updated_at: at });
    },
    findRoom: rooms.findById,
    async listRooms(locationId, options) {
      let query = db.selectFrom('rooms').selectAll().where('location_id', '=', locationId);
      if (!options?.includeInactive) query = query.where('active', '=', 1);
      return (await query.orderBy('name').orderBy('id').execute()).map(toRoom);
    },
    updateRoom: (id, { name, active }) =>
      rooms.updateById(id, {
        ...definedFields({ name }),
        ...(active === undefined ? {} : { active: active ? 1 : 0 }),
        updated_at: now(),
      }),
    findOpeningHours: (locationId) =>
      firstRecord(
        db.selectFrom('location_opening_hours').selectAll().where('location_id', '=', locationId),
        toOpeningHours,
      ),
    async setOpeningHours(locationId, weeklyHours) {
      if (weeklyHours === null) {
        await db.deleteFrom('location_opening_hours').where('location_id', '=', locationId).execute();
        return null;
      }
      const row = await upsertRow(db, 'location_opening_hours', 'location_id', {
        location_id: locationId,
        weekly_hours: toJsonText(weeklyHours),
        updated_at: now(),
      });
      return toOpeningHours(row);
    },
    async setPractitionerHours({ practitionerId, locationId, weeklyHours, roomIds }) {
      const row = await upsertRow(
        db,
        'practitioner_availability',
        ['practitioner_id', 'location_id'],
        {
          id: newId(),
          practitioner_id: practitionerId,
          location_id: locationId,
          weekly_hours: toJsonText(weeklyHours),
          room_ids: roomIds ? toJsonText(roomIds) : null,
          updated_at: now(),
        },
        ['id'],
      );
      return toHours(row);
    },
    listPractitionerHours: (locationId) => hours.listBy('location_id', locationId, 'practitioner_id'),
    async addException(input) {
      const [starts, ends] = input.kind === 'days' ? [input.from, input.to] : [input.start, input.end];
      return exceptions.insert({
        id: newId(),
        location_id: input.locationId,
        practitioner_id: input.practitionerId,
        kind: input.kind,
        starts,
        ends,
        reason: input.reason ?? null,
        created_at: now(),
      });
    },
    listExceptions: (locationId) => exceptions.listBy('location_id', locationId, 'starts', 'id'),
    deleteException: exceptions.deleteById,
    async bookedSlots({ clinicId, from, to }) {
      const rows = await db
        .selectFrom('treatment_sessions as s')
        .innerJoin('courses as c', 'c.id', 's.course_id')
        .innerJoin('patients as p', 'p.id', 'c.patient_id')
        .select(['s.id', 's.practitioner_id', 's.location_id', 's.room_id', 's.scheduled_at', 's.duration_minutes'])
        .where('p.clinic_id', '=', clinicId)
        .where('s.status', 'in', ['planned', 'done'])
        .where('s.scheduled_at', '>=', from)
        .where('s.scheduled_at', '<', to)
        .orderBy('s.scheduled_at')
        .orderBy('s.id')
        .execute();
      return rows.map((r) => ({
        sessionId: r.id,
        practitionerId: r.practitioner_id,
        locationId: r.location_id,
        roomId: r.room_id,
        start: r.scheduled_at,
        durationMinutes: r.duration_minutes === null ? null : Number(r.duration_minutes),
      }));
    },
    async deletePractitionerHours(practitionerId, locationId) {
      const result = await db
        .deleteFrom('practitioner_availability')
        .where('practitioner_id', '=', practitionerId)
        .where('location_id', '=', locationId)
        .executeTakeFirst();
      return result.numDeletedRows > 0n;
    },
    findException: exceptions.findById,
    async claimSlots(claims) {
      if (claims.length === 0) return;
      await db
        .insertInto('session_slot_claims')
        .values(
          claims.map((c) => ({
            session_id: c.sessionId,
            slot_start: c.slotStart,
            practitioner_id: c.practitionerId,
            room_id: c.roomId,
          })),
        )
        .execute();
    },
    async releaseSlots(sessionId) {
      await db.deleteFrom('session_slot_claims').where('session_id', '=', sessionId).execute();
    },
    async listSlotClaims(sessionId) {
      const rows = await db
        .selectFrom('session_slot_claims')
        .selectAll()
        .where('session_id', '=', sessionId)
        .orderBy('slot_start')
        .execute();
      return rows.map((r) => ({
        sessionId: r.session_id,
        slotStart: r.slot_start,
        practitionerId: r.practitioner_id,
        roomId: r.room_id,
      }));
    },
  };
}
