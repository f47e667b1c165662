import type { Selectable } from 'kysely';
import type { TreatmentSessionsTable } from '../database-schema.js';
import { engineOf } from '../create-database.js';
import { newId } from '../ids.js';
import { fromNullableJsonText, toJsonText } from '../json-text.js';
import { definedFields } from './defined-fields.js';
import type { TreatmentSessionRecord } from '../../core/records/index.js';
import { firstRecord } from './first-record.js';
import { toPatientContact } from './patient-contact.js';
import type { RepositoryContext } from './repository-context.js';
import type { TreatmentSessionRepository } from './treatment-session-repository.js';
import { numberOrNull, rowMapper } from './row-mapper.js';

type SessionRow = Selectable<TreatmentSessionsTable> & { patient_id: string };

const toSession = rowMapper<SessionRow, TreatmentSessionRecord>()(
  [
    'id, course_id, patient_id, scheduled_at, duration_minutes, practitioner_id, location_id, room_id, status',
    'flag_verdict as flag, created_at, updated_at',
  ],
  {
    durationMinutes: numberOrNull,
    flag: (verdict, row) =>
      verdict === null
        ? null
        : { verdict, reasons: fromNullableJsonText<unknown>(row.flag_reasons), flaggedAt: row.flagged_at },
  },
);

export function kyselyTreatmentSessionRepository({ db, now }: RepositoryContext): TreatmentSessionRepository {
  const postgres = engineOf(db) === 'postgres';
  const withPatient = () =>
    db
      .selectFrom('treatment_sessions as s')
      .innerJoin('courses as c', 'c.id', 's.course_id')
      .selectAll('s')
      .select('c.patient_id');
  const inScheduleOrder = <Q extends { orderBy: (column: 's.scheduled_at' | 's.id') => Q }>(query: Q): Q =>
    query.orderBy('s.scheduled_at').orderBy('s.id');
  const find = (id: string) => firstRecord(withPatient().where('s.id', '=', id), toSession);

  return {
    async create(input) {
      const at = now();
      const row: Selectable<TreatmentSessionsTable> = {
        id: newId(),
        course_id: input.courseId,
        scheduled_at: input.scheduledAt,
        duration_minutes: input.durationMinutes ?? null,
        practitioner_id: input.practitionerId ?? null,
        location_id: input.locationId ?? null,
        room_id: input.roomId ?? null,
        status: 'planned',
        flag_verdict: null,
        flag_reasons: null,
        flagged_at: null,
        screened_kb_version: null,
        created_at: at,
        updated_at: at,
      };
      await db.insertInto('treatment_sessions').values(row).execute();
      const created = await find(row.id);
      if (!created) throw new Error(`treatment session ${row.id} vanished after insert`);
      return created;
    },
    findById: find,
    async listByCourse(courseId) {
      return (await inScheduleOrder(withPatient().where('s.course_id', '=', courseId)).execute()).map(toSession);
    },
    async listByPatient(patientId) {
      return (await inScheduleOrder(withPatient().where('c.patient_id', '=', patientId)).execute()).map(toSession);
    },
    async schedule({ clinicId, from, to, practitionerId, locationId, status, limit, offset }) {
      // Sessions first (in time order), then their course and patient. Starting from the clinic's
      // patients, as SQLite does when free to choose, reads every patient of a large clinic for one
      // day's page; CROSS JOIN keeps SQLite's join order, PostgreSQL plans it like the inner join.
      let query = db
        .selectFrom('treatment_sessions as s')
        .crossJoin('courses as c')
        .crossJoin('patients as p')
        .whereRef('c.id', '=', 's.course_id')
        .whereRef('p.id', '=', 'c.patient_id')
        .selectAll('s')
        .select(['c.patient_id', 'p.first_name', 'p.last_name', 'p.phone', 'p.email'])
        .where('p.clinic_id', '=', clinicId);
      if (from) query = query.where('s.scheduled_at', '>=', from);
      if (to) query = query.where('s.scheduled_at', '<', to);
      if (practitionerId) query = query.where('s.practitioner_id', '=', practitionerId);
      if (locationId) query = query.where('s.location_id', '=', locationId);
      if (status) query = query.where('s.status', '=', status);
      const rows = await inScheduleOrder(query).limit(limit).offset(offset).execute();
      return rows.map((row) => ({
        session: toSession(row),
        patient: toPatientContact(row),
      }));
    },
    async update(id, patch) {
      const { scheduledAt, durationMinutes, practitionerId, locationId, roomId, status } = patch;
      await db
        .updateTable('treatment_sessions')
        .set({
          ...definedFields({
            scheduled_at: scheduledAt,
            duration_minutes: durationMinutes,
            practitioner_id: practitionerId,
            location_id: locationId,
            room_id: roomId,
            status,
          }),
          updated_at: now(),
        })
        .where('id', '=', id)
        .execute();
      return find(id);
    },
    async lockForChange(id) {
      if (postgres) await db.selectFrom('treatment_sessions').select('id').where('id', '=', id).forUpdate().execute();
    },
    async setFlag(id, flag) {
      const at = now();
      await db
        .updateTable('treatment_sessions')
        .set(
          flag
            ? { flag_verdict: flag.verdict, flag_reasons: toJsonText(flag.reasons), flagged_at: at, updated_at: at }
            : { flag_verdict: null, flag_reasons: null, flagged_at: null, updated_at: at },
        )
        .where('id', '=', id)
        .execute();
      return find(id);
    },
    async listFlagged(clinicId) {
      const flagged = db.selectFrom('session_flags').select('session_id').where('clinic_id', '=', clinicId);
      return (await inScheduleOrder(withPatient().where('s.id', 'in', flagged)).execute()).map(toSession);
    },
    async listByPatients(patientIds) {
      if (patientIds.length === 0) return [];
      return (await inScheduleOrder(withPatient().where('c.patient_id', 'in', patientIds)).execute()).map(toSession);
    },
  };
}
