import type { Selectable } from 'kysely';
import type { AuditLogTable } from '../database-schema.js';
import { newId } from '../ids.js';
import type { AuditRepository } from './audit-repository.js';
import type { AuditRecord } from './records.js';
import type { RepositoryContext } from './repository-context.js';

function toRecord(row: Selectable<AuditLogTable>): AuditRecord {
  return {
    id: row.id,
    at: row.at,
    clinicId: row.clinic_id,
    userId: row.user_id,
    role: row.role,
    action: row.action,
    entity: row.entity,
    entityId: row.entity_id,
    patientId: row.patient_id,
    route: row.route,
  };
}

/** Rows per INSERT: well under SQLite's 32766 bound parameters. */
const batchSize = 500;

export function kyselyAuditRepository({ db, now }: RepositoryContext): AuditRepository {
  return {
    async append(entries) {
      const at = now();
      const rows = entries.map((e) => ({
        id: newId(),
        at,
        clinic_id: e.clinicId,
        user_id: e.userId,
        role: e.role,
        action: e.action,
        entity: e.entity,
        entity_id: e.entityId,
        patient_id: e.patientId,
        route: e.route,
      }));
      for (let i = 0; i < rows.length; i += batchSize) await db.insertInto('audit_log').values(rows.slice(i, i + batchSize)).execute();
    },
    async list({ clinicId, patientId, userId, entity, action, from, to, limit, offset }) {
      let query = db.selectFrom('audit_log').selectAll().where('clinic_id', '=', clinicId);
      if (patientId) query = query.where('patient_id', '=', patientId);
      if (userId) query = query.where('user_id', '=', userId);
      if (entity) query = query.where('entity', '=', entity);
      if (action) query = query.where('action', '=', action);
      if (from) query = query.where('at', '>=', from);
      if (to) query = query.where('at', '<', to);
      const rows = await query.orderBy('at', 'desc').orderBy('id', 'desc').limit(limit).offset(offset).execute();
      return rows.map(toRecord);
    },
  };
}
