import type { Selectable } from 'kysely';
import type { CourseSchedulesTable, CoursesTable, MaintenanceRecallsTable } from '../database-schema.js';
import { newId } from '../ids.js';
import { fromNullableJsonText, toJsonText } from '../json-text.js';
import { packJson, unpackJson } from '../packed-json.js';
import type { CourseRepository } from './course-repository.js';
import type { CourseRecord, CourseScheduleRecord, MaintenanceRecallRecord } from '../../core/records/index.js';
import { firstRecord } from './first-record.js';
import { toPatientContact } from './patient-contact.js';
import type { RepositoryContext } from './repository-context.js';
import { tableRows, upsertRow } from './table-rows.js';
import { numberOrNull, rowMapper } from './row-mapper.js';

const toCourse = rowMapper<Selectable<CoursesTable>, CourseRecord>()(
  'id, patient_id, assessment_id, indication, area, plan, status, created_by, created_at, updated_at',
  { plan: unpackJson },
);

const toSchedule = rowMapper<Selectable<CourseSchedulesTable>, CourseScheduleRecord>()(
  'course_id, location_id, switch_after, preferences, created_at, updated_at',
  { switchAfter: numberOrNull, preferences: fromNullableJsonText },
);

const toRecall = rowMapper<Selectable<MaintenanceRecallsTable> & { patient_id: string }, MaintenanceRecallRecord>()(
  'id, course_id, patient_id, last_session_date, due_from, due_to, message, created_by, created_at, updated_at',
);

export function kyselyCourseRepository({ db, now }: RepositoryContext): CourseRepository {
  const courses = tableRows(db, 'courses', toCourse);
  const recalls = () =>
    db
      .selectFrom('maintenance_recalls as r')
      .innerJoin('courses as c', 'c.id', 'r.course_id')
      .selectAll('r')
      .select('c.patient_id');
  const findRecall = (courseId: string) => firstRecord(recalls().where('r.course_id', '=', courseId), toRecall);
  return {
    async create(input) {
      const at = now();
      return courses.insert({
        id: newId(),
        patient_id: input.patientId,
        assessment_id: input.assessmentId,
        indication: input.indication,
        area: input.area,
        plan: packJson(input.plan),
        status: 'active',
        created_by: input.createdBy,
        created_at: at,
        updated_at: at,
      });
    },
    findById: courses.findById,
    listByPatient: (patientId) => courses.listBy('patient_id', patientId, 'created_at desc', 'id desc'),
    setStatus: (id, status) => courses.updateById(id, { status, updated_at: now() }),
    async lockForBooking(id) {
      await db.updateTable('courses').set({ updated_at: now() }).where('id', '=', id).execute();
    },
    async setSchedule({ courseId, locationId, switchAfter, preferences }) {
      const at = now();
      const row = await upsertRow(
        db,
        'course_schedules',
        'course_id',
        {
          course_id: courseId,
          location_id: locationId,
          switch_after: switchAfter,
          preferences: preferences ? toJsonText(preferences) : null,
          updated_at: at,
          created_at: at,
        },
        ['created_at'],
      );
      return toSchedule(row);
    },
    findSchedule: (courseId) =>
      firstRecord(db.selectFrom('course_schedules').selectAll().where('course_id', '=', courseId), toSchedule),
    async setMaintenanceRecall(input) {
      const at = now();
      await upsertRow(
        db,
        'maintenance_recalls',
        'course_id',
        {
          id: newId(),
          course_id: input.courseId,
          last_session_date: input.lastSessionDate,
          due_from: input.dueFrom,
          due_to: input.dueTo,
          message: input.message,
          created_by: input.createdBy,
          updated_at: at,
          created_at: at,
        },
        ['id', 'created_at'],
      );
      const stored = await findRecall(input.courseId);
      if (!stored) throw new Error(`maintenance recall of course ${input.courseId} vanished after insert`);
      return stored;
    },
    findMaintenanceRecall: findRecall,
    async listMaintenanceRecalls(patientId) {
      const rows = await recalls()
        .where('c.patient_id', '=', patientId)
        .orderBy('r.due_from')
        .orderBy('r.id')
        .execute();
      return rows.map(toRecall);
    },
    async dueMaintenanceRecalls({ clinicId, from, to, limit, offset }) {
      let query = recalls()
        .innerJoin('patients as p', 'p.id', 'c.patient_id')
        .select(['p.first_name', 'p.last_name', 'p.phone', 'p.email'])
        .where('p.clinic_id', '=', clinicId);
      if (from) query = query.where('r.due_to', '>=', from);
      if (to) query = query.where('r.due_from', '<=', to);
      const rows = await query.orderBy('r.due_from').orderBy('r.id').limit(limit).offset(offset).execute();
      return rows.map((row) => ({
        recall: toRecall(row),
        patient: toPatientContact(row),
      }));
    },
    listByPatients: (patientIds) => courses.listByAny('patient_id', patientIds, 'created_at', 'id'),
  };
}
