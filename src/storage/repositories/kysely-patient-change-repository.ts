import type { Selectable } from 'kysely';
import type { PatientHistoryField } from '../../core/patients/contact-changes.js';
import type { PatientChangeRecord } from '../../core/records/index.js';
import type { PatientChangesTable } from '../database-schema.js';
import { newId } from '../ids.js';
import type { PatientChangeRepository } from './patient-change-repository.js';
import type { RepositoryContext } from './repository-context.js';
import { rowMapper } from './row-mapper.js';

const toChange = rowMapper<Selectable<PatientChangesTable>, PatientChangeRecord>()(
  'id, patient_id, edit_id, field, old_value, new_value, changed_by, changed_at',
  { field: (field) => field as PatientHistoryField },
);

export function kyselyPatientChangeRepository({ db, now }: RepositoryContext): PatientChangeRepository {
  return {
    async record({ patientId, changedBy, changes }) {
      if (changes.length === 0) return [];
      const at = now();
      const editId = newId();
      // Ids made in order, so that an edit's fields read back in the order given.
      const rows = changes.map((c) => ({
        id: newId(),
        patient_id: patientId,
        edit_id: editId,
        field: c.field,
        old_value: c.oldValue,
        new_value: c.newValue,
        changed_by: changedBy,
        changed_at: at,
      }));
      await db.insertInto('patient_changes').values(rows).execute();
      return rows.map(toChange);
    },
    async listForPatient(patientId) {
      const rows = await db
        .selectFrom('patient_changes')
        .selectAll()
        .where('patient_id', '=', patientId)
        .orderBy('changed_at', 'desc')
        .orderBy('edit_id', 'desc')
        .orderBy('id')
        .execute();
      return rows.map(toChange);
    },
  };
}
