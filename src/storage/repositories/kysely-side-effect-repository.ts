import type { Selectable } from 'kysely';
import type { SideEffectPhotosTable, SideEffectReportsTable } from '../database-schema.js';
import { newId } from '../ids.js';
import { fromNullableJsonText, toJsonText } from '../json-text.js';
import type { SideEffectPhotoRecord, SideEffectReportRecord } from './records.js';
import type { RepositoryContext } from './repository-context.js';
import type { SideEffectRepository } from './side-effect-repository.js';

function toReport(row: Selectable<SideEffectReportsTable>): SideEffectReportRecord {
  return {
    id: row.id,
    sessionId: row.session_id,
    reporterUserId: row.reporter_user_id,
    symptom: row.symptom,
    onset: row.onset,
    severity: row.severity,
    triage: fromNullableJsonText<unknown>(row.triage),
    createdAt: row.created_at,
  };
}

function toPhoto(row: Selectable<SideEffectPhotosTable>): SideEffectPhotoRecord {
  return { id: row.id, reportId: row.report_id, filePath: row.file_path, mime: row.mime, createdAt: row.created_at };
}

export function kyselySideEffectRepository({ db, now }: RepositoryContext): SideEffectRepository {
  return {
    async createReport(input) {
      const row: Selectable<SideEffectReportsTable> = {
        id: newId(),
        session_id: input.sessionId,
        reporter_user_id: input.reporterUserId,
        symptom: input.symptom,
        onset: input.onset ?? null,
        severity: input.severity ?? null,
        triage: input.triage === undefined || input.triage === null ? null : toJsonText(input.triage),
        created_at: now(),
      };
      await db.insertInto('side_effect_reports').values(row).execute();
      return toReport(row);
    },
    async findReport(id) {
      const row = await db.selectFrom('side_effect_reports').selectAll().where('id', '=', id).executeTakeFirst();
      return row && toReport(row);
    },
    async listBySession(sessionId) {
      const rows = await db
        .selectFrom('side_effect_reports')
        .selectAll()
        .where('session_id', '=', sessionId)
        .orderBy('created_at', 'desc')
        .orderBy('id', 'desc')
        .execute();
      return rows.map(toReport);
    },
    async setTriage(id, triage) {
      const row = await db
        .updateTable('side_effect_reports')
        .set({ triage: triage === null || triage === undefined ? null : toJsonText(triage) })
        .where('id', '=', id)
        .returningAll()
        .executeTakeFirst();
      return row && toReport(row);
    },
    async addPhoto({ reportId, filePath, mime }) {
      const row = { id: newId(), report_id: reportId, file_path: filePath, mime, created_at: now() };
      await db.insertInto('side_effect_photos').values(row).execute();
      return toPhoto(row);
    },
    async listPhotos(reportId) {
      return (await db.selectFrom('side_effect_photos').selectAll().where('report_id', '=', reportId).orderBy('created_at').orderBy('id').execute()).map(toPhoto);
    },
  };
}
