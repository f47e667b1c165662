import type { Selectable } from 'kysely';
import type { ConsentSignaturesTable, ConsentTextsTable } from '../database-schema.js';
import { newId } from '../ids.js';
import type { ConsentRepository } from './consent-repository.js';
import { toCount } from './defined-fields.js';
import { engineOf } from '../create-database.js';
import type { ConsentSignatureRecord, ConsentTextRecord } from '../../core/records/index.js';
import { firstRecord } from './first-record.js';
import type { RepositoryContext } from './repository-context.js';
import { insertLeavingDefault, tableRows } from './table-rows.js';
import { defaultLanguage } from '../../core/localization/reader-language.js';
import { isSet, rowMapper } from './row-mapper.js';

const toText = rowMapper<Selectable<ConsentTextsTable>, ConsentTextRecord>()(
  'id, clinic_id, procedure, language, version, text, active, created_at',
  { version: Number, active: isSet },
);

const toSignature = rowMapper<Selectable<ConsentSignaturesTable>, ConsentSignatureRecord>()(
  'id, patient_id, consent_text_id, typed_name, signature_image, signed_at, user_agent, user_id, language',
);

export function kyselyConsentRepository({ db, now }: RepositoryContext): ConsentRepository {
  const texts = tableRows(db, 'consent_texts', toText);
  const signatures = tableRows(db, 'consent_signatures', toSignature);
  const postgres = engineOf(db) === 'postgres';
  const findText = texts.findById;
  const ofLanguage = (text: Pick<ConsentTextRecord, 'clinicId' | 'procedure' | 'language'>) =>
    db
      .selectFrom('consent_texts')
      .selectAll()
      .where('clinic_id', '=', text.clinicId)
      .where('procedure', '=', text.procedure)
      .where('language', '=', text.language);
  const deactivateOthers = (text: ConsentTextRecord) =>
    db
      .updateTable('consent_texts')
      .set({ active: 0 })
      .where('clinic_id', '=', text.clinicId)
      .where('procedure', '=', text.procedure)
      .where('language', '=', text.language)
      .where('id', '!=', text.id)
      .execute();
  const signatureCount = async (textId: string) =>
    toCount(
      (
        await db
          .selectFrom('consent_signatures')
          .select(db.fn.countAll().as('n'))
          .where('consent_text_id', '=', textId)
          .executeTakeFirst()
      )?.n,
    );

  return {
    async createText({ clinicId, procedure, language = 'en', text, active }) {
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
        language,
        version: Number(last?.version ?? 0) + 1,
        text,
        active: active ? 1 : 0,
        created_at: now(),
      });
      if (active) await deactivateOthers(created);
      return created;
    },
    findText,
    findActiveText(clinicId, procedure, language) {
      let query = db
        .selectFrom('consent_texts')
        .selectAll()
        .where('clinic_id', '=', clinicId)
        .where('procedure', '=', procedure)
        .where('active', '=', 1);
      if (language !== undefined) query = query.where('language', '=', language);
      return firstRecord(query.orderBy('version', 'desc'), toText);
    },
    listTexts: (clinicId) => texts.listBy('clinic_id', clinicId, 'procedure', 'version desc'),
    async activateText(id) {
      const text = await findText(id);
      if (!text) return undefined;
      await db.updateTable('consent_texts').set({ active: 1 }).where('id', '=', id).execute();
      await deactivateOthers(text);
      return { ...text, active: true };
    },
    async countSignaturesByText(clinicId) {
      const rows = await db
        .selectFrom('consent_signatures as s')
        .innerJoin('consent_texts as t', 't.id', 's.consent_text_id')
        .select(['s.consent_text_id as id', db.fn.countAll().as('n')])
        .where('t.clinic_id', '=', clinicId)
        .groupBy('s.consent_text_id')
        .execute();
      return new Map(rows.map((r) => [r.id, toCount(r.n)]));
    },
    async deleteUnsignedText(id) {
      // Locked first: a signature being given now waits for this, then finds the text gone.
      if (postgres) await db.selectFrom('consent_texts').select('id').where('id', '=', id).forUpdate().execute();
      const text = await findText(id);
      if (!text) return { outcome: 'missing' };
      const count = await signatureCount(id);
      if (count > 0) return { outcome: 'signed', signatures: count };
      await texts.deleteById(id);
      if (!text.active) return { outcome: 'deleted', reactivated: null };
      const previous = await firstRecord(ofLanguage(text).orderBy('version', 'desc'), toText);
      if (!previous) return { outcome: 'deleted', reactivated: null };
      await db.updateTable('consent_texts').set({ active: 1 }).where('id', '=', previous.id).execute();
      return { outcome: 'deleted', reactivated: { ...previous, active: true } };
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
        language: input.language ?? defaultLanguage,
      };
      await insertLeavingDefault(db, 'consent_signatures', row, 'language', input.language !== undefined);
      return toSignature(row);
    },
    listSignatures: (patientId) => signatures.listBy('patient_id', patientId, 'signed_at desc', 'id desc'),
    findSignature: signatures.findById,
    listSignaturesByPatients: (patientIds) => signatures.listByAny('patient_id', patientIds, 'signed_at', 'id'),
  };
}
