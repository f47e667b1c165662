import sharp from 'sharp';
import { beforeAll, expect, it } from 'vitest';
import { extractPdf } from '../../../interop/test-support/pdf-text.js';
import {
  seedInteropFixture,
  type InteropPatientRecords,
} from '../../../services/documents/test-support/interop-records.js';
import { forEachApp, signInRoles, testKnowledgeBase, type TestClient } from '../../../test-support/test-app.js';
import { maxLogoBytes } from './logo-image.js';

const png = (width: number, height: number) =>
  sharp({ create: { width, height, channels: 3, background: '#1d4e89' } })
    .png()
    .toBuffer();
const dataUrl = (mime: string, bytes: Buffer) => `data:${mime};base64,${bytes.toString('base64')}`;

forEachApp('clinic logo routes', (get) => {
  let own: InteropPatientRecords;
  let admin: TestClient;
  let patient: TestClient;
  let reception: TestClient;
  const url = () => `/api/clinics/${get().fixture.clinic.id}/logo`;
  const put = (client: TestClient, image: string) => client.inject({ method: 'PUT', url: url(), payload: { image } });
  const sheet = async () => {
    const response = await admin.inject({ method: 'GET', url: `/api/sessions/${own.doneSession.id}/aftercare.pdf` });
    expect(response.statusCode, response.body.slice(0, 200)).toBe(200);
    return extractPdf(response.rawPayload);
  };

  beforeAll(async () => {
    ({ own } = await seedInteropFixture(get().repos, testKnowledgeBase(), get().fixture));
    ({ admin, patient, reception } = await signInRoles(get()));
  });

  it('stores a logo that every sheet then prints, and removes it again', async () => {
    expect((await admin.inject({ method: 'GET', url: url() })).statusCode).toBe(404);
    expect((await sheet()).images).toBe(0);

    const saved = await put(admin, dataUrl('image/png', await png(300, 100)));
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json()).toMatchObject({ mime: 'image/png' });

    const shown = await patient.inject({ method: 'GET', url: url() });
    expect(shown.statusCode).toBe(200);
    expect(shown.headers['content-type']).toBe('image/png');
    expect((await sharp(shown.rawPayload).metadata()).width).toBe(300);
    expect((await sheet()).images).toBe(1);
    const audit = await get().repos.audit.list({
      clinicId: get().fixture.clinic.id,
      entity: 'clinic_logo',
      limit: 10,
      offset: 0,
    });
    expect(audit.map((a) => a.action)).toContain('update');

    expect((await admin.inject({ method: 'DELETE', url: url() })).statusCode).toBe(204);
    expect((await admin.inject({ method: 'DELETE', url: url() })).statusCode).toBe(404);
    expect((await sheet()).images).toBe(0);
  });

  it('refuses what would not print, naming the field, and keeps the logo it had', async () => {
    const kept = await png(40, 40);
    expect((await put(admin, dataUrl('image/png', kept))).statusCode).toBe(200);
    const refused = async (image: string, message: RegExp) => {
      const response = await put(admin, image);
      expect(response.statusCode, response.body).toBe(400);
      expect(response.json().problems).toEqual([{ field: 'image', message: expect.stringMatching(message) }]);
    };
    await refused('not a data url', /data: URL of a PNG or JPEG/);
    await refused(dataUrl('image/gif', await png(10, 10)), /data: URL of a PNG or JPEG/);
    await refused('data:image/png;base64,!!!!', /data: URL of a PNG or JPEG/);
    await refused(dataUrl('image/jpeg', await png(10, 10)), /not a valid image\/jpeg/);
    const truncated = (await png(200, 200)).subarray(0, 60);
    await refused(dataUrl('image/png', truncated), /could not be read/);
    const huge = await put(admin, dataUrl('image/png', Buffer.concat([await png(10, 10), Buffer.alloc(maxLogoBytes)])));
    expect(huge.statusCode).toBe(413);
    expect(huge.json().problems).toEqual([{ field: 'image', message: 'must be at most 512 KiB' }]);
    const still = await admin.inject({ method: 'GET', url: url() });
    expect((await sharp(still.rawPayload).metadata()).width).toBe(40);
  });

  it('lets only admins change it', async () => {
    const image = dataUrl('image/png', await png(20, 20));
    expect((await put(reception, image)).statusCode).toBe(403);
    expect((await put(patient, image)).statusCode).toBe(403);
    expect((await reception.inject({ method: 'DELETE', url: url() })).statusCode).toBe(403);
  });
});
