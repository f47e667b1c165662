import { localDateTime } from '../../core/dates/local-date.js';
import { compareSessions, indexRecords, lotIdsOfChart } from '../record-index.js';
import type { CourseRecord, PatientRecord, PatientRecordGroup, TreatmentSessionRecord } from '../records.js';
import { clinicTimeFormat, type ClinicLocale } from '../clinic-time-format.js';
import { csvLines, type CsvColumn, type CsvOptions } from './csv-rows.js';

export interface SessionReportRow {
  patient: PatientRecord;
  course: CourseRecord | undefined;
  session: TreatmentSessionRecord;
  localDate: string;
  localTime: string;
  charted: boolean;
  areas: string[];
  products: string[];
  lotNumbers: string[];
  sideEffects: number;
  patientRating: number | null;
  practitionerRating: number | null;
}

export interface SessionsCsvOptions extends CsvOptions, ClinicLocale {
  /** Names are personal data; reports carry patient ids unless names are asked for. */
  patientNames?: boolean;
}

export async function* sessionReportRows(
  groups: AsyncIterable<PatientRecordGroup> | Iterable<PatientRecordGroup>,
  locale: ClinicLocale,
): AsyncGenerator<SessionReportRow> {
  clinicTimeFormat(locale); // fails fast on an unknown zone
  for await (const group of groups) {
    const index = indexRecords(group);
    for (const session of [...group.sessions].sort(compareSessions)) {
      const chart = index.chartBySession.get(session.id);
      const lots = lotIdsOfChart(chart).map((id) => index.lots.get(id));
      const outcome = index.outcomeBySession.get(session.id);
      // ISO date and 24-hour time whatever the display locale, so the columns sort and filter.
      const { date, time } = localDateTime(session.scheduledAt, locale.timeZone);
      yield {
        patient: group.patient,
        course: index.courses.get(session.courseId),
        session,
        localDate: date,
        localTime: time,
        charted: chart !== undefined,
        areas: chart ? [...new Set(chart.points.map((p) => p.area))] : [],
        products: [
          ...new Set(
            lots
              .map((l) => (l ? index.products.get(l.productId)?.name : undefined))
              .filter((n): n is string => n !== undefined),
          ),
        ],
        lotNumbers: lots.map((l) => l?.lotNumber).filter((n): n is string => n !== undefined),
        sideEffects: index.sideEffectsBySession.get(session.id)?.length ?? 0,
        patientRating: outcome?.patientRating ?? null,
        practitionerRating: outcome?.practitionerRating ?? null,
      };
    }
  }
}

export function sessionColumns(patientNames: boolean): CsvColumn<SessionReportRow>[] {
  return [
    { header: 'session_id', value: (r) => r.session.id },
    { header: 'patient_id', value: (r) => r.patient.id },
    ...(patientNames
      ? [{ header: 'patient_name', value: (r: SessionReportRow) => `${r.patient.firstName} ${r.patient.lastName}` }]
      : []),
    { header: 'course_id', value: (r) => r.session.courseId },
    { header: 'indication', value: (r) => r.course?.indication },
    { header: 'area', value: (r) => r.course?.area },
    { header: 'scheduled_at', value: (r) => r.session.scheduledAt },
    { header: 'local_date', value: (r) => r.localDate },
    { header: 'local_time', value: (r) => r.localTime },
    { header: 'duration_minutes', value: (r) => r.session.durationMinutes },
    { header: 'status', value: (r) => r.session.status },
    { header: 'practitioner_id', value: (r) => r.session.practitionerId },
    { header: 'location_id', value: (r) => r.session.locationId },
    { header: 'charted', value: (r) => r.charted },
    { header: 'areas_treated', value: (r) => r.areas.join('; ') },
    { header: 'products', value: (r) => r.products.join('; ') },
    { header: 'lot_numbers', value: (r) => r.lotNumbers.join('; ') },
    { header: 'side_effect_reports', value: (r) => r.sideEffects },
    { header: 'patient_rating', value: (r) => r.patientRating },
    { header: 'practitioner_rating', value: (r) => r.practitionerRating },
  ];
}

/** Every session of every patient, one line each, in the clinic's local date and time too. */
export function sessionsCsv(
  groups: AsyncIterable<PatientRecordGroup> | Iterable<PatientRecordGroup>,
  options: SessionsCsvOptions,
): AsyncGenerator<string, void, undefined> {
  return csvLines(sessionColumns(options.patientNames ?? false), sessionReportRows(groups, options), options);
}
