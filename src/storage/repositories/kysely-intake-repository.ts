import type { Selectable } from 'kysely';
import type { Intake } from '../../core/assessment/intake-schema.js';
import { engineOf } from '../create-database.js';
import type { IntakesTable } from '../database-schema.js';
import { newId } from '../ids.js';
import { fromJsonText, toJsonText } from '../json-text.js';
import { oneOfIds } from './id-list.js';
import type { IntakeRepository } from './intake-repository.js';
import type { IntakeRecord } from '../../core/records/index.js';
import type { RepositoryContext } from './repository-context.js';

function toIntake(row: Selectable<IntakesTable>): IntakeRecord {
  return {
    id: row.id,
    patientId: row.patient_id,
    version: Number(row.version),
    data: fromJsonText<Intake>(row.data),
    createdBy: row.created_by,
    createdAt: row.created_at,
  };
}

export function kyselyIntakeRepository({ db, now }: RepositoryContext): IntakeRepository {
  const engine = engineOf(db);
  return {
    async create({ patientId, data, createdBy }) {
      const last = await db
        .selectFrom('intakes')
        .select((eb) => eb.fn.max('version').as('version'))
        .where('patient_id', '=', patientId)
        .executeTakeFirst();
      // A concurrent save of the same version fails on the (patient_id, version) unique key.
      const row = {
        id: newId(),
        patient_id: patientId,
        version: Number(last?.version ?? 0) + 1,
        data: toJsonText(data),
        created_by: createdBy,
        created_at: now(),
      };
      await db.insertInto('intakes').values(row).execute();
      return toIntake(row);
    },
    async findById(id) {
      const row = await db.selectFrom('intakes').selectAll().where('id', '=', id).executeTakeFirst();
      return row && toIntake(row);
    },
    async listByPatient(patientId) {
      const rows = await db
        .selectFrom('intakes')
        .selectAll()
        .where('patient_id', '=', patientId)
        .orderBy('version', 'desc')
        .execute();
      return rows.map(toIntake);
    },
    async latestForPatient(patientId) {
      const row = await db
        .selectFrom('intakes')
        .selectAll()
        .where('patient_id', '=', patientId)
        .orderBy('version', 'desc')
        .limit(1)
        .executeTakeFirst();
      return row && toIntake(row);
    },
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
    async listByPatients(patientIds) {
      if (patientIds.length === 0) return [];
      const rows = await db
        .selectFrom('intakes')
        .selectAll()
        .where('patient_id', 'in', patientIds)
        .orderBy('patient_id')
        .orderBy('version')
        .execute();
      return rows.map(toIntake);
    },
  };
}
