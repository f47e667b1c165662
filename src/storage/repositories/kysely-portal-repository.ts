import type { Selectable } from 'kysely';
import type { ConsultationRequestRecord, PortalSettingsRecord } from '../../core/records/index.js';
import { engineOf } from '../create-database.js';
import type { ConsultationRequestsTable, PortalSettingsTable } from '../database-schema.js';
import { newId } from '../ids.js';
import { firstRecord } from './first-record.js';
import type { PortalRepository } from './portal-repository.js';
import type { RepositoryContext } from './repository-context.js';

function toSettings(row: Selectable<PortalSettingsTable>): PortalSettingsRecord {
  return {
    clinicId: row.clinic_id,
    noticeHours: Number(row.notice_hours),
    updatedAt: row.updated_at,
    updatedBy: row.updated_by,
  };
}

function toRequest(row: Selectable<ConsultationRequestsTable>): ConsultationRequestRecord {
  return {
    id: row.id,
    clinicId: row.clinic_id,
    patientId: row.patient_id,
    assessmentId: row.assessment_id,
    reason: row.reason,
    note: row.note,
    status: row.status,
    createdBy: row.created_by,
    createdAt: row.created_at,
    handledAt: row.handled_at,
    handledBy: row.handled_by,
  };
}

export function kyselyPortalRepository({ db, now }: RepositoryContext): PortalRepository {
  const requests = () => db.selectFrom('consultation_requests').selectAll();
  const postgres = engineOf(db) === 'postgres';
  return {
    findSettings: (clinicId) =>
      firstRecord(db.selectFrom('portal_settings').selectAll().where('clinic_id', '=', clinicId), toSettings),
    async saveSettings(clinicId, { noticeHours }, by) {
      const values = { notice_hours: noticeHours, updated_at: now(), updated_by: by };
      const row = await db
        .insertInto('portal_settings')
        .values({ clinic_id: clinicId, ...values })
        .onConflict((oc) => oc.column('clinic_id').doUpdateSet(values))
        .returningAll()
        .executeTakeFirstOrThrow();
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
