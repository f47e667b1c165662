import { indexRecords } from '../record-index.js';
import type { PatientRecordGroup } from '../records.js';
import { csvLines, type CsvColumn, type CsvOptions } from './csv-rows.js';

interface RatingStats {
  count: number;
  sum: number;
  min: number;
  max: number;
}

export interface IndicationOutcomeRow {
  indication: string;
  patients: number;
  courses: number;
  sessionsDone: number;
  outcomes: number;
  patientRating: RatingStats;
  practitionerRating: RatingStats;
}

const noStats = (): RatingStats => ({ count: 0, sum: 0, min: Infinity, max: -Infinity });

function add(stats: RatingStats, value: number | null): void {
  if (value === null) return;
  stats.count += 1;
  stats.sum += value;
  stats.min = Math.min(stats.min, value);
  stats.max = Math.max(stats.max, value);
}

/** Outcome ratings per indication, over every course of every patient. Memory grows with indications only. */
export async function outcomesByIndication(
  groups: AsyncIterable<PatientRecordGroup> | Iterable<PatientRecordGroup>,
): Promise<IndicationOutcomeRow[]> {
  const rows = new Map<string, IndicationOutcomeRow>();
  for await (const group of groups) {
    const index = indexRecords(group);
    // A group is one patient: count them once per indication, however many courses they had.
    const seen = new Set<string>();
    for (const course of group.courses) {
      let row = rows.get(course.indication);
      if (!row) {
        row = {
          indication: course.indication,
          patients: 0,
          courses: 0,
          sessionsDone: 0,
          outcomes: 0,
          patientRating: noStats(),
          practitionerRating: noStats(),
        };
        rows.set(course.indication, row);
      }
      if (!seen.has(course.indication)) row.patients += 1;
      seen.add(course.indication);
      row.courses += 1;
      for (const session of index.sessionsByCourse.get(course.id) ?? []) {
        if (session.status === 'done') row.sessionsDone += 1;
        const outcome = index.outcomeBySession.get(session.id);
        if (!outcome) continue;
        row.outcomes += 1;
        add(row.patientRating, outcome.patientRating);
        add(row.practitionerRating, outcome.practitionerRating);
      }
    }
  }
  return [...rows.values()].sort((a, b) => a.indication.localeCompare(b.indication));
}

const mean = (s: RatingStats) => (s.count ? Number((s.sum / s.count).toFixed(2)) : null);
const min = (s: RatingStats) => (s.count ? s.min : null);
const max = (s: RatingStats) => (s.count ? s.max : null);

export const indicationOutcomeColumns: CsvColumn<IndicationOutcomeRow>[] = [
  { header: 'indication', value: (r) => r.indication },
  { header: 'patients', value: (r) => r.patients },
  { header: 'courses', value: (r) => r.courses },
  { header: 'sessions_done', value: (r) => r.sessionsDone },
  { header: 'outcomes_recorded', value: (r) => r.outcomes },
  { header: 'patient_ratings', value: (r) => r.patientRating.count },
  { header: 'patient_rating_mean', value: (r) => mean(r.patientRating) },
  { header: 'patient_rating_min', value: (r) => min(r.patientRating) },
  { header: 'patient_rating_max', value: (r) => max(r.patientRating) },
  { header: 'practitioner_ratings', value: (r) => r.practitionerRating.count },
  { header: 'practitioner_rating_mean', value: (r) => mean(r.practitionerRating) },
  { header: 'practitioner_rating_min', value: (r) => min(r.practitionerRating) },
  { header: 'practitioner_rating_max', value: (r) => max(r.practitionerRating) },
];

export async function* outcomesByIndicationCsv(
  groups: AsyncIterable<PatientRecordGroup> | Iterable<PatientRecordGroup>,
  options: CsvOptions = {},
): AsyncGenerator<string, void, undefined> {
  yield* csvLines(indicationOutcomeColumns, await outcomesByIndication(groups), options);
}
