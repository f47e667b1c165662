import type { Selectable } from 'kysely';
import type { PhotosTable } from '../database-schema.js';
import { newId } from '../ids.js';
import type { PhotoRepository } from './photo-repository.js';
import type { PhotoRecord } from '../../core/records/index.js';
import type { RepositoryContext } from './repository-context.js';
import { tableRows } from './table-rows.js';

function toPhoto(row: Selectable<PhotosTable>): PhotoRecord {
  return {
    id: row.id,
    patientId: row.patient_id,
    sessionId: row.session_id,
    kind: row.kind,
    filePath: row.file_path,
    mime: row.mime,
    createdBy: row.created_by,
    createdAt: row.created_at,
  };
}

export function kyselyPhotoRepository({ db, now }: RepositoryContext): PhotoRepository {
  const photos = tableRows(db, 'photos', toPhoto);
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
      });
    },
    findById: photos.findById,
    listByPatient: (patientId) => photos.listBy('patient_id', patientId, 'created_at desc', 'id desc'),
    delete: photos.deleteById,
  };
}
