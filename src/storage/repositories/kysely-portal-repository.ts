import type { Selectable } from 'kysely';
import type { ConsultationRequestRecord, PortalSettingsRecord } from '../../core/records/index.js';
import { engineOf } from '../create-database.js';
import type { ConsultationRequestsTable, PortalSettingsTable } from '../database-schema.js';
import { newId } from '../ids.js';
import { firstRecord } from './first-record.js';
import type { PortalRepository } from './portal-repository.js';
import type { RepositoryContext } from './repository-context.js';
import { rowMapper } from './row-mapper.js';
import { upsertRow } from './table-rows.js';

const toSettings = rowMapper<Selectable<PortalSettingsTable>, PortalSettingsRecord>()(
  'clinic_id, notice_hours, updated_at, updated_by',
  { noticeHours: Number },
);

const toRequest = rowMapper<Selectable<ConsultationRequestsTable>, ConsultationRequestRecord>()(
  'id, clinic_id, patient_id, assessment_id, reason, note, status, created_by, created_at, handled_at, handled_by',
);

export function kyselyPortalRepository({ db, now }: RepositoryContext): PortalRepository {
  const requests = () => db.selectFrom('consultation_requests').selectAll();
  const postgres = engineOf(db) === 'postgres';
  return {
    findSettings: (clinicId) =>
      firstRecord(db.selectFrom('portal_settings').selectAll().where('clinic_id', '=', clinicId), toSettings),
    async saveSettings(clinicId, { noticeHours }, by) {
      const row = await upsertRow(db, 'portal_settings', 'clinic_id', {
        clinic_id: clinicId,
        notice_hours: noticeHours,
        updated_at: now(),
        updated_by: by,
      });
      return toSettings(row);
    },
    async createConsultationRequest(input) {
      const row = await db
        .insertInto('consultation_requests')
        .values({
          id: newId(),
          clinic_id: input.clinicId,
          patient_id: input.patientId,
          assessment_id: input.assessmentId,
          reason: input.reason,
          note: input.note,
          status: 'open',
          created_by: input.createdBy,
          created_at: now(),
          handled_at: null,
          handled_by: null,
        })
        .returningAll()
        .executeTakeFirstOrThrow();
      return toRequest(row);
    },
    findConsultationRequest: (id) => firstRecord(requests().where('id', '=', id), toRequest),
    async listConsultationRequests(patientId) {
      const rows = await requests()
        .where('patient_id', '=', patientId)
        .orderBy('created_at', 'desc')
        .orderBy('id', 'desc')
        .execute();
      return rows.map(toRequest);
    },
    async listOpenConsultationRequests(clinicId, limit) {
      const rows = await requests()
        .where('clinic_id', '=', clinicId)
        .where('status', '=', 'open')
        .orderBy('created_at')
        .orderBy('id')
        .limit(limit)
        .execute();
      return rows.map(toRequest);
    },
    markConsultationHandled: (id, by) =>
      firstRecord(
        db
          .updateTable('consultation_requests')
          .set({ status: 'handled', handled_at: now(), handled_by: by })
          .where('id', '=', id)
          .where('status', '=', 'open')
          .returningAll(),
        toRequest,
      ),
    async lockPatient(patientId) {
      if (postgres) await db.selectFrom('patients').select('id').where('id', '=', patientId).forUpdate().execute();
    },
  };
}
