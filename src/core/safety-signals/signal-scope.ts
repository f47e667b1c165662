import type { ExposureSession, ReportFact, SignalLot } from './signal-types.js';

/** Patients of these sessions, once each, in a stable order. */
export function patientsOf(sessions: Iterable<ExposureSession>): string[] {
  return [...new Set([...sessions].map((s) => s.patientId))].sort();
}

/** Lots charted in these sessions, once each, by product then lot number. */
export function lotsOf(sessions: Iterable<ExposureSession>, only?: (lot: SignalLot) => boolean): SignalLot[] {
  const lots = new Map<string, SignalLot>();
  for (const session of sessions) for (const lot of session.lots) if (!only || only(lot)) lots.set(lot.lotId, lot);
  return [...lots.values()].sort(
    (a, b) =>
      a.productName.localeCompare(b.productName) ||
      a.lotNumber.localeCompare(b.lotNumber) ||
      a.lotId.localeCompare(b.lotId),
  );
}

/** The ids of the reports on these sessions, in a stable order. */
export function reportIdsOf(sessions: Iterable<ExposureSession>, reportsBySession: ReadonlyMap<string, ReportFact[]>) {
  return [...sessions].flatMap((s) => (reportsBySession.get(s.id) ?? []).map((r) => r.id)).sort();
}

export function lotLabel(lot: SignalLot): string {
  return `${lot.productName}, lot ${lot.lotNumber}`;
}

/** Reports by the session they follow; reports on sessions not given are left out. */
export function reportsBySession(
  sessions: readonly ExposureSession[],
  reports: readonly ReportFact[],
): Map<string, ReportFact[]> {
  const known = new Set(sessions.map((s) => s.id));
  const bySession = new Map<string, ReportFact[]>();
  for (const report of reports) {
    if (!known.has(report.sessionId)) continue;
    const list = bySession.get(report.sessionId) ?? [];
    list.push(report);
    bySession.set(report.sessionId, list);
  }
  return bySession;
}
