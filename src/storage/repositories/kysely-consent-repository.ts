import type { Selectable } from 'kysely';
import type { ConsentSignaturesTable, ConsentTextsTable } from '../database-schema.js';
import { newId } from '../ids.js';
import type { ConsentRepository } from './consent-repository.js';
import type { ConsentSignatureRecord, ConsentTextRecord } from '../../core/records/index.js';
import type { RepositoryContext } from './repository-context.js';

function toText(row: Selectable<ConsentTextsTable>): ConsentTextRecord {
  return {
    id: row.id,
    clinicId: row.clinic_id,
    procedure: row.procedure,
    version: Number(row.version),
    text: row.text,
    active: row.active === 1,
    createdAt: row.created_at,
  };
}

function toSignature(row: Selectable<ConsentSignaturesTable>): ConsentSignatureRecord {
  return {
    id: row.id,
    patientId: row.patient_id,
    consentTextId: row.consent_text_id,
    typedName: row.typed_name,
    signatureImage: row.signature_image,
    signedAt: row.signed_at,
    userAgent: row.user_agent,
    userId: row.user_id,
  };
}

export function kyselyConsentRepository({ db, now }: RepositoryContext): ConsentRepository {
  const findText = async (id: string) => {
    const row = await db.selectFrom('consent_texts').selectAll().where('id', '=', id).executeTakeFirst();
    return row && toText(row);
  };
  const deactivateOthers = (clinicId: string, procedure: string, keepId: string) =>
    db
      .updateTable('consent_texts')
      .set({ active: 0 })
      .where('clinic_id', '=', clinicId)
      .where('procedure', '=', procedure)
      .where('id', '!=', keepId)
      .execute();

  return {
    async createText({ clinicId, procedure, text, active }) {
      const last = await db
        .selectFrom('consent_texts')
        .select((eb) => eb.fn.max('version').as('version'))
        .where('clinic_id', '=', clinicId)
        .where('procedure', '=', procedure)
        .executeTakeFirst();
      const row = {
        id: newId(),
        clinic_id: clinicId,
        procedure,
        version: Number(last?.version ?? 0) + 1,
        text,
        active: active ? 1 : 0,
        created_at: now(),
      };
      await db.insertInto('consent_texts').values(row).execute();
      if (active) await deactivateOthers(clinicId, procedure, row.id);
      return toText(row);
    },
    findText,
    async findActiveText(clinicId, procedure) {
      const row = await db
        .selectFrom('consent_texts')
        .selectAll()
        .where('clinic_id', '=', clinicId)
        .where('procedure', '=', procedure)
        .where('active', '=', 1)
        .executeTakeFirst();
      return row && toText(row);
    },
    async listTexts(clinicId) {
      const rows = await db
        .selectFrom('consent_texts')
        .selectAll()
        .where('clinic_id', '=', clinicId)
        .orderBy('procedure')
        .orderBy('version', 'desc')
        .execute();
      return rows.map(toText);
    },
    async activateText(id) {
      const text = await findText(id);
      if (!text) return undefined;
      await db.updateTable('consent_texts').set({ active: 1 }).where('id', '=', id).execute();
      await deactivateOthers(text.clinicId, text.procedure, id);
      return { ...text, active: true };
    },
    async sign(input) {
      const row: Selectable<ConsentSignaturesTable> = {
        id: newId(),
        patient_id: input.patientId,
        consent_text_id: input.consentTextId,
        typed_name: input.typedName,
        signature_image: input.signatureImage ?? null,
        signed_at: now(),
        user_agent: input.userAgent ?? null,
        user_id: input.userId,
      };
      await db.insertInto('consent_signatures').values(row).execute();
      return toSignature(row);
    },
    async listSignatures(patientId) {
      const rows = await db
        .selectFrom('consent_signatures')
        .selectAll()
        .where('patient_id', '=', patientId)
        .orderBy('signed_at', 'desc')
        .orderBy('id', 'desc')
        .execute();
      return rows.map(toSignature);
    },
    async findSignature(id) {
      const row = await db.selectFrom('consent_signatures').selectAll().where('id', '=', id).executeTakeFirst();
      return row && toSignature(row);
    },
    async listSignaturesByPatients(patientIds) {
      if (patientIds.length === 0) return [];
      const rows = await db
        .selectFrom('consent_signatures')
        .selectAll()
        .where('patient_id', 'in', patientIds)
        .orderBy('signed_at')
        .orderBy('id')
        .execute();
      return rows.map(toSignature);
    },
  };
}
