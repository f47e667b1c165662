import type { Selectable } from 'kysely';
import type { AssessmentsTable } from '../database-schema.js';
import { newId } from '../ids.js';
import { packJson, unpackJson } from '../packed-json.js';
import type { AssessmentRepository } from './assessment-repository.js';
import type { AssessmentRecord } from '../../core/records/index.js';
import type { RepositoryContext } from './repository-context.js';
import { tableRows } from './table-rows.js';
import { rowMapper } from './row-mapper.js';

const toAssessment = rowMapper<Selectable<AssessmentsTable>, AssessmentRecord>()(
  'id, intake_id, patient_id, result, verdict, knowledge_base_version, created_by, created_at',
  { result: unpackJson },
);

export function kyselyAssessmentRepository({ db, now }: RepositoryContext): AssessmentRepository {
  const assessments = tableRows(db, 'assessments', toAssessment);
  return {
    async create({ intakeId, patientId, result, createdBy }) {
      return assessments.insert({
        id: newId(),
        intake_id: intakeId,
        patient_id: patientId,
        result: packJson(result),
        verdict: result.verdict,
        knowledge_base_version: result.knowledgeBase.version,
        created_by: createdBy,
        created_at: now(),
      });
    },
    findById: assessments.findById,
    listByIntake: (intakeId) => assessments.listBy('intake_id', intakeId, 'created_at desc', 'id desc'),
    listByPatient: (patientId) => assessments.listBy('patient_id', patientId, 'created_at desc', 'id desc'),
  };
}
