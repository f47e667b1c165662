import { describe, expect, it } from 'vitest';
import type { PatientRecordGroup } from '../records.js';
import { collectText, parseCsvRecords } from '../test-support/parse-csv.js';
import { id, sampleGroup } from '../test-support/sample-records.js';
import { outcomesByIndicationCsv } from './outcomes-by-indication-csv.js';
import { sessionsCsv } from './sessions-csv.js';
import { sideEffectsByLotCsv } from './side-effects-by-lot-csv.js';

/** Two patients sharing lots: the second had an urgent, severe reaction, and a hair-loss course with no lots charted. */
function clinic(): PatientRecordGroup[] {
  const first = sampleGroup(1);
  const second = sampleGroup(2);
  const hairCourse = { ...second.courses[0]!, id: id('course', 99), indication: 'hair_loss', area: 'scalp' };
  const hairSession = {
    ...second.sessions[0]!,
    id: id('session', 99),
    courseId: hairCourse.id,
    status: 'done' as const,
    scheduledAt: '2026-12-10T08:00:00.000Z',
  };
  return [
    first,
    {
      ...second,
      courses: [...second.courses, hairCourse],
      sessions: [...second.sessions, hairSession],
      sideEffects: [
        {
          ...second.sideEffects[0]!,
          severity: 'severe',
          symptom: 'Spreading redness, fever',
          triage: { level: 'urgent' },
        },
        {
          ...second.sideEffects[0]!,
          id: id('sideeffect', 99),
          sessionId: hairSession.id,
          severity: null,
          symptom: '=1+1 itching',
        },
      ],
      outcomes: [
        ...second.outcomes,
        {
          ...second.outcomes[0]!,
          id: id('outcome', 99),
          sessionId: hairSession.id,
          patientRating: 2,
          practitionerRating: null,
        },
      ],
    },
  ];
}

async function* slowly<T>(items: T[]): AsyncGenerator<T> {
  for (const item of items) yield await Promise.resolve(item);
}

describe('sessions CSV', () => {
  it('lists every session with local date and time, lots and ratings', async () => {
    const rows = parseCsvRecords(
      await collectText(sessionsCsv(slowly(clinic()), { timeZone: 'Europe/Istanbul', locale: 'tr-TR' })),
    );
    expect(rows).toHaveLength(5);
    const first = rows[0]!;
    expect(first).toMatchObject({
      session_id: id('session', 11),
      patient_id: id('patient', 1),
      indication: 'skin_rejuvenation',
      scheduled_at: '2026-11-23T07:00:00.000Z',
      local_date: '2026-11-23',
      local_time: '10:00',
      status: 'done',
      charted: 'yes',
      areas_treated: 'face; neck',
      products: 'Meso Glow',
      lot_numbers: 'LOT-2026-A; LOT-2026-B',
      side_effect_reports: '1',
      patient_rating: '4',
      practitioner_rating: '5',
    });
    expect(first).not.toHaveProperty('patient_name');
    expect(rows[1]).toMatchObject({ status: 'planned', charted: 'no', lot_numbers: '', patient_rating: '' });
  });

  it('adds patient names only when asked', async () => {
    const rows = parseCsvRecords(
      await collectText(sessionsCsv(clinic(), { timeZone: 'Europe/Istanbul', locale: 'tr-TR', patientNames: true })),
    );
    expect(rows[0]?.patient_name).toBe('Ayşe Yılmaz');
  });
});

describe('side effects by product and lot CSV', () => {
  it('counts reports and sessions per lot, by severity, with a row for reports without a lot', async () => {
    const rows = parseCsvRecords(await collectText(sideEffectsByLotCsv(slowly(clinic()))));
    expect(
      rows.map((r) => [
        r.product,
        r.lot_number,
        r.sessions_using_lot,
        r.side_effect_reports,
        r.reports_per_100_sessions,
        r.mild,
        r.severe,
        r.severity_unstated,
        r.triaged_urgent,
        r.recalled,
      ]),
    ).toEqual([
      ['', '', '0', '1', '', '0', '0', '1', '0', ''],
      ['Meso Glow', 'LOT-2026-A', '2', '2', '100', '1', '1', '0', '1', 'no'],
      ['Meso Glow', 'LOT-2026-B', '2', '2', '100', '1', '1', '0', '1', 'yes'],
    ]);
    expect(rows[1]?.symptoms).toBe('şişlik ve kızarıklık; Spreading redness, fever');
    expect(rows[0]?.symptoms).toBe("'=1+1 itching");
    expect(rows[1]?.manufacturer).toBe('Örnek İlaç A.Ş.');
  });
});

describe('outcomes by indication CSV', () => {
  it('summarises ratings per indication', async () => {
    const rows = parseCsvRecords(await collectText(outcomesByIndicationCsv(slowly(clinic()))));
    expect(rows).toEqual([
      {
        indication: 'hair_loss',
        patients: '1',
        courses: '1',
        sessions_done: '1',
        outcomes_recorded: '1',
        patient_ratings: '1',
        patient_rating_mean: '2',
        patient_rating_min: '2',
        patient_rating_max: '2',
        practitioner_ratings: '0',
        practitioner_rating_mean: '',
        practitioner_rating_min: '',
        practitioner_rating_max: '',
      },
      {
        indication: 'skin_rejuvenation',
        patients: '2',
        courses: '2',
        sessions_done: '2',
        outcomes_recorded: '2',
        patient_ratings: '2',
        patient_rating_mean: '4',
        patient_rating_min: '4',
        patient_rating_max: '4',
        practitioner_ratings: '2',
        practitioner_rating_mean: '5',
        practitioner_rating_min: '5',
        practitioner_rating_max: '5',
      },
    ]);
  });

  it('writes just the header for an empty clinic', async () => {
    expect(await collectText(outcomesByIndicationCsv([], { bom: false }))).toBe(
      'indication,patients,courses,sessions_done,outcomes_recorded,patient_ratings,patient_rating_mean,patient_rating_min,patient_rating_max,practitioner_ratings,practitioner_rating_mean,practitioner_rating_min,practitioner_rating_max\r\n',
    );
  });
});
