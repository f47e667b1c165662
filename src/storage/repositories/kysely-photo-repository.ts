import type { Selectable } from 'kysely';
import type { PhotosTable } from '../database-schema.js';
import { newId } from '../ids.js';
import type { PhotoRepository } from './photo-repository.js';
import type { PhotoRecord } from '../../core/records/index.js';
import type { RepositoryContext } from './repository-context.js';

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
  return {
    async create(input) {
      const row: Selectable<PhotosTable> = {
        id: input.id ?? newId(),
        patient_id: input.patientId,
        session_id: input.sessionId ?? null,
        kind: input.kind,
        file_path: input.filePath,
        mime: input.mime,
        created_by: input.createdBy,
        created_at: now(),
      };
      await db.insertInto('photos').values(row).execute();
      return toPhoto(row);
    },
    async findById(id) {
      const row = await db.selectFrom('photos').selectAll().where('id', '=', id).executeTakeFirst();
      return row && toPhoto(row);
    },
    async listByPatient(patientId) {
      const rows = await db
        .selectFrom('photos')
        .selectAll()
        .where('patient_id', '=', patientId)
        .orderBy('created_at', 'desc')
        .orderBy('id', 'desc')
        .execute();
      return rows.map(toPhoto);
    },
    async delete(id) {
      const result = await db.deleteFrom('photos').where('id', '=', id).executeTakeFirst();
      return Number(result.numDeletedRows) > 0;
    },
  };
}
