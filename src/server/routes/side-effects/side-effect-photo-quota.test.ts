import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { forEachApp, testPassword, type TestClient } from '../../../test-support/test-app.js';
import { reencodeImage } from '../../uploads/reencode-image.js';
import { multipartPayload, type FormPart } from '../../uploads/test-support/multipart-payload.js';
import { sampleImages } from '../../uploads/test-support/sample-images.js';
import { filesUnder } from '../../uploads/test-support/stored-files.js';
import { courseWithSessions, hoursAgo } from './test-support/test-course.js';

/**
 * The photo quotas (issue 23: a patient sent 10 parallel uploads of 5 photos to their own report,
 * all accepted). Limits in units of one stored sample photo: the patient may keep 16, the clinic 18.
 */
const dataDir = mkdtempSync(join(tmpdir(), 'mesodesk-photo-quota-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

const stored = await reencodeImage(sampleImages.jpeg, { mime: 'image/jpeg', extension: 'jpg' });
if (!stored.ok) throw new Error('the sample photo does not re-encode');
/** What one uploaded sample photo takes on disk. */
const unit = stored.bytes.length;
const photoQuota = { perPatientBytes: 16 * unit, perClinicBytes: 18 * unit };

forEachApp(
  'photo quotas',
  (get) => {
    let practitioner: TestClient;
    let patient: TestClient;
    let reportId: string;
    const photo: FormPart = { name: 'photo', file: sampleImages.jpeg };
    const sideEffectPhotos = () => get().db.selectFrom('side_effect_photos').select(['id', 'bytes']).execute();
    const outcomePhotos = () => get().db.selectFrom('photos').select(['id', 'bytes']).execute();

    beforeAll(async () => {
      const test = get();
      [practitioner, patient] = await Promise.all([test.signIn('practitioner'), test.signIn('patient')]);
      const [session = ''] = (await courseWithSessions(test, practitioner, test.fixture.patient, [5])).sessionIds;
      const payload = { symptom: 'a red patch', onset: hoursAgo(4), severity: 'mild', ongoing: true };
      reportId = (
        await patient.inject({ method: 'POST', url: `/api/sessions/${session}/side-effects`, payload })
      ).json().id;
    });

    it('lets 10 parallel uploads of 5 photos store no more than the patient may keep, refusing the rest whole', async () => {
      const five = Array.from({ length: 5 }, () => photo);
      const answers = await Promise.all(
        Array.from({ length: 10 }, () =>
          patient.inject({ method: 'POST', url: `/api/side-effects/${reportId}/photos`, ...multipartPayload(five) }),
        ),
      );
      const codes = answers.map((a) => a.statusCode).sort();
      // 3 × 5 photos fit under 16; a 4th upload would make 20.
      expect(codes).toEqual([201, 201, 201, 413, 413, 413, 413, 413, 413, 413]);
      const refused = answers.find((a) => a.statusCode === 413)?.json();
      expect(refused.error).toBe('photo_quota_exceeded');
      expect(refused.message).toMatch(/^the patient's photos would take .*, over the limit of .* per patient/);
      expect(refused.message).toContain(`over the limit of ${Number(((16 * unit) / 1024).toFixed(1))} KB per patient`);

      // Nothing half-written: 15 rows, 15 files, and nothing left waiting in the temporary folder.
      const rows = await sideEffectPhotos();
      expect(rows).toHaveLength(15);
      expect(rows.every((r) => Number(r.bytes) === unit)).toBe(true);
      expect(filesUnder(join(dataDir, 'photos', get().fixture.patient.id))).toHaveLength(15);
      expect(filesUnder(join(dataDir, 'tmp'))).toEqual([]);
    });

    it("counts every patient's photos, outcome photos too, against the clinic's limit", async () => {
      const other = get().fixture.otherPatient;
      const upload = () =>
        practitioner.inject({
          method: 'POST',
          url: `/api/patients/${other.id}/photos`,
          ...multipartPayload([{ name: 'kind', value: 'before' }, photo]),
        });
      // 15 of the clinic's 18 are taken by the first patient's side-effect photos.
      for (let i = 0; i < 3; i++) expect((await upload()).statusCode).toBe(201);
      const refused = await upload();
      expect(refused.statusCode).toBe(413);
      expect(refused.json().message).toMatch(/^the clinic's photos would take .*, over the limit of .* per clinic/);
      expect(await outcomePhotos()).toHaveLength(3);
      expect(filesUnder(join(dataDir, 'photos', other.id))).toHaveLength(3);
      expect(filesUnder(join(dataDir, 'tmp'))).toEqual([]);

      // Another clinic's patients have a quota of their own.
      const elsewhere = await get().createOtherClinic();
      const outsider = await get().signInAs(elsewhere.users.practitioner.email, testPassword);
      const theirs = await outsider.inject({
        method: 'POST',
        url: `/api/patients/${elsewhere.patient.id}/photos`,
        ...multipartPayload([{ name: 'kind', value: 'after' }, photo]),
      });
      expect(theirs.statusCode).toBe(201);
    });

    it('makes room again when a photo is deleted', async () => {
      const [first] = await outcomePhotos();
      expect((await practitioner.inject({ method: 'DELETE', url: `/api/photos/${first?.id}` })).statusCode).toBe(204);
      const again = await practitioner.inject({
        method: 'POST',
        url: `/api/patients/${get().fixture.otherPatient.id}/photos`,
        ...multipartPayload([{ name: 'kind', value: 'after' }, photo]),
      });
      expect(again.statusCode).toBe(201);
    });
  },
  { config: { dataDir, photoQuota } },
);
