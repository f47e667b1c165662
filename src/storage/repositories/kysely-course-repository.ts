import type { Selectable } from 'kysely';
import type { Plan } from '../../core/assessment/assessment-result.js';
import type { CourseSchedulesTable, CoursesTable, MaintenanceRecallsTable } from '../database-schema.js';
import { newId } from '../ids.js';
import { fromJsonText, fromNullableJsonText, toJsonText } from '../json-text.js';
import type { CourseRepository } from './course-repository.js';
import type { CourseRecord, CourseScheduleRecord, MaintenanceRecallRecord } from '../../core/records/index.js';
import { firstRecord } from './first-record.js';
import { toPatientContact } from './patient-contact.js';
import type { RepositoryContext } from './repository-context.js';
import { tableRows } from './table-rows.js';

function toCourse(row: Selectable<CoursesTable>): CourseRecord {
  return {
    id: row.id,
    patientId: row.patient_id,
    assessmentId: row.assessment_id,
    indication: row.indication,
    area: row.area,
    plan: fromJsonText<Plan>(row.plan),
    status: row.status,
    createdBy: row.created_by,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

function toSchedule(row: Selectable<CourseSchedulesTable>): CourseScheduleRecord {
  return {
    courseId: row.course_id,
    locationId: row.location_id,
    switchAfter: row.switch_after === null ? null : Number(row.switch_after),
    preferences: fromNullableJsonText<CourseScheduleRecord['preferences']>(row.preferences),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

function toRecall(row: Selectable<MaintenanceRecallsTable> & { patient_id: string }): MaintenanceRecallRecord {
  return {
    id: row.id,
    courseId: row.course_id,
    patientId: row.patient_id,
    lastSessionDate: row.last_session_date,
    dueFrom: row.due_from,
    dueTo: row.due_to,
    message: row.message,
    createdBy: row.created_by,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

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
        plan: toJsonText(input.plan),
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
      const values = {
        location_id: locationId,
        switch_after: switchAfter,
        preferences: preferences ? toJsonText(preferences) : null,
        updated_at: at,
      };
      const row = await db
        .insertInto('course_schedules')
        .values({ course_id: courseId, ...values, created_at: at })
        .onConflict((oc) => oc.column('course_id').doUpdateSet(values))
        .returningAll()
        .executeTakeFirstOrThrow();
      return toSchedule(row);
    },
    findSchedule: (courseId) =>
      firstRecord(db.selectFrom('course_schedules').selectAll().where('course_id', '=', courseId), toSchedule),
    async setMaintenanceRecall(input) {
      const at = now();
      const values = {
        last_session_date: input.lastSessionDate,
        due_from: input.dueFrom,
        due_to: input.dueTo,
        message: input.message,
        created_by: input.createdBy,
        updated_at: at,
      };
      await db
        .insertInto('maintenance_recalls')
        .values({ id: newId(), course_id: input.courseId, ...values, created_at: at })
        .onConflict((oc) => oc.column('course_id').doUpdateSet(values))
        .execute();
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
