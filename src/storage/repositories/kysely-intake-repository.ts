import type { Selectable } from 'kysely';
import { engineOf } from '../create-database.js';
import type { IntakesTable } from '../database-schema.js';
import { newId } from '../ids.js';
import { fromJsonText, toJsonText } from '../json-text.js';
import { oneOfIds } from './id-list.js';
import type { IntakeRepository } from './intake-repository.js';
import type { IntakeRecord } from '../../core/records/index.js';
import { firstRecord } from './first-record.js';
import type { RepositoryContext } from './repository-context.js';
import { tableRows } from './table-rows.js';
import { rowMapper } from './row-mapper.js';

const toIntake = rowMapper<Selectable<IntakesTable>, IntakeRecord>()(
  'id, patient_id, version, data, created_by, created_at',
  { version: Number, data: fromJsonText },
);

export function kyselyIntakeRepository({ db, now }: RepositoryContext): IntakeRepository {
  const engine = engineOf(db);
  const intakes = tableRows(db, 'intakes', toIntake);
  return {
    async create({ patientId, data, createdBy }) {
      const last = await db
        .selectFrom('intakes')
        .select((eb) => eb.fn.max('version').as('version'))
        .where('patient_id', '=', patientId)
        .executeTakeFirst();
      // A concurrent save of the same version fails on the (patient_id, version) unique key.
      return intakes.insert({
        id: newId(),
        patient_id: patientId,
        version: Number(last?.version ?? 0) + 1,
        data: toJsonText(data),
        created_by: createdBy,
        created_at: now(),
      });
    },
    findById: intakes.findById,
    listByPatient: (patientId) => intakes.listBy('patient_id', patientId, 'version desc'),
    latestForPatient: (patientId) =>
      firstRecord(
        db.selectFrom('intakes').selectAll().where('patient_id', '=', patientId).orderBy('version', 'desc').limit(1),
        toIntake,
      ),
    async latestForPatients(patientIds) {
      if (patientIds.length === 0) return [];
      // Each patient's highest version, found through the (patient_id, version) unique index.
      const rows = await db
        .selectFrom('intakes as i')
        .selectAll('i')
        .where(oneOfIds(engine, 'i.patient_id', patientIds))
        .where('i.version', '=', (eb) =>
          eb
            .selectFrom('intakes as v')
            .select((v) => v.fn.max('v.version').as('version'))
            .whereRef('v.patient_id', '=', 'i.patient_id'),
        )
        .execute();
      return rows.map(toIntake);
    },
    listByPatients: (patientIds) => intakes.listByAny('patient_id', patientIds, 'patient_id', 'version'),
  };
}
