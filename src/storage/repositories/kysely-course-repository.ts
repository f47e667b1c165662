import type { Selectable } from 'kysely';
import type { Plan } from '../../core/assessment/assessment-result.js';
import type { CoursesTable } from '../database-schema.js';
import { newId } from '../ids.js';
import { fromJsonText, toJsonText } from '../json-text.js';
import type { CourseRepository } from './course-repository.js';
import type { CourseRecord } from './records.js';
import type { RepositoryContext } from './repository-context.js';

function toCourse(row: Selectable<CoursesTable>): CourseRecord<Plan> {
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

export function kyselyCourseRepository({ db, now }: RepositoryContext): CourseRepository {
  return {
    async create(input) {
      const at = now();
      const row: Selectable<CoursesTable> = {
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
      };
      await db.insertInto('courses').values(row).execute();
      return toCourse(row);
    },
    async findById(id) {
      const row = await db.selectFrom('courses').selectAll().where('id', '=', id).executeTakeFirst();
      return row && toCourse(row);
    },
    async listByPatient(patientId) {
      const rows = await db
        .selectFrom('courses')
        .selectAll()
        .where('patient_id', '=', patientId)
        .orderBy('created_at', 'desc')
        .orderBy('id', 'desc')
        .execute();
      return rows.map(toCourse);
    },
    async setStatus(id, status) {
      const row = await db.updateTable('courses').set({ status, updated_at: now() }).where('id', '=', id).returningAll().executeTakeFirst();
      return row && toCourse(row);
    },
  };
}
