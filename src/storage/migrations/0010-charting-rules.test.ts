import { expect, it } from 'vitest';
import { forEachEngine } from '../../test-support/test-databases.js';
import { createRepositories } from '../repositories/repositories.js';
import { createSamplePatient } from '../../test-support/stored-records.js';

forEachEngine('consent records are immutable (migration 0010)', (getDb) => {
  it('lets a text be switched on and off but never reworded or, once signed, deleted, and signatures never change', async () => {
    const db = getDb();
    const repos = createRepositories(db);
    const clinic = await repos.clinics.create({ name: 'Immutable' });
    const patient = await createSamplePatient(repos, clinic.id);
    const v1 = await repos.transaction((tx) =>
      tx.consent.createText({ clinicId: clinic.id, procedure: 'mesotherapy', text: 'one', active: true }),
    );
    const v2 = await repos.transaction((tx) =>
      tx.consent.createText({ clinicId: clinic.id, procedure: 'mesotherapy', text: 'two', active: true }),
    );
    await repos.transaction((tx) => tx.consent.activateText(v1.id));
    expect((await repos.consent.findActiveText(clinic.id, 'mesotherapy'))?.id).toBe(v1.id);

    await expect(
      db.updateTable('consent_texts').set({ text: 'rewritten' }).where('id', '=', v2.id).execute(),
    ).rejects.toThrow(/never edited/);
    await expect(db.updateTable('consent_texts').set({ version: 7 }).where('id', '=', v2.id).execute()).rejects.toThrow(
      /never edited/,
    );
    expect((await repos.consent.findText(v2.id))?.text).toBe('two');

    const signature = await repos.consent.sign({
      patientId: patient.id,
      consentTextId: v1.id,
      typedName: 'I M',
      userId: null,
    });
    await expect(db.updateTable('consent_signatures').set({ typed_name: 'Someone else' }).execute()).rejects.toThrow(
      /never changed/,
    );
    await expect(db.updateTable('consent_signatures').set({ consent_text_id: v2.id }).execute()).rejects.toThrow(
      /never changed/,
    );
    await expect(db.deleteFrom('consent_signatures').execute()).rejects.toThrow(/never changed/);
    // Since 0028 a version nobody signed may be deleted (a mistaken publication); a signed one never.
    await expect(db.deleteFrom('consent_texts').where('id', '=', v1.id).execute()).rejects.toThrow(
      /a patient signed is never deleted/,
    );
    expect(await repos.consent.listSignatures(patient.id)).toEqual([signature]);
  });
});
