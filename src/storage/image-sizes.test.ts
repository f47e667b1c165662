import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { createSampleCourse, createStaff } from '../test-support/stored-records.js';
import { forEachEngine } from '../test-support/test-databases.js';
import { recordImageSizes } from './image-sizes.js';
import { createRepositories } from './repositories/repositories.js';

const dataDir = mkdtempSync(join(tmpdir(), 'mesodesk-image-sizes-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

function storeFile(path: string, bytes: number): string {
  mkdirSync(join(dataDir, ...path.split('/').slice(0, -1)), { recursive: true });
  writeFileSync(join(dataDir, ...path.split('/')), Buffer.alloc(bytes, 1));
  return path;
}

forEachEngine('sizes of images stored before they were kept', (getDb, engine) => {
  it('are read from disk once, and then count toward the patient and the clinic', async () => {
    const repos = createRepositories(getDb());
    const clinic = await repos.clinics.create({ name: `Sizes ${engine}` });
    const user = await createStaff(repos, { clinicId: clinic.id, email: `s@sizes-${engine}.test`, displayName: 'S' });
    const patient = await repos.patients.create({
      clinicId: clinic.id,
      firstName: 'Si',
      lastName: 'Zes',
      birthDate: '1990-01-01',
      sex: 'female',
    });
    const course = await createSampleCourse(repos, patient.id, { createdBy: user.id });
    const session = await repos.treatmentSessions.create({ courseId: course.id, scheduledAt: '2026-05-01T09:00:00Z' });
    const report = await repos.sideEffects.createReport({ sessionId: session.id, reporterUserId: null, symptom: 'x' });
    const dir = `photos/${patient.id}`;
    // As stored before migration 0023: no sizes.
    const old = await repos.photos.create({
      patientId: patient.id,
      kind: 'before',
      filePath: storeFile(`${dir}/old.jpg`, 1000),
      mime: 'image/jpeg',
      createdBy: null,
    });
    await repos.sideEffects.addPhoto({
      reportId: report.id,
      filePath: storeFile(`${dir}/rash.png`, 300),
      mime: 'image/png',
    });
    const lost = await repos.photos.create({
      patientId: patient.id,
      kind: 'after',
      filePath: `${dir}/lost.jpg`,
      mime: 'image/jpeg',
      createdBy: null,
    });
    await repos.photos.create({
      patientId: patient.id,
      kind: 'after',
      filePath: storeFile(`${dir}/new.jpg`, 50),
      mime: 'image/jpeg',
      createdBy: null,
      bytes: 50,
    });
    expect(await repos.photos.storedBytes({ patientId: patient.id, clinicId: clinic.id })).toEqual({
      patient: 50,
      clinic: 50,
    });

    expect(await recordImageSizes(getDb(), dataDir)).toBe(2);
    expect((await repos.photos.findById(old.id))?.bytes).toBe(1000);
    expect((await repos.sideEffects.listPhotos(report.id)).map((p) => p.bytes)).toEqual([300]);
    // A missing file stays unknown, to be read again when it is back.
    expect((await repos.photos.findById(lost.id))?.bytes).toBeNull();
    expect(await recordImageSizes(getDb(), dataDir)).toBe(0);
    expect(await repos.photos.storedBytes({ patientId: patient.id, clinicId: clinic.id })).toEqual({
      patient: 1350,
      clinic: 1350,
    });
  });
});
