import { describe, expect, it } from 'vitest';
import { addDays, dayNumber } from '../dates/iso-date.js';
import { detectSignals } from './detect-signals.js';
import { isoWeekOf } from './iso-week.js';
import { rateTests } from './rate-signals.js';
import { reportsBySession } from './signal-scope.js';
import { defaultDetectionSettings, type ExposureSession, type ReportFact, type SignalLot } from './signal-types.js';
import { syntheticClinic, type LotSpan } from './test-support/synthetic-clinic.js';

const today = '2026-12-03';

/** Of product 0's lots, the one longest in use over the last two weeks, made the excess one in them. */
const clusterOn = (rate: number) => (lots: readonly LotSpan[], on: string) => {
  const start = addDays(on, -13);
  const overlap = (s: LotSpan) => dayNumber(s.to < on ? s.to : on) - dayNumber(s.from > start ? s.from : start);
  const span = lots.filter((s) => s.lot.productId === 'p0').sort((a, b) => overlap(b) - overlap(a))[0]!;
  return { lotId: span.lot.lotId, from: span.from > start ? span.from : start, rate };
};

describe('rate signals on synthetic clinics', () => {
  it('finds a seeded cluster: one lot followed by reports far above the clinic background', () => {
    for (let seed = 1; seed <= 40; seed++) {
      let clusterLot = '';
      const clinic = syntheticClinic(seed, {
        today,
        shape: { sessionsPerDay: 8, weeks: 20, reportRate: 0.05 },
        cluster: (lots, on) => {
          const cluster = clusterOn(0.6)(lots, on);
          clusterLot = cluster.lotId;
          return cluster;
        },
      });
      const signals = detectSignals(clinic.input);
      const found = signals.find((s) => s.kind === 'rate' && s.unit.type === 'lot' && s.unit.id === clusterLot);
      expect(found, `seed ${seed}: ${signals.map((s) => s.key).join(', ')}`).toBeDefined();
      expect(found!.observed).toBeGreaterThanOrEqual(defaultDetectionSettings.minReports);
      expect(found!.observed).toBeGreaterThan(found!.expected! * 3);
      expect(found!.pValue).toBeLessThanOrEqual(found!.threshold!);
      expect(found!.lots.map((l) => l.lotId)).toEqual([clusterLot]);
      // Everyone who received the lot is to be contacted, not only those who reported.
      const received = new Set(
        clinic.input.sessions.filter((s) => s.lots.some((l) => l.lotId === clusterLot)).map((s) => s.patientId),
      );
      expect(new Set(found!.patientIds)).toEqual(received);
      const reporters = new Set(
        clinic.input.reports
          .filter((r) => found!.reportIds.includes(r.id))
          .map((r) => clinic.input.sessions.find((s) => s.id === r.sessionId)!.patientId),
      );
      expect(received.size).toBeGreaterThan(reporters.size);
      // Another lot may share the excess through sessions that used both (which lot caused a report
      // is unknown), but the seeded lot is the strongest of them.
      const lots = signals.filter((s) => s.kind === 'rate' && s.unit.type === 'lot');
      expect(lots[0]?.unit.id).toBe(clusterLot);
    }
  });

  it('raises nothing for a clinic without a cluster, over 1,000 seeds of every size and background rate', () => {
    const raised: string[] = [];
    let tests = 0;
    for (let seed = 1; seed <= 1000; seed++) {
      const { input } = syntheticClinic(seed);
      tests += rateTests(
        input.today,
        input.sessions,
        reportsBySession(input.sessions, input.reports),
        defaultDetectionSettings,
      ).length;
      raised.push(...detectSignals(input).map((s) => `seed ${seed}: ${s.key}`));
    }
    expect(raised).toEqual([]);
    // Not vacuous: each clinic made many tests.
    expect(tests).toBeGreaterThan(1000 * 10);
  });
});

const lotA: SignalLot = { lotId: 'lot-a', lotNumber: 'A-1', productId: 'p1', productName: 'Cocktail' };
const session = (id: string, patientId: string, date: string, lots: SignalLot[] = [lotA]): ExposureSession => ({
  id,
  patientId,
  practitioner: { id: 'pr1', name: 'Dr One' },
  date,
  lots,
});
const bruise = (id: string, sessionId: string): ReportFact => ({
  id,
  sessionId,
  level: 'expected',
  findingCodes: ['bruising'],
  onsetDays: 0,
});

