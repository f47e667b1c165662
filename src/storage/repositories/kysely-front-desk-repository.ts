import type { Selectable } from 'kysely';
import type { SlotOpeningsTable, SessionCheckInsTable, WaitingListEntriesTable } from '../database-schema.js';
import { newId } from '../ids.js';
import { fromJsonText, toJsonText } from '../json-text.js';
import type { CheckInRecord, SlotOpeningRecord, WaitingListEntryRecord } from '../../core/records/index.js';
import { firstRecord } from './first-record.js';
import type { FrontDeskRepository } from './front-desk-repository.js';
import { toPatientContact } from './patient-contact.js';
import type { RepositoryContext } from './repository-context.js';
import { tableRows } from './table-rows.js';
import { numberOrNull, rowMapper } from './row-mapper.js';

const toCheckIn = rowMapper<Selectable<SessionCheckInsTable>, CheckInRecord>()(
  'session_id, checked_in_at, checked_in_by',
);

const toEntry = rowMapper<Selectable<WaitingListEntriesTable>, WaitingListEntryRecord>()(
  [
    'id, clinic_id, patient_id, indication, weekdays, times_of_day, note, status',
    'created_by, created_at, closed_by, closed_at, booked_course_id',
  ],
  { weekdays: fromJsonText, timesOfDay: fromJsonText },
);

const toOpening = rowMapper<Selectable<SlotOpeningsTable>, SlotOpeningRecord>()(
  'id, clinic_id, session_id, location_id, practitioner_id, room_id, starts_at, duration_minutes, reason, created_at',
  { durationMinutes: numberOrNull },
);

export function kyselyFrontDeskRepository({ db, now }: RepositoryContext): FrontDeskRepository {
  const entries = tableRows(db, 'waiting_list_entries', toEntry);
  const openings = tableRows(db, 'slot_openings', toOpening);
  return {
    async checkIn({ sessionId, by }) {
      const row = { session_id: sessionId, checked_in_at: now(), checked_in_by: by };
      await db.insertInto('session_check_ins').values(row).execute();
      return toCheckIn(row);
    },
    findCheckIn: (sessionId) =>
      firstRecord(db.selectFrom('session_check_ins').selectAll().where('session_id', '=', sessionId), toCheckIn),
    async checkInsOf(sessionIds) {
      if (sessionIds.length === 0) return [];
      const rows = await db.selectFrom('session_check_ins').selectAll().where('session_id', 'in', sessionIds).execute();
      return rows.map(toCheckIn);
    },
    async undoCheckIn(sessionId) {
      const result = await db.deleteFrom('session_check_ins').where('session_id', '=', sessionId).executeTakeFirst();
      return Number(result.numDeletedRows) > 0;
    },

    addToWaitingList: (input) =>
      entries.insert({
        id: newId(),
        clinic_id: input.clinicId,
        patient_id: input.patientId,
        indication: input.indication,
        weekdays: toJsonText(input.weekdays),
        times_of_day: toJsonText(input.timesOfDay),
        note: input.note,
        status: 'waiting',
        created_by: input.createdBy,
        created_at: now(),
        closed_by: null,
        closed_at: null,
        booked_course_id: null,
      }),
    findWaitingListEntry: entries.findById,
    findWaiting: (patientId, indication) =>
      firstRecord(
        db
          .selectFrom('waiting_list_entries')
          .selectAll()
          .where('patient_id', '=', patientId)
          .where('indication', '=', indication)
          .where('status', '=', 'waiting'),
        toEntry,
      ),
    async listWaiting({ clinicId, indication, limit, offset }) {
      let query = db
        .selectFrom('waiting_list_entries as w')
        .innerJoin('patients as p', 'p.id', 'w.patient_id')
        .selectAll('w')
        .select(['p.first_name', 'p.last_name', 'p.phone', 'p.email'])
        .where('w.clinic_id', '=', clinicId)
        .where('w.status', '=', 'waiting');
      if (indication) query = query.where('w.indication', '=', indication);
      const rows = await query.orderBy('w.created_at').orderBy('w.id').limit(limit).offset(offset).execute();
      return rows.map((row) => ({ entry: toEntry(row), patient: toPatientContact(row) }));
    },
    closeWaitingListEntry: (id, { status, by, bookedCourseId }) =>
      firstRecord(
        db
          .updateTable('waiting_list_entries')
          .set({ status, closed_by: by, closed_at: now(), booked_course_id: bookedCourseId ?? null })
          .where('id', '=', id)
          .where('status', '=', 'waiting')
          .returningAll(),
        toEntry,
      ),

    findSlotOpening: openings.findById,
    async listSlotOpenings({ clinicId, from, to, limit }) {
      let query = db
        .selectFrom('slot_openings')
        .selectAll()
        .where('clinic_id', '=', clinicId)
        .where('starts_at', '>=', from);
      if (to) query = query.where('starts_at', '<', to);
      const rows = await query.orderBy('starts_at').orderBy('id').limit(limit).execute();
      return rows.map(toOpening);
    },
  };
}
