import type { Selectable } from 'kysely';
import type { SideEffectPhotosTable, SideEffectReportsTable } from '../database-schema.js';
import { newId } from '../ids.js';
import { fromJsonText, fromNullableJsonText, toJsonText } from '../json-text.js';
import type { SideEffectPhotoRecord, SideEffectReportRecord } from '../../core/records/index.js';
import type { RepositoryContext } from './repository-context.js';
import { tableRows } from './table-rows.js';
import type { SideEffectRepository } from './side-effect-repository.js';
import { numberOrNull, rowMapper } from './row-mapper.js';

type ReportRow = Selectable<SideEffectReportsTable>;

const toReport = rowMapper<ReportRow, SideEffectReportRecord>()(
  [
    'id, session_id, reporter_user_id, symptom, onset, severity, triage, created_at',
    'codes, ongoing, symptoms, onset_days, reported_by, reported_via',
  ],
  {
    triage: fromNullableJsonText,
    codes: (codes) => (codes === null ? [] : fromJsonText<string[]>(codes)),
    ongoing: (ongoing) => (ongoing === null ? null : Number(ongoing) === 1),
    symptoms: (symptoms) => (symptoms === null ? [] : fromJsonText<string[]>(symptoms)),
    onsetDays: numberOrNull,
  },
);

const toPhoto = rowMapper<Selectable<SideEffectPhotosTable>, SideEffectPhotoRecord>()(
  'id, report_id, file_path, mime, created_at, bytes, created_by',
  { bytes: numberOrNull },
);

/** The triage level, when `triage` is a result that has one (the column mirrors it). */
function levelOf(triage: unknown): ReportRow['triage_level'] {
  const level = typeof triage === 'object' && triage !== null && 'level' in triage ? triage.level : undefined;
  return level === 'expected' || level === 'review' || level === 'urgent' ? level : null;
}

export function kyselySideEffectRepository({ db, now }: RepositoryContext): SideEffectRepository {
  const reports = tableRows(db, 'side_effect_reports', toReport);
  const photos = tableRows(db, 'side_effect_photos', toPhoto);
  return {
    async createReport(input) {
      const triage = input.triage ?? null;
      return reports.insert({
        id: newId(),
        session_id: input.sessionId,
        reporter_user_id: input.reporterUserId,
        symptom: input.symptom,
        onset: input.onset ?? null,
        severity: input.severity ?? null,
        triage: triage === null ? null : toJsonText(triage),
        created_at: now(),
        codes: input.codes === undefined ? null : toJsonText(input.codes),
        ongoing: input.ongoing === undefined || input.ongoing === null ? null : input.ongoing ? 1 : 0,
        triage_level: levelOf(triage),
        symptoms: input.symptoms === undefined ? null : toJsonText(input.symptoms),
        onset_days: input.onsetDays ?? null,
        reported_by: input.reportedBy ?? null,
        reported_via: input.reportedVia ?? null,
      });
    },
    findReport: reports.findById,
    listBySession: (sessionId) => reports.listBy('session_id', sessionId, 'created_at desc', 'id desc'),
    setTriage: (id, triage) =>
      reports.updateById(id, {
        triage: triage === null || triage === undefined ? null : toJsonText(triage),
        triage_level: levelOf(triage),
      }),
    addPhoto: ({ id, reportId, filePath, mime, bytes, createdBy }) =>
      photos.insert({
        id: id ?? newId(),
        report_id: reportId,
        file_path: filePath,
        mime,
        created_at: now(),
        bytes: bytes ?? null,
        created_by: createdBy ?? null,
      }),
    listPhotos: (reportId) => photos.listBy('report_id', reportId, 'created_at', 'id'),
    findPhoto: photos.findById,
    deletePhoto: photos.deleteById,
    async lotsUsedInSession(sessionId) {
      const rows = await db
        .selectFrom('chart_entries as ce')
        .innerJoin('injection_points as ip', 'ip.chart_entry_id', 'ce.id')
        .innerJoin('lots as l', 'l.id', 'ip.lot_id')
        .innerJoin('products as pr', 'pr.id', 'l.product_id')
        .select(['l.id as lotId', 'l.lot_number as lotNumber', 'pr.id as productId', 'pr.name as productName'])
        .distinct()
        .where('ce.session_id', '=', sessionId)
        .orderBy('pr.name')
        .orderBy('l.lot_number')
        .orderBy('l.id')
        .execute();
      return rows;
    },
    async listNeedingAttention({ clinicId, levels, limit, offset }) {
      if (levels.length === 0) return [];
      const rows = await db
        .selectFrom('side_effect_reports as r')
        .innerJoin('treatment_sessions as s', 's.id', 'r.session_id')
        .innerJoin('courses as c', 'c.id', 's.course_id')
        .innerJoin('patients as p', 'p.id', 'c.patient_id')
        .selectAll('r')
        .select(['p.id as patient_id', 'p.first_name', 'p.last_name', 's.scheduled_at'])
        .where('p.clinic_id', '=', clinicId)
        .where('r.triage_level', 'in', levels)
        .orderBy('r.created_at', 'desc')
        .orderBy('r.id', 'desc')
        .limit(limit)
        .offset(offset)
        .execute();
      return rows.map((row) => ({
        report: toReport(row),
        patient: { id: row.patient_id, firstName: row.first_name, lastName: row.last_name },
        sessionAt: row.scheduled_at,
      }));
    },
    async listByPatients(patientIds) {
      if (patientIds.length === 0) return [];
      const rows = await db
        .selectFrom('side_effect_reports as r')
        .innerJoin('treatment_sessions as s', 's.id', 'r.session_id')
        .innerJoin('courses as c', 'c.id', 's.course_id')
        .selectAll('r')
        .where('c.patient_id', 'in', patientIds)
        .orderBy('r.created_at')
        .orderBy('r.id')
        .execute();
      return rows.map(toReport);
    },
  };
}