describe('rate signals: edge cases', () => {
  it('raises nothing when there are no sessions, or reports on sessions it was not given', () => {
    expect(detectSignals({ today, sessions: [], reports: [] })).toEqual([]);
    expect(detectSignals({ today, sessions: [], reports: [bruise('r1', 'nowhere')] })).toEqual([]);
  });

  it('a new clinic does not alarm on one report, even with no minimum count', () => {
    const input = { today, sessions: [session('s1', 'p1', today)], reports: [bruise('r1', 's1')] };
    expect(detectSignals(input)).toEqual([]);
    expect(detectSignals(input, { ...defaultDetectionSettings, minReports: 1 })).toEqual([]);
    // Without the prior, the same report would be "impossible": the prior is what keeps it quiet.
    const noPrior = { ...defaultDetectionSettings, minReports: 1, prior: { reportedSessions: 0, sessions: 0 } };
    expect(detectSignals(input, noPrior).map((s) => s.pValue)).toContain(0);
  });

  it('with a zero baseline, the prior keeps the expected count above zero, and three reports on a few sessions signal', () => {
    const history = Array.from({ length: 300 }, (_, i) => session(`h${i}`, `hp${i}`, addDays(today, -30 - (i % 100))));
    const week = [0, 1, 2].map((i) => session(`w${i}`, `wp${i}`, today));
    const twoReports = detectSignals({
      today,
      sessions: [...history, ...week],
      reports: [bruise('r0', 'w0'), bruise('r1', 'w1')],
    });
    expect(twoReports).toEqual([]);
    const signals = detectSignals({
      today,
      sessions: [...history, ...week],
      reports: [bruise('r0', 'w0'), bruise('r1', 'w1'), bruise('r2', 'w2')],
    });
    const lot = signals.find((s) => s.unit.type === 'lot');
    expect(lot?.expected).toBeGreaterThan(0);
    expect(lot?.pValue).toBeGreaterThan(0);
    expect(lot?.observed).toBe(3);
    expect(lot?.window).toEqual({ from: isoWeekOf(today).monday, to: isoWeekOf(today).sunday, week: '2026-W49' });
    // The product, the practitioner and the clinic had exactly the lot's sessions this week: one test, one signal.
    expect(signals.map((s) => s.unit.type)).toEqual(['lot']);
  });

  it('counts a session with several reports once, and ignores sessions after today', () => {
    const sessions = [session('s1', 'p1', today), session('s2', 'p2', addDays(today, 7))];
    const reports = [bruise('r1', 's1'), bruise('r2', 's1'), bruise('r3', 's1'), bruise('r4', 's2')];
    const tests = rateTests(today, sessions, reportsBySession(sessions, reports), defaultDetectionSettings);
    expect(tests.map((t) => [t.unit.type, t.observed, t.sessions.length])).toEqual([['lot', 1, 1]]);
    expect(detectSignals({ today, sessions, reports })).toEqual([]);
  });

  it('gives the same signal the same key on a later day of the same week', () => {
    const history = Array.from({ length: 200 }, (_, i) => session(`h${i}`, `hp${i}`, addDays(today, -20 - (i % 50))));
    const week = [0, 1, 2, 3].map((i) => session(`w${i}`, `wp${i}`, '2026-11-30'));
    const reports = week.map((s, i) => bruise(`r${i}`, s.id));
    const monday = detectSignals({ today: '2026-11-30', sessions: [...history, ...week], reports });
    const friday = detectSignals({ today: '2026-12-04', sessions: [...history, ...week], reports });
    expect(monday.map((s) => s.key)).toEqual(['rate:lot:lot-a:2026-W49']);
    expect(friday.map((s) => s.key)).toEqual(monday.map((s) => s.key));
  });

  it('refuses a today that is not a date', () => {
    expect(() => detectSignals({ today: '3 Dec', sessions: [], reports: [] })).toThrow(RangeError);
  });
});

describe('rate signals: whom to contact and what to hold', () => {
  const lotB: SignalLot = { lotId: 'lot-b', lotNumber: 'B-2', productId: 'p2', productName: 'Booster' };
  const by = (practitioner: string, s: ExposureSession): ExposureSession => ({
    ...s,
    practitioner: { id: practitioner, name: `Dr ${practitioner}` },
  });
  // Half a year of two practitioners, both lots, one report in twenty sessions.
  const history = Array.from({ length: 400 }, (_, i) =>
    by(i % 2 ? 'one' : 'two', session(`h${i}`, `hp${i % 150}`, addDays(today, -10 - (i % 150)), [i % 3 ? lotA : lotB])),
  );
  const historyReports = history.filter((_, i) => i % 20 === 0).map((s, i) => bruise(`hr${i}`, s.id));

  it('a practitioner: everyone they treated that week, and the lots of the reported sessions', () => {
    const week = Array.from({ length: 12 }, (_, i) =>
      by(i < 8 ? 'two' : 'one', session(`w${i}`, `wp${i}`, today, [i % 2 ? lotA : lotB])),
    );
    // Dr two: seven of their eight sessions followed by a report, on both lots; Dr one: none.
    const reported = ['w0', 'w1', 'w2', 'w3', 'w4', 'w5', 'w7'];
    const signals = detectSignals({
      today,
      sessions: [...history, ...week],
      reports: [...historyReports, ...reported.map((id, i) => bruise(`wr${i}`, id))],
    });
    const practitioner = signals.find((s) => s.unit.type === 'practitioner');
    expect(practitioner).toMatchObject({
      unit: { type: 'practitioner', id: 'two', label: 'Dr two' },
      exposure: 8,
      observed: 7,
      patientIds: ['wp0', 'wp1', 'wp2', 'wp3', 'wp4', 'wp5', 'wp6', 'wp7'],
      lots: [lotB, lotA],
      reportIds: ['wr0', 'wr1', 'wr2', 'wr3', 'wr4', 'wr5', 'wr6'],
    });
    expect(practitioner!.expected).toBeCloseTo(8 * ((historyReports.length + 5) / (history.length + 50)), 10);
    expect(signals.some((s) => s.unit.type === 'practitioner' && s.unit.id === 'one')).toBe(false);
  });
});
