import { beforeAll, expect, it } from 'vitest';
import type { PatientRecord } from '../../core/records/index.js';
import { createClinicFixture, type ClinicFixture } from '../../test-support/clinic-fixture.js';
import { makeIntake, type IntakeOverrides } from '../../test-support/intake-builder.js';
import { bookHealthyCourse } from '../../test-support/stored-records.js';
import { testKnowledgeLibrary } from '../../test-support/test-app.js';
import { forEachEngine } from '../../test-support/test-databases.js';
import { createRepositories, type Repositories } from '../../storage/repositories/repositories.js';
import { rescreenOutdated } from './rescreen-outdated.js';
import { rescreenPatient } from './rescreen-patient.js';

/** The knowledge base the server re-screens with: the library's English one (server/main.ts). */
const kb = testKnowledgeLibrary().base;
const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString();

/** The same answers written in Turkish and in English. */
const answers: [string, IntakeOverrides['patient'], IntakeOverrides['patient']][] = [
  ['a past stroke', { conditions: [{ code: 'İNME' }] }, { conditions: [{ code: 'stroke' }] }],
  [
    'a bleeding disorder and a hyaluronic acid allergy',
    { conditions: [{ code: 'Pıhtılaşma bozukluğu' }], allergies: [{ substance: 'sodyum hiyaluronat' }] },
    { conditions: [{ code: 'clotting disorder' }], allergies: [{ substance: 'sodium hyaluronate' }] },
  ],
  [
    'controlled diabetes without insulin',
    { conditions: [{ code: 'şeker hastasıyım', insulinDependent: false, controlled: true }] },
    { conditions: [{ code: 'diabetes', insulinDependent: false, controlled: true }] },
  ],
];

forEachEngine('re-screening reads intakes written in Turkish', (getDb) => {
  let repos: Repositories;
  let fixture: ClinicFixture;
  let count = 0;

  /** A new patient of the fixture clinic with this intake and two upcoming sessions; their ids. */
  async function patientWith(patient: IntakeOverrides['patient']): Promise<{ id: string; sessions: string[] }> {
    const record: PatientRecord = await repos.patients.create({
      clinicId: fixture.clinic.id,
      firstName: `Hasta${++count}`,
      lastName: 'Dil',
      birthDate: '1990-04-12',
      sex: 'female',
    });
    const intake = makeIntake({ patient: { birthDate: record.birthDate, ...patient } });
    await repos.intakes.create({ patientId: record.id, data: intake, createdBy: null });
    return { id: record.id, sessions: await bookHealthyCourse(repos, record, kb, [inDays(5), inDays(40)]) };
  }
  const flagOf = async (sessionId: string) => (await repos.treatmentSessions.findById(sessionId))?.flag ?? null;

  beforeAll(async () => {
    repos = createRepositories(getDb());
    fixture = await createClinicFixture(repos, { tag: `rescreen-tr-${Date.now()}`, passwordHash: 'unused' });
  });

  it.each(answers)('flags %s written in Turkish exactly as written in English', async (_, turkish, english) => {
    const tr = await patientWith(turkish);
    const en = await patientWith(english);
    await rescreenPatient(repos, kb, { patientId: tr.id, now: new Date() });
    await rescreenPatient(repos, kb, { patientId: en.id, now: new Date() });
    for (const [i, session] of tr.sessions.entries()) {
      const flag = await flagOf(session);
      const englishFlag = await flagOf(en.sessions[i] ?? '');
      expect({ verdict: flag?.verdict, reasons: flag?.reasons }).toEqual({
        verdict: englishFlag?.verdict,
        reasons: englishFlag?.reasons,
      });
      // Matched, not merely open: no "screening incomplete" flag for a word the library knows.
      expect(JSON.stringify(flag?.reasons ?? [])).not.toContain('SCREENING_INCOMPLETE');
    }
  });

  it('contraindicates a Turkish stroke and clears controlled Turkish diabetes in the run after a start', async () => {
    const stroke = await patientWith({ conditions: [{ code: 'inme geçirdim' }] });
    const diabetes = await patientWith({
      conditions: [{ code: 'Diyabet', insulinDependent: false, controlled: true }],
    });
    const unknown = await patientWith({ conditions: [{ code: 'inme yok' }] });
    await rescreenOutdated(repos, kb, { now: () => new Date(), clinicId: fixture.clinic.id, record: async () => {} });
    expect(await flagOf(stroke.sessions[0] ?? '')).toMatchObject({
      verdict: 'contraindicated',
      reasons: [{ code: 'STROKE_HISTORY' }],
    });
    expect(await flagOf(diabetes.sessions[0] ?? '')).toBeNull();
    // A denial is no answer: the session waits for a clinician, as before.
    expect(await flagOf(unknown.sessions[0] ?? '')).toMatchObject({
      verdict: 'defer',
      reasons: [{ code: 'SCREENING_INCOMPLETE', questions: ['patient.conditions[0].code'] }],
    });
  });
});
