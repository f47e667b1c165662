import { sql, type Selectable } from 'kysely';
import { engineOf } from '../create-database.js';
import type { PhotosTable } from '../database-schema.js';
import { newId } from '../ids.js';
import type { PhotoRepository } from './photo-repository.js';
import type { PhotoRecord } from '../../core/records/index.js';
import type { RepositoryContext } from './repository-context.js';
import { tableRows } from './table-rows.js';
import { numberOrNull, rowMapper } from './row-mapper.js';

const toPhoto = rowMapper<Selectable<PhotosTable>, PhotoRecord>()(
  'id, patient_id, session_id, kind, file_path, mime, created_by, created_at, bytes',
  { bytes: numberOrNull },
);

export function kyselyPhotoRepository({ db, now }: RepositoryContext): PhotoRepository {
  const photos = tableRows(db, 'photos', toPhoto);
  const postgres = engineOf(db) === 'postgres';
  return {
    async create(input) {
      return photos.insert({
        id: input.id ?? newId(),
        patient_id: input.patientId,
        session_id: input.sessionId ?? null,
        kind: input.kind,
        file_path: input.filePath,
        mime: input.mime,
        created_by: input.createdBy,
        created_at: now(),
        bytes: input.bytes ?? null,
      });
    },
    findById: photos.findById,
    listByPatient: (patientId) => photos.listBy('patient_id', patientId, 'created_at desc', 'id desc'),
    delete: photos.deleteById,
    async lockClinicImages(clinicId) {
      // FOR NO KEY UPDATE: new rows that refer to the clinic (patients, users) need not wait for it.
      if (postgres) await db.selectFrom('clinics').select('id').where('id', '=', clinicId).forNoKeyUpdate().execute();
    },
    async storedBytes({ patientId, clinicId }) {
      // Side-effect photos belong to a patient through their report's session and its course.
      const { rows } = await sql<{ patient: number | string; clinic: number | string }>`
        select
          (select coalesce(sum(p.bytes), 0) from photos p where p.patient_id = ${patientId})
          + (select coalesce(sum(sp.bytes), 0) from side_effect_photos sp
              join side_effect_reports r on r.id = sp.report_id
              join treatment_sessions s on s.id = r.session_id
              join courses c on c.id = s.course_id
              where c.patient_id = ${patientId}) as patient,
          (select coalesce(sum(p.bytes), 0) from photos p
              join patients pa on pa.id = p.patient_id
              where pa.clinic_id = ${clinicId})
          + (select coalesce(sum(sp.bytes), 0) from side_effect_photos sp
              join side_effect_reports r on r.id = sp.report_id
              join treatment_sessions s on s.id = r.session_id
              join courses c on c.id = s.course_id
              join patients pa on pa.id = c.patient_id
              where pa.clinic_id = ${clinicId}) as clinic`.execute(db);
      const [row] = rows;
      return { patient: Number(row?.patient ?? 0), clinic: Number(row?.clinic ?? 0) };
    },
  };
}
