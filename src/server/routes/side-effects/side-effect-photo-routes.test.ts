import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { forEachApp, type TestClient } from '../../../test-support/test-app.js';
import { maxImageBytes } from '../../uploads/image-uploads.js';
import { multipartPayload, type FormPart } from '../../uploads/test-support/multipart-payload.js';
import { sampleImages } from '../../uploads/test-support/sample-images.js';
import { filesUnder } from '../../uploads/test-support/stored-files.js';
import { courseWithSessions, hoursAgo } from './test-support/test-course.js';
import { auditedRecords, clinicAudit } from '../../../test-support/audited-records.js';

const dataDir = mkdtempSync(join(tmpdir(), 'mesodesk-side-effect-photos-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

forEachApp(
  'side-effect photo routes',
  (get) => {
    let practitioner: TestClient;
    let patient: TestClient;
    let reportId: string;
    let othersReportId: string;
    const photosDir = () => join(dataDir, 'photos', get().fixture.patient.id);

    beforeAll(async () => {
      const test = get();
      [practitioner, patient] = await Promise.all([test.signIn('practitioner'), test.signIn('patient')]);
      const [own = ''] = (await courseWithSessions(test, practitioner, test.fixture.patient, [5])).sessionIds;
      const [others = ''] = (await courseWithSessions(test, practitioner, test.fixture.otherPatient, [5])).sessionIds;
      const payload = { symptom: 'a red patch', onset: hoursAgo(4), severity: 'mild', ongoing: true };
      reportId = (await patient.inject({ method: 'POST', url: `/api/sessions/${own}/side-effects`, payload })).json()
        .id;
      othersReportId = (
        await practitioner.inject({ method: 'POST', url: `/api/sessions/${others}/side-effects`, payload })
      ).json().id;
    });

    const upload = (client: TestClient, parts: FormPart[], id = reportId) =>
      client.inject({ method: 'POST', url: `/api/side-effects/${id}/photos`, ...multipartPayload(parts) });

    it('stores photos from the patient under the data folder, named by id, and lists them on the report', async () => {
      const response = await upload(patient, [
        { name: 'photo', file: sampleImages.png, filename: '../../etc/passwd', contentType: 'text/plain' },
        { name: 'photo', file: sampleImages.webp, filename: 'cheek.webp' },
      ]);
      expect(response.statusCode).toBe(201);
      const photos = response.json().photos;
      expect(photos.map((p: { mime: string }) => p.mime)).toEqual(['image/png', 'image/webp']);
      expect(filesUnder(photosDir())).toEqual([`${photos[0].id}.png`, `${photos[1].id}.webp`].sort());
      expect(JSON.stringify(response.json())).not.toMatch(/passwd|cheek|filePath/);
      expect(JSON.stringify(response.json())).not.toContain(`photos/${get().fixture.patient.id}`);

      const report = (await practitioner.inject({ method: 'GET', url: `/api/side-effects/${reportId}` })).json();
      expect(report.photos.map((p: { url: string }) => p.url)).toEqual(
        photos.map((p: { id: string }) => `/api/side-effects/${reportId}/photos/${p.id}`),
      );
    });

    it('serves them to clinicians and the patient only, never cached', async () => {
      const [photo] = (await practitioner.inject({ method: 'GET', url: `/api/side-effects/${reportId}` })).json()
        .photos;
      for (const client of [practitioner, patient]) {
        const image = await client.inject({ method: 'GET', url: photo.url });
        expect(image.statusCode).toBe(200);
        expect(image.headers['content-type']).toBe('image/png');
        expect(image.headers['cache-control']).toBe('private, no-store');
        // The stored image is the upload re-encoded (uploads/reencode-image.ts).
        expect(image.rawPayload.equals(readFileSync(join(photosDir(), `${photo.id}.png`)))).toBe(true);
      }
      expect((await (await get().signIn('reception')).inject({ method: 'GET', url: photo.url })).statusCode).toBe(403);
      expect(
        (await practitioner.inject({ method: 'GET', url: `/api/side-effects/${othersReportId}/photos/${photo.id}` }))
          .statusCode,
      ).toBe(404);
      expect((await patient.inject({ method: 'GET', url: `/api/side-effects/${othersReportId}` })).statusCode).toBe(
        404,
      );

      const reads = auditedRecords(await clinicAudit(get(), { entity: 'side_effect_photo', limit: 100 }));
      expect(
        reads
          .filter((e) => e.action === 'read' && e.entityId === photo.id && e.route?.endsWith('/photos/:photoId'))
          .map((e) => e.role)
          .sort(),
      ).toEqual(['patient', 'practitioner']);
      expect(reads.filter((e) => e.action === 'create')).toHaveLength(2);
    });

    it('refuses oversized and non-image uploads, and anything but multipart, storing nothing', async () => {
      const before = filesUnder(dataDir);
      const huge = Buffer.concat([sampleImages.jpeg, Buffer.alloc(maxImageBytes)]);
      const tooLarge = await upload(patient, [
        { name: 'photo', file: sampleImages.jpeg },
        { name: 'photo', file: huge },
      ]);
      expect(tooLarge.statusCode).toBe(413);
      expect(tooLarge.json().error).toBe('payload_too_large');

      const notImage = await upload(patient, [
        { name: 'photo', file: Buffer.from('%PDF-1.7 pretending'), filename: 'x.jpg', contentType: 'image/jpeg' },
      ]);
      expect(notImage.statusCode).toBe(400);
      expect(notImage.json().problems).toEqual([{ field: 'photo', message: 'must be a JPEG, PNG or WebP image' }]);
      expect((await upload(patient, [])).json().problems).toEqual([{ field: 'photo', message: 'required' }]);
      expect((await upload(patient, [{ name: 'picture', file: sampleImages.jpeg }])).json().problems[0].field).toBe(
        'picture',
      );
      const six = Array.from({ length: 6 }, () => ({ name: 'photo', file: sampleImages.jpeg }));
      expect((await upload(patient, six)).statusCode).toBe(413);

      const json = await patient.inject({
        method: 'POST',
        url: `/api/side-effects/${reportId}/photos`,
        payload: { photo: 'x' },
      });
      expect(json.json().problems).toEqual([{ field: '(body)', message: 'must be multipart/form-data' }]);
      const broken = await patient.inject({
        method: 'POST',
        url: `/api/side-effects/${reportId}/photos`,
        headers: { 'content-type': 'multipart/form-data; boundary=xyz' },
        payload: '--xyz\r\nnonsense',
      });
      expect(broken.statusCode).toBe(400);
      expect(
        (
          await patient.inject({
            method: 'POST',
            url: `/api/side-effects/${reportId}/photos`,
            headers: { 'content-type': 'multipart/form-data' },
            payload: 'x',
          })
        ).statusCode,
      ).toBe(400);
      expect(filesUnder(dataDir)).toEqual(before);
      expect(
        (await practitioner.inject({ method: 'GET', url: `/api/side-effects/${reportId}` })).json().photos,
      ).toHaveLength(2);
    });

    it("refuses uploads to other patients' reports before reading them", async () => {
      expect((await upload(patient, [{ name: 'photo', file: sampleImages.jpeg }], othersReportId)).statusCode).toBe(
        404,
      );
      expect(
        (await upload(await get().signIn('reception'), [{ name: 'photo', file: sampleImages.jpeg }])).statusCode,
      ).toBe(403);
    });

    const remove = (client: TestClient, photoId: string, id = reportId) =>
      client.inject({ method: 'DELETE', url: `/api/side-effects/${id}/photos/${photoId}` });

    it('lets whoever uploaded a photo delete it while the report is open, audited, and nobody else', async () => {
      const [mine] = (await upload(patient, [{ name: 'photo', file: sampleImages.jpeg }])).json().photos;
      const [theirs] = (await upload(practitioner, [{ name: 'photo', file: sampleImages.png }])).json().photos;
      expect((await remove(practitioner, mine.id)).statusCode).toBe(403);
      expect((await remove(patient, theirs.id)).json()).toMatchObject({ error: 'forbidden' });
      expect((await remove(patient, mine.id, othersReportId)).statusCode).toBe(404);
      expect((await remove(await get().signIn('reception'), mine.id)).statusCode).toBe(403);
      expect(filesUnder(photosDir())).toContain(`${mine.id}.jpg`);

      expect((await remove(patient, mine.id)).statusCode).toBe(204);
      expect(filesUnder(photosDir())).not.toContain(`${mine.id}.jpg`);
      const report = (await patient.inject({ method: 'GET', url: `/api/side-effects/${reportId}` })).json();
      expect(report.photos.map((p: { id: string }) => p.id)).not.toContain(mine.id);
      expect((await patient.inject({ method: 'GET', url: mine.url })).statusCode).toBe(404);
      expect((await remove(patient, mine.id)).statusCode).toBe(404);
      expect((await remove(practitioner, theirs.id)).statusCode).toBe(204);

      const deletions = auditedRecords(await clinicAudit(get(), { entity: 'side_effect_photo', limit: 100 })).filter(
        (e) => e.action === 'delete',
      );
      expect(deletions.map((e) => [e.entityId, e.role, e.patientId])).toEqual(
        expect.arrayContaining([
          [mine.id, 'patient', get().fixture.patient.id],
          [theirs.id, 'practitioner', get().fixture.patient.id],
        ]),
      );
    });

    it('keeps the photos of a report once it is closed, a week after it was made', async () => {
      const [kept] = (await upload(patient, [{ name: 'photo', file: sampleImages.webp }])).json().photos;
      const eightDaysAgo = new Date(Date.now() - 8 * 86_400_000).toISOString();
      await get()
        .db.updateTable('side_effect_reports')
        .set({ created_at: eightDaysAgo })
        .where('id', '=', reportId)
        .execute();
      const refused = await remove(patient, kept.id);
      expect(refused.statusCode).toBe(409);
      expect(refused.json().error).toBe('report_closed');
      expect(filesUnder(photosDir())).toContain(`${kept.id}.webp`);
    });
  },
  { config: { dataDir } },
);
