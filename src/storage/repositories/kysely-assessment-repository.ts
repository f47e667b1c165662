import type { Selectable } from 'kysely';
import type { AssessmentResult } from '../../core/assessment/assessment-result.js';
import type { AssessmentsTable } from '../database-schema.js';
import { newId } from '../ids.js';
import { fromJsonText, toJsonText } from '../json-text.js';
import type { AssessmentRepository } from './assessment-repository.js';
import type { AssessmentRecord } from '../../core/records/index.js';
import type { RepositoryContext } from './repository-context.js';

function toAssessment(row: Selectable<AssessmentsTable>): AssessmentRecord {
  return {
    id: row.id,
    intakeId: row.intake_id,
    patientId: row.patient_id,
    result: fromJsonText<AssessmentResult>(row.result),
    verdict: row.verdict,
    knowledgeBaseVersion: row.knowledge_base_version,
    createdBy: row.created_by,
    createdAt: row.created_at,
  };
}

export function kyselyAssessmentRepository({ db, now }: RepositoryContext): AssessmentRepository {
  const newestFirst = () =>
    db.selectFrom('assessments').selectAll().orderBy('created_at', 'desc').orderBy('id', 'desc');
  return {
    async create({ intakeId, patientId, result, createdBy }) {
      const row = {
        id: newId(),
        intake_id: intakeId,
        patient_id: patientId,
        result: toJsonText(result),
        verdict: result.verdict,
        knowledge_base_version: result.knowledgeBase.version,
        created_by: createdBy,
        created_at: now(),
      };
      await db.insertInto('assessments').values(row).execute();
      return toAssessment(row);
    },
    async findById(id) {
      const row = await db.selectFrom('assessments').selectAll().where('id', '=', id).executeTakeFirst();
      return row && toAssessment(row);
    },
    async listByIntake(intakeId) {
      return (await newestFirst().where('intake_id', '=', intakeId).execute()).map(toAssessment);
    },
    async listByPatient(patientId) {
      return (await newestFirst().where('patient_id', '=', patientId).execute()).map(toAssessment);
    },
  };
}
