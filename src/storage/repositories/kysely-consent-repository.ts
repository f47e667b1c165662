import type { Selectable } from 'kysely';
import type { ConsentSignaturesTable, ConsentTextsTable } from '../database-schema.js';
import { newId } from '../ids.js';
import type { ConsentRepository } from './consent-repository.js';
import type { ConsentSignatureRecord, ConsentTextRecord } from '../../core/records/index.js';
import { firstRecord } from './first-record.js';
import type { RepositoryContext } from './repository-context.js';
import { tableRows } from './table-rows.js';

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
  const texts = tableRows(db, 'consent_texts', toText);
  const signatures = tableRows(db, 'consent_signatures', toSignature);
  const findText = texts.findById;
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
      const created = await texts.insert({
        id: newId(),
        clinic_id: clinicId,
        procedure,
        version: Number(last?.version ?? 0) + 1,
        text,
        active: active ? 1 : 0,
        created_at: now(),
      });
      if (active) await deactivateOthers(clinicId, procedure, created.id);
      return created;
    },
    findText,
    findActiveText: (clinicId, procedure) =>
      firstRecord(
        db
          .selectFrom('consent_texts')
          .selectAll()
          .where('clinic_id', '=', clinicId)
          .where('procedure', '=', procedure)
          .where('active', '=', 1),
        toText,
      ),
    listTexts: (clinicId) => texts.listBy('clinic_id', clinicId, 'procedure', 'version desc'),
    async activateText(id) {
      const text = await findText(id);
      if (!text) return undefined;
      await db.updateTable('consent_texts').set({ active: 1 }).where('id', '=', id).execute();
      await deactivateOthers(text.clinicId, text.procedure, id);
      return { ...text, active: true };
    },
    async sign(input) {
      return signatures.insert({
        id: newId(),
        patient_id: input.patientId,
        consent_text_id: input.consentTextId,
        typed_name: input.typedName,
        signature_image: input.signatureImage ?? null,
        signed_at: now(),
        user_agent: input.userAgent ?? null,
        user_id: input.userId,
      });
    },
    listSignatures: (patientId) => signatures.listBy('patient_id', patientId, 'signed_at desc', 'id desc'),
    findSignature: signatures.findById,
    listSignaturesByPatients: (patientIds) => signatures.listByAny('patient_id', patientIds, 'signed_at', 'id'),
  };
}
