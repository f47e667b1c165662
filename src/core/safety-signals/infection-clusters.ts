import { addDays } from '../dates/iso-date.js';
import { lotLabel, lotsOf, patientsOf } from './signal-scope.js';
import type { DetectionSettings, ExposureSession, ReportFact, SafetySignal, SignalLot } from './signal-types.js';

/**
 * A report of the infection pattern: triaged urgent for a lump, pustule, sore or discharge (the
 * settings' codes) that began once the injection's own reaction should have settled. An unknown
 * onset counts: the rule errs toward raising a signal.
 */
export function isInfectionPattern(report: ReportFact, settings: DetectionSettings['infection']): boolean {
  return (
    report.level === 'urgent' &&
    report.findingCodes.some((code) => settings.codes.includes(code)) &&
    (report.onsetDays === null || report.onsetDays >= settings.minOnsetDays)
  );
}

interface Cluster {
  sessions: ExposureSession[];
  reports: ReportFact[];
}

function add(clusters: Map<string, Cluster>, key: string, session: ExposureSession, report: ReportFact) {
  const cluster = clusters.get(key) ?? { sessions: [], reports: [] };
  if (!cluster.sessions.includes(session)) cluster.sessions.push(session);
  cluster.reports.push(report);
  clusters.set(key, cluster);
}

function windowOf(cluster: Cluster): { from: string; to: string; week: null } {
  const dates = cluster.sessions.map((s) => s.date).sort();
  return { from: dates[0] ?? '', to: dates.at(-1) ?? '', week: null };
}

/**
 * Infection clusters: late lumps, pustules, sores or discharge in `minPatients` different patients
 * after sessions with one lot, or after sessions on one day, within `lookbackDays` - whatever the
 * rates say, as two such reports are already the pattern of a contaminated product or a lapse on a
 * treatment day. Two reports by one patient are one patient.
 */
export function infectionClusters(
  today: string,
  sessions: readonly ExposureSession[],
  reportsBySession: ReadonlyMap<string, ReportFact[]>,
  settings: DetectionSettings['infection'],
): SafetySignal[] {
  const since = addDays(today, -settings.lookbackDays);
  const byLot = new Map<string, Cluster>();
  const byDay = new Map<string, Cluster>();
  const lotsById = new Map<string, SignalLot>();
  for (const session of sessions) {
    if (session.date < since || session.date > today) continue;
    for (const report of reportsBySession.get(session.id) ?? []) {
      if (!isInfectionPattern(report, settings)) continue;
      add(byDay, session.date, session, report);
      for (const lot of session.lots) {
        lotsById.set(lot.lotId, lot);
        add(byLot, lot.lotId, session, report);
      }
    }
  }
  const enough = (cluster: Cluster) => new Set(cluster.sessions.map((s) => s.patientId)).size >= settings.minPatients;
  const signals: SafetySignal[] = [];

  for (const [lotId, cluster] of byLot) {
    if (!enough(cluster)) continue;
    const lot = lotsById.get(lotId)!;
    // Everyone who received the lot, within the sessions given (the service adds older ones).
    const withLot = sessions.filter((s) => s.lots.some((l) => l.lotId === lotId));
    const window = windowOf(cluster);
    signals.push({
      key: `infection_cluster:lot:${lotId}`,
      kind: 'infection_cluster',
      unit: { type: 'lot', id: lotId, label: lotLabel(lot) },
      window,
      exposure: withLot.filter((s) => s.date >= window.from && s.date <= window.to).length,
      observed: new Set(cluster.sessions.map((s) => s.patientId)).size,
      expected: null,
      pValue: null,
      threshold: null,
      patientIds: patientsOf(withLot),
      lots: [lot],
      reportIds: cluster.reports.map((r) => r.id).sort(),
    });
  }

  for (const [date, cluster] of byDay) {
    if (!enough(cluster)) continue;
    const thatDay = sessions.filter((s) => s.date === date);
    signals.push({
      key: `infection_cluster:session_day:${date}`,
      kind: 'infection_cluster',
      unit: { type: 'session_day', id: null, label: date },
      window: { from: date, to: date, week: null },
      exposure: thatDay.length,
      observed: new Set(cluster.sessions.map((s) => s.patientId)).size,
      expected: null,
      pValue: null,
      threshold: null,
      patientIds: patientsOf(thatDay),
      // Any lot opened that day may be the source: a shared vial, a lapse in preparing them.
      lots: lotsOf(thatDay),
      reportIds: cluster.reports.map((r) => r.id).sort(),
    });
  }
  return signals;
}
