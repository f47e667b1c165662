import { isoWeekOf, shiftWeek, type IsoWeek } from './iso-week.js';
import { poissonUpperTail } from './poisson-tail.js';
import { lotLabel, lotsOf, patientsOf, reportIdsOf } from './signal-scope.js';
import type {
  DetectionSettings,
  ExposureSession,
  ReportFact,
  SafetySignal,
  SignalLot,
  SignalUnit,
} from './signal-types.js';

/** One unit's sessions in one tested week. */
interface Candidate {
  week: IsoWeek;
  unit: SignalUnit;
  sessions: ExposureSession[];
}

/** One test: a candidate with its counts against the baseline. */
export interface RateTest extends Candidate {
  observed: number;
  expected: number;
  baselineRate: number;
}

function addTo(groups: Map<string, Candidate>, key: string, week: IsoWeek, unit: SignalUnit, s: ExposureSession) {
  const group = groups.get(key) ?? { week, unit, sessions: [] };
  group.sessions.push(s);
  groups.set(key, group);
}

/**
 * The units a week's sessions make: each lot, each product, each practitioner, and the clinic. A
 * unit with exactly the sessions of one before it (a product with one lot used that week, a clinic
 * with one practitioner) is the same test and is made once, under the narrower unit.
 */
function candidatesOf(week: IsoWeek, sessions: readonly ExposureSession[]): Candidate[] {
  const lots = new Map<string, Candidate>();
  const products = new Map<string, Candidate>();
  const practitioners = new Map<string, Candidate>();
  for (const s of sessions) {
    for (const lot of s.lots) {
      addTo(lots, lot.lotId, week, { type: 'lot', id: lot.lotId, label: lotLabel(lot) }, s);
      const product = products.get(lot.productId);
      // A session with two lots of one product counts once for the product.
      if (product?.sessions.at(-1) !== s)
        addTo(products, lot.productId, week, { type: 'product', id: lot.productId, label: lot.productName }, s);
    }
    if (s.practitioner)
      addTo(
        practitioners,
        s.practitioner.id,
        week,
        { type: 'practitioner', id: s.practitioner.id, label: s.practitioner.name },
        s,
      );
  }
  const clinic: Candidate = { week, unit: { type: 'clinic', id: null, label: '' }, sessions: [...sessions] };
  const seen = new Set<string>();
  return [...lots.values(), ...products.values(), ...practitioners.values(), clinic].filter((c) => {
    const signature = c.sessions
      .map((s) => s.id)
      .sort()
      .join(',');
    if (seen.has(signature)) return false;
    seen.add(signature);
    return true;
  });
}

/**
 * Every test of a run: for each of the `lookbackWeeks` latest ISO weeks, each unit with sessions
 * that week, its reported sessions (observed) and its sessions times the clinic's baseline rate
 * (expected). The baseline of a week is the share of sessions with a report over the
 * `baselineWeeks` before it, with the prior's pseudo-counts added.
 */
export function rateTests(
  today: string,
  sessions: readonly ExposureSession[],
  reportsBySession: ReadonlyMap<string, ReportFact[]>,
  settings: DetectionSettings,
): RateTest[] {
  const byWeek = new Map<string, ExposureSession[]>();
  for (const s of sessions) {
    if (s.date > today) continue;
    const week = isoWeekOf(s.date).id;
    const list = byWeek.get(week) ?? [];
    list.push(s);
    byWeek.set(week, list);
  }
  const reported = (s: ExposureSession) => reportsBySession.has(s.id);
  const totals = (week: string) => {
    const list = byWeek.get(week) ?? [];
    return { sessions: list.length, reported: list.filter(reported).length };
  };

  const tests: RateTest[] = [];
  for (let back = settings.lookbackWeeks - 1; back >= 0; back--) {
    const week = shiftWeek(today, -back);
    const weekSessions = byWeek.get(week.id) ?? [];
    if (weekSessions.length === 0) continue;
    let baseSessions = settings.prior.sessions;
    let baseReported = settings.prior.reportedSessions;
    for (let b = 1; b <= settings.baselineWeeks; b++) {
      const t = totals(shiftWeek(week.monday, -b).id);
      baseSessions += t.sessions;
      baseReported += t.reported;
    }
    const baselineRate = baseSessions > 0 ? baseReported / baseSessions : 0;
    for (const candidate of candidatesOf(week, weekSessions))
      tests.push({
        ...candidate,
        observed: candidate.sessions.filter(reported).length,
        expected: candidate.sessions.length * baselineRate,
        baselineRate,
      });
  }
  return tests;
}

/** Who to contact and which lots to hold for a rate signal (docs/safety-signals.md, "What a signal names"). */
function scopeOf(
  test: RateTest,
  allSessions: readonly ExposureSession[],
  reportsBySession: ReadonlyMap<string, ReportFact[]>,
): { patientIds: string[]; lots: SignalLot[] } {
  const { unit } = test;
  if (unit.type === 'lot') {
    // The lot itself is suspect: everyone who received it, whichever week.
    const withLot = allSessions.filter((s) => s.lots.some((l) => l.lotId === unit.id));
    return { patientIds: patientsOf(withLot), lots: lotsOf(withLot, (l) => l.lotId === unit.id) };
  }
  if (unit.type === 'product')
    return { patientIds: patientsOf(test.sessions), lots: lotsOf(test.sessions, (l) => l.productId === unit.id) };
  const reportedSessions = test.sessions.filter((s) => reportsBySession.has(s.id));
  return { patientIds: patientsOf(test.sessions), lots: lotsOf(reportedSessions) };
}

/**
 * Rate signals: units whose reported sessions in a week are more than chance allows against the
 * clinic's own baseline, by a one-sided exact Poisson test at alpha / (tests in this run), with at
 * least `minReports` reported sessions.
 */
export function rateSignals(
  today: string,
  sessions: readonly ExposureSession[],
  reportsBySession: ReadonlyMap<string, ReportFact[]>,
  settings: DetectionSettings,
): SafetySignal[] {
  const tests = rateTests(today, sessions, reportsBySession, settings);
  const threshold = settings.alpha / Math.max(1, tests.length);
  const signals: SafetySignal[] = [];
  for (const test of tests) {
    if (test.observed < settings.minReports) continue;
    const pValue = poissonUpperTail(test.observed, test.expected);
    if (pValue > threshold) continue;
    signals.push({
      key: `rate:${test.unit.type}:${test.unit.id ?? 'clinic'}:${test.week.id}`,
      kind: 'rate',
      unit: test.unit,
      window: { from: test.week.monday, to: test.week.sunday, week: test.week.id },
      exposure: test.sessions.length,
      observed: test.observed,
      expected: test.expected,
      pValue,
      threshold,
      ...scopeOf(test, sessions, reportsBySession),
      reportIds: reportIdsOf(test.sessions, reportsBySession),
    });
  }
  return signals;
}
