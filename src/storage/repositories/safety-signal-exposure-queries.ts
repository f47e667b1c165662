import type { ReportFact, SignalLot } from '../../core/safety-signals/signal-types.js';
import type { Db } from '../create-database.js';
import { fromNullableJsonText } from '../json-text.js';
import type { ExposureRow } from './safety-signal-repository.js';

/** Sessions that took place: from `from` to `to`, neither cancelled nor missed, of the clinic's patients. */
function held(db: Db, clinicId: string, from: string, to: string) {
  return db
    .selectFrom('treatment_sessions as s')
    .innerJoin('courses as c', 'c.id', 's.course_id')
    .innerJoin('patients as p', 'p.id', 'c.patient_id')
    .where('p.clinic_id', '=', clinicId)
    .where('s.scheduled_at', '>=', from)
    .where('s.scheduled_at', '<=', to)
    .where('s.status', 'not in', ['cancelled', 'no_show']);
}

/** The codes of a stored triage's findings; none when it has none (older reports). */
function findingCodes(triage: string | null): string[] {
  const parsed = fromNullableJsonText<unknown>(triage);
  if (typeof parsed !== 'object' || parsed === null || !('findings' in parsed) || !Array.isArray(parsed.findings))
    return [];
  return parsed.findings.flatMap((f: unknown) =>
    typeof f === 'object' && f !== null && 'code' in f && typeof f.code === 'string' ? [f.code] : [],
  );
}

const DAY_MS = 86_400_000;

/** Whole days from the session to the onset, for reports from before onset days were stored. */
function daysAfter(sessionAt: string, onset: string | null): number | null {
  if (onset === null) return null;
  const days = Math.floor((Date.parse(onset) - Date.parse(sessionAt)) / DAY_MS);
  return Number.isNaN(days) ? null : Math.max(0, days);
}

export async function heldSessions(db: Db, clinicId: string, from: string, to: string): Promise<ExposureRow[]> {
  const [sessions, lots] = await Promise.all([
    held(db, clinicId, from, to)
      .leftJoin('users as u', 'u.id', 's.practitioner_id')
      .select(['s.id', 's.scheduled_at', 's.location_id', 's.practitioner_id', 'u.display_name', 'c.patient_id'])
      .orderBy('s.scheduled_at')
      .orderBy('s.id')
      .execute(),
    held(db, clinicId, from, to)
      .innerJoin('chart_entries as ce', 'ce.session_id', 's.id')
      .innerJoin('injection_points as ip', 'ip.chart_entry_id', 'ce.id')
      .innerJoin('lots as l', 'l.id', 'ip.lot_id')
      .innerJoin('products as pr', 'pr.id', 'l.product_id')
      .select(['s.id as session_id', 'l.id as lot_id', 'l.lot_number', 'pr.id as product_id', 'pr.name'])
      .distinct()
      .execute(),
  ]);
  const lotsBySession = new Map<string, SignalLot[]>();
  for (const row of lots) {
    const list = lotsBySession.get(row.session_id) ?? [];
    list.push({ lotId: row.lot_id, lotNumber: row.lot_number, productId: row.product_id, productName: row.name });
    lotsBySession.set(row.session_id, list);
  }
  return sessions.map((s) => ({
    id: s.id,
    patientId: s.patient_id,
    practitioner: s.practitioner_id ? { id: s.practitioner_id, name: s.display_name ?? '' } : null,
    scheduledAt: s.scheduled_at,
    locationId: s.location_id,
    lots: lotsBySession.get(s.id) ?? [],
  }));
}

export async function reportsOnHeldSessions(db: Db, clinicId: string, from: string, to: string): Promise<ReportFact[]> {
  const rows = await held(db, clinicId, from, to)
    .innerJoin('side_effect_reports as r', 'r.session_id', 's.id')
    .select(['r.id', 'r.session_id', 'r.triage_level', 'r.triage', 'r.onset_days', 'r.onset', 's.scheduled_at'])
    .orderBy('r.created_at')
    .orderBy('r.id')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    sessionId: r.session_id,
    level: r.triage_level,
    findingCodes: findingCodes(r.triage),
    onsetDays: r.onset_days === null ? daysAfter(r.scheduled_at, r.onset) : Number(r.onset_days),
  }));
}
