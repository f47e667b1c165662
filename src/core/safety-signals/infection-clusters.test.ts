import { describe, expect, it } from 'vitest';
import { addDays } from '../dates/iso-date.js';
import { detectSignals } from './detect-signals.js';
import { isInfectionPattern } from './infection-clusters.js';
import { defaultDetectionSettings, type ExposureSession, type ReportFact, type SignalLot } from './signal-types.js';

const today = '2026-12-03';
const lot = (id: string, productName = 'Cocktail'): SignalLot => ({
  lotId: id,
  lotNumber: id.toUpperCase(),
  productId: `product-${productName}`,
  productName,
});
const lotA = lot('a-1');
const lotB = lot('b-2', 'Booster');
const lotC = lot('c-3', 'Serum');

const session = (id: string, patientId: string, date: string, lots: SignalLot[]): ExposureSession => ({
  id,
  patientId,
  practitioner: { id: 'pr1', name: 'Dr One' },
  date,
  lots,
});
/** A lump two weeks after the session, as the triage reads it: urgent, `nodule_or_abscess`. */
const lateLump = (id: string, sessionId: string, overrides: Partial<ReportFact> = {}): ReportFact => ({
  id,
  sessionId,
  level: 'urgent',
  findingCodes: ['nodule_or_abscess'],
  onsetDays: 14,
  ...overrides,
});

/** A small quiet clinic: many sessions over three months with lots A and B, reports of nothing. */
function clinic(): ExposureSession[] {
  return Array.from({ length: 90 }, (_, i) =>
    session(`s${i}`, `p${i % 40}`, addDays(today, -(i % 80)), i % 3 === 0 ? [lotA, lotB] : [i % 2 ? lotA : lotB]),
  );
}

const onLot = (sessions: ExposureSession[], id: string) => sessions.filter((s) => s.lots.some((l) => l.lotId === id));

describe('infection clusters: two late lumps on one lot or one session day', () => {
  it('two patients with late lumps after one lot on different days raise one signal for the lot', () => {
    const sessions = [
      ...clinic(),
      session('k1', 'pk1', addDays(today, -40), [lotA]),
      session('k2', 'pk2', addDays(today, -12), [lotA, lotB]),
    ];
    const signals = detectSignals({ today, sessions, reports: [lateLump('r1', 'k1'), lateLump('r2', 'k2')] });
    // Lot B was in only one of the two sessions: no cluster for it.
    expect(signals.map((s) => s.key)).toEqual(['infection_cluster:lot:a-1']);
    const [signal] = signals;
    expect(signal).toMatchObject({
      kind: 'infection_cluster',
      unit: { type: 'lot', id: 'a-1', label: 'Cocktail, lot A-1' },
      observed: 2,
      expected: null,
      pValue: null,
      lots: [lotA],
      reportIds: ['r1', 'r2'],
      window: { from: addDays(today, -40), to: addDays(today, -12), week: null },
    });
    // Every patient who received lot A, reporters or not.
    const received = [...new Set(onLot(sessions, 'a-1').map((s) => s.patientId))].sort();
    expect(signal!.patientIds).toEqual(received);
    expect(received.length).toBeGreaterThan(2);
  });

  it('two patients with late lumps after sessions on one day, with different lots, raise one signal for the day', () => {
    const day = addDays(today, -20);
    const sessions = [
      ...clinic().filter((s) => s.date !== day),
      session('d1', 'px', day, [lotA]),
      session('d2', 'py', day, [lotB]),
      session('d3', 'pz', day, [lotC]),
    ];
    const signals = detectSignals({ today, sessions, reports: [lateLump('r1', 'd1'), lateLump('r2', 'd2')] });
    expect(signals.map((s) => s.key)).toEqual([`infection_cluster:session_day:${day}`]);
    expect(signals[0]).toMatchObject({
      unit: { type: 'session_day', id: null, label: day },
      window: { from: day, to: day, week: null },
      exposure: 3,
      observed: 2,
      // Everyone treated that day, and every lot opened that day.
      patientIds: ['px', 'py', 'pz'],
      lots: [lotB, lotA, lotC],
    });
  });

  it('one patient writing twice, or about two sessions, is one patient: no cluster', () => {
    const sessions = [
      session('x1', 'p1', addDays(today, -30), [lotA]),
      session('x2', 'p1', addDays(today, -10), [lotA]),
    ];
    expect(detectSignals({ today, sessions, reports: [lateLump('r1', 'x1'), lateLump('r2', 'x1')] })).toEqual([]);
    expect(detectSignals({ today, sessions, reports: [lateLump('r1', 'x1'), lateLump('r2', 'x2')] })).toEqual([]);
  });

  it('one late lump alone is no cluster', () => {
    const sessions = clinic();
    expect(detectSignals({ today, sessions, reports: [lateLump('r1', 's1')] })).toEqual([]);
  });

  it('counts only what the triage called urgent, begun after the first two days (an unknown onset counts)', () => {
    const settings = defaultDetectionSettings.infection;
    expect(isInfectionPattern(lateLump('r', 's'), settings)).toBe(true);
    expect(isInfectionPattern(lateLump('r', 's', { onsetDays: 1 }), settings)).toBe(false);
    expect(isInfectionPattern(lateLump('r', 's', { onsetDays: 2 }), settings)).toBe(true);
    expect(isInfectionPattern(lateLump('r', 's', { onsetDays: null }), settings)).toBe(true);
    expect(isInfectionPattern(lateLump('r', 's', { level: 'review' }), settings)).toBe(false);
    expect(isInfectionPattern(lateLump('r', 's', { findingCodes: ['swelling', 'infection'] }), settings)).toBe(false);

    const sessions = [session('e1', 'p1', addDays(today, -5), [lotA]), session('e2', 'p2', addDays(today, -4), [lotA])];
    const early = [lateLump('r1', 'e1', { onsetDays: 0 }), lateLump('r2', 'e2', { onsetDays: 1 })];
    expect(detectSignals({ today, sessions, reports: early })).toEqual([]);
  });

  it('looks back 90 days: an older session does not make a cluster with a recent one', () => {
    const sessions = [
      session('o1', 'p1', addDays(today, -91), [lotA]),
      session('o2', 'p2', addDays(today, -3), [lotA]),
    ];
    expect(detectSignals({ today, sessions, reports: [lateLump('r1', 'o1'), lateLump('r2', 'o2')] })).toEqual([]);
    const within = [session('o1', 'p1', addDays(today, -90), [lotA]), sessions[1]!];
    expect(
      detectSignals({ today, sessions: within, reports: [lateLump('r1', 'o1'), lateLump('r2', 'o2')] }).map(
        (s) => s.key,
      ),
    ).toEqual(['infection_cluster:lot:a-1']);
  });

  it('a session with nothing charted can still make a session-day cluster', () => {
    const day = addDays(today, -7);
    const sessions = [session('n1', 'p1', day, []), session('n2', 'p2', day, [])];
    const signals = detectSignals({ today, sessions, reports: [lateLump('r1', 'n1'), lateLump('r2', 'n2')] });
    expect(signals.map((s) => [s.key, s.lots])).toEqual([[`infection_cluster:session_day:${day}`, []]]);
  });
});
