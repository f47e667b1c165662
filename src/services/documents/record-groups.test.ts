import { beforeAll, expect, it } from 'vitest';
import type { PatientRecordGroup } from '../../interop/records.js';
import { createClinicFixture, type ClinicFixture } from '../../test-support/clinic-fixture.js';
import { testKnowledgeBase } from '../../test-support/test-app.js';
import { forEachEngine } from '../../test-support/test-databases.js';
import type { PatientRecord } from '../../core/records/index.js';
import { createRepositories, type Repositories } from '../../storage/repositories/repositories.js';
import { clinicRecordGroups } from './clinic-record-groups.js';
import { seedInteropFixture, type InteropPatientRecords } from './test-support/interop-records.js';
import { loadPatientRecordGroup, loadRecordGroups } from './record-groups.js';

async function collect<T>(items: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const item of items) out.push(item);
  return out;
}

forEachEngine('loading patient record groups', (getDb, engine) => {
  let repos: Repositories;
  let fixture: ClinicFixture;
  let other: ClinicFixture;
  let seeded: InteropPatientRecords;
  let extra: PatientRecord[];

  beforeAll(async () => {
    repos = createRepositories(getDb());
    fixture = await createClinicFixture(repos, { tag: `groups-${engine}`, passwordHash: 'not-used' });
    other = await createClinicFixture(repos, { tag: `groups-other-${engine}`, passwordHash: 'not-used' });
    seeded = (await seedInteropFixture(repos, testKnowledgeBase(), fixture)).own;
    extra = [];
    for (let i = 0; i < 5; i++)
      extra.push(
        await repos.patients.create({
          clinicId: fixture.clinic.id,
          firstName: `Ek${i}`,
          lastName: 'Hasta',
          birthDate: '1980-01-01',
          sex: 'unknown',
        }),
      );
  });

  it('gathers everything of one patient, with the catalogue rows its records name', async () => {
    const group = await loadPatientRecordGroup(repos, fixture.patient);
    expect(group.patient.id).toBe(fixture.patient.id);
    expect(group.intakes.map((i) => i.version)).toEqual([1, 2]);
    expect(group.courses.map((c) => c.id)).toEqual([seeded.course.id]);
    expect(group.sessions.map((s) => s.id)).toEqual([
      seeded.doneSession.id,
      seeded.plannedSession.id,
      seeded.unmeasuredSession.id,
      seeded.cancelledSession.id,
    ]);
    expect(group.chartEntries).toHaveLength(1);
    expect(group.chartEntries[0]?.points.map((p) => p.technique).sort()).toEqual(['gun', 'manual']);
    expect(group.sideEffects.map((r) => r.symptom)).toEqual(['şişlik ve kızarıklık']);
    expect(group.outcomes.map((o) => o.patientRating)).toEqual([4]);
    expect(group.consentSignatures.map((s) => s.id)).toEqual([seeded.signature.id]);
    expect(group.consentTexts.map((t) => t.procedure)).toEqual(['mesotherapy']);
    expect(group.products.map((p) => p.manufacturer)).toEqual(['Örnek İlaç A.Ş.']);
    expect(group.lots.map((l) => [l.lotNumber, l.recalled]).sort()).toEqual([
      ['LOT-TR-A', false],
      ['LOT-TR-B', true],
    ]);
    expect(group.audit).toBeUndefined();
  });

  it('adds the audit trail, oldest first, only when asked', async () => {
    const entry = {
      clinicId: fixture.clinic.id,
      userId: null,
      role: null,
      entity: 'test',
      records: [{ entityId: null, patientId: fixture.patient.id }],
      route: null,
    };
    await repos.audit.append([{ ...entry, action: 'read' }]);
    await repos.audit.append([{ ...entry, action: 'update' }]);
    const { audit } = await loadPatientRecordGroup(repos, fixture.patient, { includeAudit: true });
    expect(audit?.map((a) => a.action)).toEqual(['read', 'update']);
  });

  it('loads a batch with one query per table, giving the same groups as one patient at a time', async () => {
    const patients = [fixture.patient, fixture.otherPatient, ...extra.slice(0, 2)];
    const batch = await loadRecordGroups(repos, patients);
    const single = await Promise.all(patients.map((p) => loadPatientRecordGroup(repos, p)));
    expect(batch).toEqual(single);
    expect(batch[2]?.sessions).toEqual([]);
    expect(await loadRecordGroups(repos, [])).toEqual([]);
  });

  it('streams a whole clinic in batches, each patient once, in id order, reading a batch only when needed', async () => {
    const clinicIds = [fixture.patient, fixture.otherPatient, ...extra].map((p) => p.id).sort();
    for (const batchSize of [1, 2, 3, 200]) {
      const batches: string[][] = [];
      const groups = await collect(
        clinicRecordGroups(repos, fixture.clinic.id, {
          batchSize,
          onBatch: (ps) => void batches.push(ps.map((p) => p.id)),
        }),
      );
      expect(
        groups.map((g) => g.patient.id),
        `batch size ${batchSize}`,
      ).toEqual(clinicIds);
      expect(batches.flat()).toEqual(clinicIds);
      expect(batches.length).toBe(Math.ceil(clinicIds.length / batchSize));
    }
    const full = await collect(clinicRecordGroups(repos, fixture.clinic.id, { batchSize: 2 }));
    const seededGroup = full.find((g) => g.patient.id === fixture.patient.id) as PatientRecordGroup;
    expect(seededGroup).toEqual(await loadPatientRecordGroup(repos, fixture.patient));

    let loaded = 0;
    const lazy = clinicRecordGroups(repos, fixture.clinic.id, { batchSize: 2, onBatch: () => void loaded++ });
    await lazy.next();
    await lazy.next();
    expect(loaded).toBe(1);
    await lazy.next();
    expect(loaded).toBe(2);
    await lazy.return(undefined);
  });

  it('keeps to the clinic, and pages patients by id', async () => {
    const others = await collect(clinicRecordGroups(repos, other.clinic.id));
    expect(others.map((g) => g.patient.id).sort()).toEqual([other.patient.id, other.otherPatient.id].sort());
    expect(await repos.patients.countByClinic(fixture.clinic.id)).toBe(7);
    const first = await repos.patients.listByClinic({ clinicId: fixture.clinic.id, limit: 3 });
    const rest = await repos.patients.listByClinic({
      clinicId: fixture.clinic.id,
      limit: 10,
      afterId: first.at(-1)?.id ?? '',
    });
    expect([...first, ...rest].map((p) => p.id)).toEqual(
      [fixture.patient, fixture.otherPatient, ...extra].map((p) => p.id).sort(),
    );
  });

  it('refuses a batch size that is not a positive whole number', async () => {
    await expect(collect(clinicRecordGroups(repos, fixture.clinic.id, { batchSize: 0 }))).rejects.toThrow(RangeError);
  });
});
