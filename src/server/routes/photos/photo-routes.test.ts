import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { forEachApp, type TestClient } from '../../../test-support/test-app.js';
import { maxImageBytes } from '../../uploads/image-uploads.js';
import { multipartPayload, type FormPart } from '../../uploads/test-support/multipart-payload.js';
import { phoneJpegWithLocation, pngClaimingPixels, sampleImages } from '../../uploads/test-support/sample-images.js';
import { filesUnder } from '../../uploads/test-support/stored-files.js';
import { signedInWithSessions } from '../side-effects/test-support/test-course.js';

const dataDir = mkdtempSync(join(tmpdir(), 'mesodesk-photos-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

forEachApp(
  'photo routes',
  (get) => {
    let practitioner: TestClient;
    let patient: TestClient;
    let reception: TestClient;
    let sessionId: string;
    let othersSessionId: string;

    beforeAll(async () => {
      ({
        practitioner,
        patient,
        reception,
        own: [sessionId = ''],
        others: [othersSessionId = ''],
      } = await signedInWithSessions(get(), [2], [2]));
    });

    const url = (patientId = get().fixture.patient.id) => `/api/patients/${patientId}/photos`;
    const upload = (client: TestClient, parts: FormPart[], patientId?: string) =>
      client.inject({ method: 'POST', url: url(patientId), ...multipartPayload(parts) });
    const jpeg: FormPart = {
      name: 'photo',
      file: sampleImages.jpeg,
      filename: 'IMG_0001.HEIC',
      contentType: 'application/octet-stream',
    };

    it('stores before and after photos under <dataDir>/photos/<patientId>/<photoId>.<ext>', async () => {
      const before = await upload(practitioner, [
        { name: 'kind', value: 'before' },
        { name: 'sessionId', value: sessionId },
        jpeg,
      ]);
      expect(before.statusCode).toBe(201);
      const photo = before.json();
      expect(photo).toMatchObject({
        patientId: get().fixture.patient.id,
        sessionId,
        kind: 'before',
        mime: 'image/jpeg',
        createdBy: practitioner.user.id,
        url: `/api/photos/${photo.id}`,
      });
      expect(photo).not.toHaveProperty('filePath');
      expect(filesUnder(join(dataDir, 'photos', get().fixture.patient.id))).toEqual([`${photo.id}.jpg`]);

      // Fields may follow the file.
      const after = await upload(await get().signIn('admin'), [
        { name: 'photo', file: sampleImages.webp },
        { name: 'kind', value: 'after' },
      ]);
      expect(after.json()).toMatchObject({ kind: 'after', sessionId: null, mime: 'image/webp' });

      const list = await patient.inject({ method: 'GET', url: url() });
      expect(list.json().photos.map((p: { id: string }) => p.id)).toEqual([after.json().id, photo.id]);
      expect((await reception.inject({ method: 'GET', url: url() })).statusCode).toBe(403);
      expect((await patient.inject({ method: 'GET', url: url(get().fixture.otherPatient.id) })).statusCode).toBe(403);
    });

    it('serves a photo to the clinic’s clinicians and the patient, never to reception or another patient', async () => {
      const [photo] = (await practitioner.inject({ method: 'GET', url: url() })).json().photos;
      for (const client of [practitioner, patient]) {
        const image = await client.inject({ method: 'GET', url: photo.url });
        expect(image.statusCode).toBe(200);
        expect(image.headers['content-type']).toBe('image/webp');
        expect(image.headers['cache-control']).toBe('private, no-store');
        // The stored image is the upload re-encoded (uploads/reencode-image.ts).
        expect(
          image.rawPayload.equals(readFileSync(join(dataDir, 'photos', get().fixture.patient.id, `${photo.id}.webp`))),
        ).toBe(true);
      }
      expect((await reception.inject({ method: 'GET', url: photo.url })).statusCode).toBe(403);

      const othersPhoto = (
        await upload(practitioner, [{ name: 'kind', value: 'before' }, jpeg], get().fixture.otherPatient.id)
      ).json();
      const other = await patient.inject({ method: 'GET', url: othersPhoto.url });
      expect(other.statusCode).toBe(403);
      expect(other.rawPayload.equals(sampleImages.jpeg)).toBe(false);

      const outsider = await get().signInElsewhere('practitioner');
      expect((await outsider.inject({ method: 'GET', url: photo.url })).statusCode).toBe(404);
      expect((await practitioner.inject({ method: 'GET', url: '/api/photos/missing' })).statusCode).toBe(404);
    });

    it('refuses oversized and non-image uploads and bad fields, storing nothing', async () => {
      const stored = filesUnder(dataDir);
      const count = (await practitioner.inject({ method: 'GET', url: url() })).json().photos.length;

      const huge = await upload(practitioner, [
        { name: 'kind', value: 'before' },
        { name: 'photo', file: Buffer.concat([sampleImages.png, Buffer.alloc(maxImageBytes)]) },
      ]);
      expect(huge.statusCode).toBe(413);
      const text = await upload(practitioner, [
        { name: 'kind', value: 'before' },
        { name: 'photo', file: Buffer.from('just some text'), filename: 'a.png', contentType: 'image/png' },
      ]);
      expect(text.statusCode).toBe(400);
      expect(text.json().problems).toEqual([{ field: 'photo', message: 'must be a JPEG, PNG or WebP image' }]);
      // A few dozen bytes claiming 100000 × 100000 pixels: refused from its header, never decoded.
      const bomb = await upload(practitioner, [
        { name: 'kind', value: 'before' },
        { name: 'photo', file: pngClaimingPixels(100_000, 100_000), filename: 'a.png' },
      ]);
      expect(bomb.statusCode).toBe(400);
      expect(bomb.json().problems).toEqual([
        { field: 'photo', message: 'must be at most 64 megapixels (this one is 100000 × 100000)' },
      ]);
      const truncated = await upload(practitioner, [
        { name: 'kind', value: 'before' },
        { name: 'photo', file: sampleImages.jpeg.subarray(0, sampleImages.jpeg.length - 40) },
      ]);
      expect(truncated.json().problems).toEqual([{ field: 'photo', message: 'must be a JPEG, PNG or WebP image' }]);

      const problems = async (parts: FormPart[]) => (await upload(practitioner, parts)).json().problems;
      expect(await problems([jpeg])).toEqual([{ field: 'kind', message: 'must be one of: before, after' }]);
      expect(await problems([{ name: 'kind', value: 'during' }, jpeg])).toEqual([
        { field: 'kind', message: 'must be one of: before, after' },
      ]);
      expect(
        await problems([{ name: 'kind', value: 'after' }, { name: 'sessionId', value: othersSessionId }, jpeg]),
      ).toEqual([{ field: 'sessionId', message: "must be one of the patient's sessions" }]);
      expect(await problems([{ name: 'kind', value: 'after' }, { name: 'sessionId', value: '../../x' }, jpeg])).toEqual(
        [{ field: 'sessionId', message: 'must be an id' }],
      );
      expect(await problems([{ name: 'kind', value: 'after' }, { name: 'owner', value: 'me' }, jpeg])).toEqual([
        { field: 'owner', message: 'is not a field of this form' },
      ]);
      expect(await problems([{ name: 'kind', value: 'after' }])).toEqual([{ field: 'photo', message: 'required' }]);
      expect((await upload(practitioner, [{ name: 'kind', value: 'after' }, jpeg, jpeg])).statusCode).toBe(413);
      expect((await practitioner.inject({ method: 'POST', url: url(), payload: { kind: 'after' } })).statusCode).toBe(
        400,
      );

      expect((await upload(patient, [{ name: 'kind', value: 'after' }, jpeg])).statusCode).toBe(403);
      expect((await upload(reception, [{ name: 'kind', value: 'after' }, jpeg])).statusCode).toBe(403);
      expect((await upload(practitioner, [{ name: 'kind', value: 'after' }, jpeg], 'missing')).statusCode).toBe(404);

      expect(filesUnder(dataDir)).toEqual(stored);
      expect((await practitioner.inject({ method: 'GET', url: url() })).json().photos).toHaveLength(count);
    });

    it('deletes a photo and its file (clinicians only), auditing every read and write', async () => {
      const photo = (await upload(practitioner, [{ name: 'kind', value: 'after' }, jpeg])).json();
      const file = join(dataDir, 'photos', get().fixture.patient.id, `${photo.id}.jpg`);
      expect(existsSync(file)).toBe(true);
      expect((await patient.inject({ method: 'DELETE', url: photo.url })).statusCode).toBe(403);
      expect((await reception.inject({ method: 'DELETE', url: photo.url })).statusCode).toBe(403);
      expect(existsSync(file)).toBe(true);

      expect((await practitioner.inject({ method: 'DELETE', url: photo.url })).statusCode).toBe(204);
      expect(existsSync(file)).toBe(false);
      expect(filesUnder(join(dataDir, 'photos', get().fixture.patient.id)).some((f) => f.includes('deleting'))).toBe(
        false,
      );
      expect((await practitioner.inject({ method: 'GET', url: photo.url })).statusCode).toBe(404);
      expect((await practitioner.inject({ method: 'DELETE', url: photo.url })).statusCode).toBe(404);

      const trail = await get().repos.audit.list({
        clinicId: get().fixture.clinic.id,
        entity: 'photo',
        limit: 200,
        offset: 0,
      });
      const of = (id: string) =>
        trail.filter((e) => e.entityId === id).map((e) => `${e.action} ${e.route}${e.reason ? ` (${e.reason})` : ''}`);
      // The refused deletions are audited as refused (plugins/audit-denials.ts).
      expect(of(photo.id).sort()).toEqual([
        'create POST /api/patients/:id/photos',
        'delete DELETE /api/photos/:id',
        'delete DELETE /api/photos/:id (wrong_role)',
        'delete DELETE /api/photos/:id (wrong_role)',
      ]);
      const served = trail
        .filter((e) => e.route === 'GET /api/photos/:id' && e.action === 'read' && !e.reason)
        .map((e) => e.role);
      expect(served.sort()).toEqual(['patient', 'practitioner']);
      expect(trail.some((e) => e.route === 'GET /api/patients/:id/photos' && e.role === 'patient')).toBe(true);
    });

    it('stores phone photos without their location or comments, keeping the orientation', async () => {
      const saved = await upload(practitioner, [
        { name: 'kind', value: 'before' },
        { name: 'photo', file: phoneJpegWithLocation, filename: 'IMG_0002.jpg' },
      ]);
      expect(saved.statusCode, saved.body).toBe(201);
      const image = (await practitioner.inject({ method: 'GET', url: saved.json().url })).rawPayload;
      expect(phoneJpegWithLocation.toString('latin1')).toContain('GPS');
      expect(image.toString('latin1')).not.toContain('GPS');
      expect(image.toString('latin1')).not.toContain('Home Street');
      // Turned upright (the 4×2 sample with orientation 6 shows 2×4), so no orientation is left to keep.
      const stored = await sharp(image).metadata();
      expect([stored.format, stored.width, stored.height, stored.orientation, stored.exif]).toEqual([
        'jpeg',
        2,
        4,
        undefined,
        undefined,
      ]);
    });
  },
  { config: { dataDir } },
);
